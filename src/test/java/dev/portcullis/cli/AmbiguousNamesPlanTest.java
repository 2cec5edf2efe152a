package dev.portcullis.cli;

import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.DefinitionReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plan} and {@code apply} pair a group of the file without an id by its name. Neutron allows two
 * groups of one name: then the pairing is refused, naming the candidates and how to choose, instead of a
 * guess or a third group of that name; the rest of the plan is still shown, and nothing is applied.
 */
class AmbiguousNamesPlanTest {

    private static final String HTTPS = "{\"direction\": \"ingress\", \"protocol\": \"tcp\", \"port_range_min\": 443,"
            + " \"port_range_max\": 443, \"remote_ip_prefix\": \"0.0.0.0/0\"}";

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;
    private Path workspace;
    private List<String> webIds;

    @BeforeEach
    void twoGroupsNamedWeb() {
        workspace = dir.resolve("workspace.json");
        try (WorkspaceBackend backend = WorkspaceBackend.open(workspace)) {
            GroupDraft web = new GroupDraft("web", "", true, List.of());
            webIds = List.of(backend.create(web).join().id(), backend.create(web).join().id()).stream().sorted().toList();
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return PortcullisCommand.commandLine(o -> { }, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private Path file(String... groups) throws IOException {
        return Files.writeString(dir.resolve("groups.json"), "{\"security_groups\": [" + String.join(", ", groups) + "]}");
    }

    private static String group(String id, String name) {
        return "{" + (id == null ? "" : "\"id\": \"" + id + "\", ") + "\"name\": \"" + name
                + "\", \"security_group_rules\": [" + HTTPS + "]}";
    }

    private List<SecurityGroup> workspaceGroups() {
        return new DefinitionReader().read(workspace).definitions().groups();
    }

    @Test
    void aNameTheProjectHasTwiceIsRefusedAndTheRestOfThePlanShown() throws IOException {
        Path file = file(group(null, "web"), group(null, "api"));

        int exit = run("plan", file.toString(), "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(PortcullisCommand.EXIT_UNUSABLE);
        assertThat(out.toString())
                .contains("Group web (security_groups[0]): REFUSED: the project has 2 groups named \"web\" ("
                        + webIds.get(0) + ", " + webIds.get(1) + ") and this group of the file has no id",
                        "Portcullis does not guess, nor create another \"web\"",
                        "Give this group in the file the id of the one it is (a definition file's \"id\"")
                .contains("Group api: create, with 1 rule", "1 to create, 0 to change, 0 unchanged, 1 refused.")
                .doesNotContain("Group web: create");
        assertThat(err.toString()).contains("1 group of the file cannot be paired with the project's");
    }

    @Test
    void applyChangesNothingWhileAGroupIsRefused() throws IOException {
        List<SecurityGroup> before = workspaceGroups();
        Path file = file(group(null, "web"), group(null, "api"));

        int exit = run("apply", file.toString(), "--workspace", workspace.toString(), "--yes");

        assertThat(exit).isEqualTo(PortcullisCommand.EXIT_UNUSABLE);
        assertThat(out.toString()).contains("REFUSED", "Nothing was changed.").doesNotContain("applied");
        assertThat(workspaceGroups()).isEqualTo(before);
    }

    @Test
    void theIdInTheFileTellsWhichGroupItIs() throws IOException {
        Path file = file(group(webIds.get(1), "web"));

        int exit = run("plan", file.toString(), "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(PortcullisCommand.EXIT_FINDINGS);
        assertThat(out.toString()).contains("Group web (" + webIds.get(1) + "): change", "+ add Ingress IPv4 TCP 443")
                .doesNotContain("REFUSED");
    }

    @Test
    void aGroupClaimedByIdLeavesTheOtherOfItsNameToTheGroupWithoutAnId() throws IOException {
        Path file = file(group(null, "web"), group(webIds.get(0), "web"));

        int exit = run("plan", file.toString(), "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(PortcullisCommand.EXIT_FINDINGS);
        assertThat(out.toString()).contains("Group web (" + webIds.get(0) + "): change",
                "Group web (" + webIds.get(1) + "): change", "0 to create, 2 to change").doesNotContain("REFUSED");
    }

    @Test
    void anIdTheProjectDoesNotHaveFallsBackToTheNameAndIsRefusedAsWell() throws IOException {
        Path file = file(group("0b5a1c4e-0000-4000-8000-000000000000", "web"));

        int exit = run("plan", file.toString(), "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(PortcullisCommand.EXIT_UNUSABLE);
        assertThat(out.toString()).contains("REFUSED: the project has 2 groups named \"web\"",
                "the project has no group with this group's id 0b5a1c4e-0000-4000-8000-000000000000");
    }

    @Test
    void twoGroupsOfTheFileWithOneNameAndNoIdAreBothRefused() throws IOException {
        Path file = file(group(null, "api"), group(null, "api"));

        int exit = run("plan", file.toString(), "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(PortcullisCommand.EXIT_UNUSABLE);
        assertThat(out.toString()).contains("Group api (security_groups[0]): REFUSED: the file has 2 groups named"
                        + " \"api\" without an id of the project's (security_groups[0], security_groups[1]): which is which",
                "Group api (security_groups[1]): REFUSED", "0 to create, 0 to change, 0 unchanged, 2 refused.")
                .doesNotContain("create, with");
        assertThat(err.toString()).contains("2 groups of the file cannot be paired");
    }
}
