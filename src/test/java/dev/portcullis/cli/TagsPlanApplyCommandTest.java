package dev.portcullis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plan} and {@code apply} make a group's tags what the file says, and leave them when the file is silent. */
class TagsPlanApplyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private WorkspaceCli cli;
    private Path workspace;

    @BeforeEach
    void seedWorkspace() {
        cli = new WorkspaceCli(dir);
        workspace = cli.workspace;
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private SecurityGroup workspaceGroup(String name) {
        return new DefinitionReader().read(workspace).definitions().groups().stream()
                .filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    /** The seed with its first group changed by {@code edit}; answers the file and that group's name. */
    private Path edited(String file, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(cli.seed.toFile());
        edit.accept((ObjectNode) root.withArray("security_groups").get(0));
        Path path = dir.resolve(file);
        JSON.writerWithDefaultPrettyPrinter().writeValue(path.toFile(), root);
        return path;
    }

    private String firstName() throws IOException {
        return JSON.readTree(cli.seed.toFile()).path("security_groups").get(0).path("name").asText();
    }

    private static Consumer<ObjectNode> tags(String... tags) {
        return g -> {
            ArrayNode list = g.putArray("tags");
            for (String t : tags) {
                list.add(t);
            }
        };
    }

    @Test
    void planShowsTheTagsToSetAndApplySetsThemUntilNothingIsLeftToDo() throws IOException {
        String name = firstName();
        Path file = edited("tagged.json", tags("web", "Prod"));

        assertThat(run("plan", file.toString(), "--workspace", workspace.toString())).isEqualTo(1);
        assertThat(cli.out()).contains("Group " + name + " (", "  ~ tags: none -> Prod, web",
                "0 to create, 1 to change");

        assertThat(run("apply", file.toString(), "--workspace", workspace.toString(), "--yes")).isZero();
        assertThat(cli.out()).contains("  applied: tags of " + name + ": Prod, web", "Done: every change was applied.");
        assertThat(workspaceGroup(name).tags()).containsExactlyInAnyOrder("web", "Prod");
        assertThat(run("plan", file.toString(), "--workspace", workspace.toString())).isZero();
    }

    @Test
    void aFileThatDoesNotSayTheTagsLeavesThemAsTheyAre() throws IOException {
        String name = firstName();
        assertThat(run("apply", edited("tagged.json", tags("keep")).toString(), "--workspace", workspace.toString(),
                "--yes")).isZero();

        Path silent = edited("silent.json", g -> g.remove("tags"));

        assertThat(run("apply", silent.toString(), "--workspace", workspace.toString(), "--yes")).isZero();
        assertThat(cli.out()).contains("Nothing to do");
        assertThat(workspaceGroup(name).tags()).containsExactly("keep");
    }

    @Test
    void anEmptyTagListRemovesTheTags() throws IOException {
        String name = firstName();
        assertThat(run("apply", edited("tagged.json", tags("old")).toString(), "--workspace", workspace.toString(),
                "--yes")).isZero();

        assertThat(run("apply", edited("untagged.json", tags()).toString(), "--workspace", workspace.toString(),
                "--yes")).isZero();

        assertThat(cli.out()).contains("  applied: tags of " + name + ": none");
        assertThat(workspaceGroup(name).tags()).isEmpty();
    }

    @Test
    void aNewGroupIsCreatedWithItsTags() throws IOException {
        Path file = dir.resolve("new.json");
        java.nio.file.Files.writeString(file, """
                {"security_groups": [{"name": "tagged-newcomer", "security_group_rules": [], "tags": ["team-a"]}]}
                """);

        assertThat(run("plan", file.toString(), "--workspace", workspace.toString())).as(() -> cli.err())
                .isEqualTo(1);
        assertThat(cli.out()).contains("Group tagged-newcomer: create, with 0 rules", "  ~ tags: team-a");

        assertThat(run("apply", file.toString(), "--workspace", workspace.toString(), "--yes")).isZero();
        assertThat(workspaceGroup("tagged-newcomer").tags()).containsExactly("team-a");
    }

    @Test
    void tagsNeutronWouldRefuseAreProblemsOfTheFileWithTheirPlace() throws IOException {
        Path file = edited("twice.json", tags("web", "WEB"));

        assertThat(run("plan", file.toString(), "--workspace", workspace.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("security_groups[0].tags[1]", "\"WEB\" is there twice");
        assertThat(List.of(workspaceGroup(firstName()).tags())).containsExactly(List.of());
    }
}
