package dev.portcullis.cli;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReader;
import dev.portcullis.files.Definitions;
import dev.portcullis.files.TerraformRoundTripTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plan} and {@code apply} of a file with address groups: those the project lacks are created first and
 * the rules that name them get their new ids; those it has are changed to the file's addresses.
 */
class AddressGroupPlanApplyTest {

    @TempDir
    Path dir;

    private WorkspaceCli cli;

    @BeforeEach
    void seedWorkspace() {
        cli = new WorkspaceCli(dir);
    }

    private Definitions workspace() {
        return new DefinitionReader().read(cli.workspace).definitions();
    }

    @Test
    void aTerraformFilesAddressGroupsAreCreatedAndItsRulesNameThemByTheirNewIds() throws IOException {
        Path tf = dir.resolve("address-groups.tf");
        Files.copy(TerraformRoundTripTest.resource("terraform/address-groups.tf"), tf);

        assertThat(cli.run("plan", tf.toString(), "--workspace", cli.workspace.toString())).isEqualTo(1);
        assertThat(cli.out()).contains("Address group office: create, with 2 addresses", "  + address 192.0.2.17/32",
                "Address group monitoring: create, with 2 addresses", "Group bastion: create");

        assertThat(cli.run("apply", tf.toString(), "--workspace", cli.workspace.toString(), "--yes"))
                .as(cli::out).isZero();
        assertThat(cli.out()).contains("applied: create address group office (", "Done: every change was applied.");
        Map<String, String> idByName = workspace().addressGroups().stream()
                .collect(Collectors.toMap(AddressGroup::name, AddressGroup::id));
        assertThat(idByName).containsOnlyKeys("office", "monitoring");
        SecurityGroup bastion = workspace().groups().stream().filter(g -> g.name().equals("bastion")).findFirst()
                .orElseThrow();
        assertThat(bastion.rules()).extracting(r -> r.remote() instanceof Remote.AddressGroup a ? a.addressGroupId()
                : null).containsExactlyInAnyOrder(idByName.get("office"), idByName.get("monitoring"));

        assertThat(cli.run("plan", tf.toString(), "--workspace", cli.workspace.toString())).as(cli::out).isZero();
        assertThat(cli.out()).contains("Nothing to do");
    }

    @Test
    void anAddressGroupTheProjectHasIsChangedToTheFilesAddresses() throws IOException {
        Path tf = dir.resolve("address-groups.tf");
        Files.copy(TerraformRoundTripTest.resource("terraform/address-groups.tf"), tf);
        assertThat(cli.run("apply", tf.toString(), "--workspace", cli.workspace.toString(), "--yes")).isZero();
        Files.writeString(tf, Files.readString(tf).replace("\"192.0.2.17/32\",", "\"192.0.2.32/28\","));

        assertThat(cli.run("plan", tf.toString(), "--workspace", cli.workspace.toString())).isEqualTo(1);
        assertThat(cli.out()).contains("Address group office (", "  + address 192.0.2.32/28",
                "  - address 192.0.2.17/32", "0 to create, 1 to change");

        assertThat(cli.run("apply", tf.toString(), "--workspace", cli.workspace.toString(), "--yes")).isZero();
        assertThat(workspace().addressGroups().stream().filter(a -> a.name().equals("office")).findFirst()
                .orElseThrow().addresses()).extracting(Object::toString)
                .containsExactly("192.0.2.32/28", "203.0.113.0/24");
    }
}
