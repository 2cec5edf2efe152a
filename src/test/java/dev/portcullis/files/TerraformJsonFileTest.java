package dev.portcullis.files;

import dev.portcullis.domain.Problem;
import dev.portcullis.files.DefinitionReport.GroupReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A folder's .tf.json file is not read, and the problem says what that means for the review. */
class TerraformJsonFileTest {

    private static final String GROUP = "resource \"openstack_networking_secgroup_v2\" \"web\" {\n  name = \"web\"\n}\n";

    @Test
    void aTfJsonFileInTheFolderIsAProblemThatSaysItsRulesAreNotReviewed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("main.tf"), GROUP);
        Files.writeString(dir.resolve("rules.tf.json"),
                "{\"resource\": {\"openstack_networking_secgroup_rule_v2\": {\"ssh\": {\"port_range_min\": 22}}}}");

        DefinitionReport report = new TerraformReader().read(dir);

        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("TerraformNotRead");
            assertThat(p.field()).isEqualTo("rules.tf.json");
            assertThat(p.message()).contains("JSON syntax", "not reviewed", ".tf file");
        });
        assertThat(report.groups()).extracting(GroupReport::name).containsExactly("web");
    }

    @Test
    void aFolderOfTfFilesOnlyHasNoSuchProblem(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("main.tf"), GROUP);

        assertThat(new TerraformReader().read(dir).allProblems()).extracting(Problem::code)
                .doesNotContain("TerraformNotRead");
    }
}
