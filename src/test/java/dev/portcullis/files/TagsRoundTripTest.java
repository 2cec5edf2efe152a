package dev.portcullis.files;

import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's tags survive every format that can hold them: the definition file (Neutron's JSON) and Terraform
 * ({@code tags = [...]} on openstack_networking_secgroup_v2). Heat's OS::Neutron::SecurityGroup and Ansible's
 * openstack.cloud.security_group have no tags.
 */
class TagsRoundTripTest {

    private static final List<String> TAGS = List.of("prod", "a,b", "team/web", "\u00e9t\u00e9", "say \"hi\"", "");

    @TempDir
    Path dir;

    private static SecurityGroup tagged() {
        return new SecurityGroup("4a0d4c8e-6a1e-4c7f-9b0a-0d6f1c2b3a4d", "p", "web", "d", true, false, 3,
                GroupDraft.newGroup("web", "").rules(), TAGS, null, null);
    }

    @Test
    void tagsComeBackFromADefinitionFile() throws IOException {
        Path file = dir.resolve("groups.json");
        new DefinitionWriter().write(file, new Definitions(List.of(tagged()), List.of()));

        DefinitionReport back = new DefinitionReader().read(file);

        assertThat(back.allProblems()).isEmpty();
        assertThat(back.definitions().groups()).singleElement()
                .satisfies(g -> assertThat(g.tags()).containsExactlyElementsOf(TAGS));
    }

    @Test
    void tagsComeBackFromTerraform() {
        String tf = new TerraformWriter().write(List.of(tagged()));

        DefinitionReport back = new TerraformReader().read(tf);

        assertThat(tf).contains("tags");
        assertThat(back.allProblems()).isEmpty();
        assertThat(back.definitions().groups()).singleElement()
                .satisfies(g -> assertThat(g.tags()).containsExactlyElementsOf(TAGS));
    }

    @Test
    void heatAndAnsibleSayTheTagsAreLeftOut() throws IOException {
        WrittenText heat = new HeatWriter().write(List.of(tagged()));
        WrittenText ansible = new AnsibleWriter().write(List.of(tagged()));

        assertThat(heat.notes()).anySatisfy(n -> assertThat(n).startsWith("The tags of web (")
                .endsWith("are not written: OS::Neutron::SecurityGroup has no tags."));
        assertThat(ansible.notes()).anySatisfy(n -> assertThat(n).startsWith("The tags of web (")
                .endsWith("are not written: openstack.cloud.security_group has no tags."));
        assertThat(heat.text()).contains("# The tags of web (");
        assertThat(HeatRoundTripTest.read(List.of(tagged()), dir).allProblems()).as("the comment reads back").isEmpty();
    }
}
