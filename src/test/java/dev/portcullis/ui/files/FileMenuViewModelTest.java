package dev.portcullis.ui.files;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.ProgressListener;
import dev.portcullis.backend.Snapshot;
import dev.portcullis.backend.definitions.DefinitionFileIo;
import dev.portcullis.backend.definitions.DefinitionFiles;
import dev.portcullis.backend.sources.Clouds;
import dev.portcullis.backend.sources.GroupSources;
import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.domain.GroupDraft;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.review.Comparison;
import dev.portcullis.ui.files.FileMenuViewModel.Message;
import dev.portcullis.ui.common.FakeDialogService;
import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileMenuViewModelTest {

    static final Path FOLDER = Path.of("src/test/resources/dev/portcullis/review/traffic");

    @TempDir
    Path dir;

    private final DefinitionFiles files = DefinitionFiles.on(Runnable::run);
    private final List<Place> shownPlaces = new ArrayList<>();
    private Snapshot shown;
    private int imports;

    private Path workspaceFile() {
        return dir.resolve("workspace.json");
    }

    private Backend workspaceBackend() {
        return WorkspaceBackend.open(workspaceFile());
    }

    private final Places console = new Places() {
        @Override
        public List<Place> all() {
            return List.of(Place.WORKSPACE);
        }

        @Override
        public Backend open(Place place) {
            return WorkspaceBackend.open(workspaceFile());
        }
    };

    private final FilePlaces places = new FilePlaces(console, new GroupSources(this::workspaceBackend,
            Clouds.NONE, null, files));
    private final FakeDialogService dialogs = new FakeDialogService();
    private final FileMenuViewModel vm = new FileMenuViewModel(places, files, shownPlaces::add, () -> shown,
            () -> places.open(Place.WORKSPACE), () -> imports++, dialogs, Runnable::run, Runnable::run);

    /** The last thing the view model told the user. */
    private Message told() {
        List<String> said = dialogs.said();
        assertThat(said).as("something was told").isNotEmpty();
        String line = said.get(said.size() - 1);
        assertThat(line).matches("(?s)(error|inform|notify): .*");
        String rest = line.substring(line.indexOf(": ") + 2);
        int colon = rest.indexOf(": ");
        return new Message(rest.substring(0, colon), rest.substring(colon + 2), line.startsWith("error: "),
                line.startsWith("notify: "));
    }

    private static Snapshot load(Backend backend) throws Exception {
        return backend.load(ProgressListener.NONE).get(10, TimeUnit.SECONDS);
    }

    @Test
    void opensAFileReadOnlyAsAPlaceThatRefusesChanges() throws Exception {
        vm.open(FOLDER.resolve("project.json"));

        Place place = shownPlaces.get(0);
        assertThat(place.name()).isEqualTo("project.json (read-only file)");
        assertThat(places.isFile(place)).isTrue();
        assertThat(places.isFile(Place.WORKSPACE)).isFalse();
        try (Backend backend = places.open(place)) {
            assertThat(load(backend).groups()).extracting(SecurityGroup::name).containsExactly("web", "db", "twin",
                    "twin");
            assertThat(backend.warning()).get().asString().contains("read-only").contains("File > Import");
            assertThatThrownBy(() -> backend.create(GroupDraft.newGroup("new", "")).join()).cause()
                    .isInstanceOf(BackendException.class)
                    .hasMessage("project.json is opened read-only; import it into the workspace to change it.");
        }
        try (Backend workspace = places.open(Place.WORKSPACE)) {
            assertThat(workspace).as("other places are the console's own").isInstanceOf(WorkspaceBackend.class);
        }
    }

    /** Its backend only names the file: the window shows the place, and the groups read already, in its first frame. */
    @Test
    void aFilesPlaceIsOpenedAtOnceWithoutTheWorker() throws Exception {
        Place file = places.add(FOLDER.resolve("project.json"));

        java.util.concurrent.CompletableFuture<Backend> opened = places.open(file, task -> {
            throw new AssertionError("the worker was asked to open a file's place");
        });

        assertThat(opened).isDone();
        try (Backend backend = opened.get()) {
            assertThat(load(backend).groups()).extracting(SecurityGroup::name).contains("web", "db");
        }
    }

    @Test
    void importsAFileIntoTheWorkspacePointingRulesAtTheCopiesOfTheirGroups() throws Exception {
        List<String> before;
        try (Backend workspace = WorkspaceBackend.open(workspaceFile())) {
            before = load(workspace).groups().stream().map(SecurityGroup::id).toList();
        }

        vm.importFile(FOLDER.resolve("project.json")).get(10, TimeUnit.SECONDS);

        Message message = told();
        assertThat(message.error()).isFalse();
        assertThat(message.text()).isEqualTo("Imported 4 groups from project.json into the local workspace.");
        assertThat(message.quiet()).as("a plain success is a note that goes by itself").isTrue();
        assertThat(imports).isEqualTo(1);
        assertThat(vm.busyProperty().get()).isFalse();
        try (Backend workspace = WorkspaceBackend.open(workspaceFile())) {
            List<SecurityGroup> copies = load(workspace).groups().stream().filter(g -> !before.contains(g.id()))
                    .toList();
            SecurityGroup web = copies.stream().filter(g -> g.name().equals("web")).findFirst().orElseThrow();
            SecurityGroup db = copies.stream().filter(g -> g.name().equals("db")).findFirst().orElseThrow();
            assertThat(db.rules()).extracting(Rule::remoteGroupId).containsExactly(web.id());
            Snapshot file = new DefinitionFileIo().read(FOLDER.resolve("project.json")).snapshot();
            assertThat(Comparison.of(file.groups(), copies).same()).as("the copies hold the file's rules").isTrue();
        }
    }

    @Test
    void saysWhichGroupsTheWorkspaceRefusedAndImportsTheRest() throws Exception {
        Path file = dir.resolve("with-default.json");
        Files.writeString(file, """
                {"security_groups": [
                  {"id": "g-1", "name": "default", "security_group_rules": []},
                  {"id": "g-2", "name": "app", "security_group_rules": []}]}
                """);

        vm.importFile(file).get(10, TimeUnit.SECONDS);

        Message message = told();
        assertThat(message.text()).startsWith("Imported 1 group; 1 not imported from with-default.json")
                .contains("Imported group app (0 rules)", "Not imported: group default: ");
        assertThat(message.error()).isFalse();
        assertThat(message.quiet()).as("what was refused waits for the user").isFalse();
    }

    @Test
    void aFileThatCannotBeReadImportsNothingAndSaysWhy() throws Exception {
        vm.importFile(FOLDER.resolve("broken.json")).get(10, TimeUnit.SECONDS);

        Message message = told();
        assertThat(message.error()).isTrue();
        assertThat(message.text()).startsWith(FOLDER.resolve("broken.json") + " was not imported: ")
                .contains("cannot be used: ");
        assertThat(imports).isZero();
        assertThat(Files.exists(workspaceFile())).as("the workspace is not even opened").isFalse();
    }

    @Test
    void exportsTheProjectShownInEveryFormatThatReadsBackTheSameSaveWhatTheFormatSaysItCannotHold() throws Exception {
        shown = new DefinitionFileIo().read(FOLDER.resolve("project.json")).snapshot();
        for (DefinitionFiles.Format format : DefinitionFiles.Format.values()) {
            Path out = dir.resolve("groups" + format.pattern().substring(1));

            vm.export(out).get(10, TimeUnit.SECONDS);

            Message message = told();
            assertThat(message.error()).isFalse();
            assertThat(message.quiet()).as("notes wait for the user to read them")
                    .isEqualTo(!message.text().contains("\nNote: "));
            assertThat(message.text()).startsWith("Exported 4 groups as "
                    + format.label().toLowerCase(java.util.Locale.ROOT) + " to " + out + ".");
            Snapshot back = files.open(out).join().snapshot();
            Comparison compared = Comparison.of(shown.groups(), back.groups());
            if (format == DefinitionFiles.Format.TERRAFORM) {
                // The provider sends 0 as "unset": ICMP echo request code 0 would become every code.
                assertThat(message.text()).contains("\nNote: group web: Ingress IPv4 ICMP type 8 code 0 from 0.0.0.0/0");
                assertThat(compared.changed()).singleElement().satisfies(g -> {
                    assertThat(g.onlyInFirst()).extracting(r -> r.summary(id -> null))
                            .containsExactly("Ingress IPv4 ICMP type 8 code 0 from 0.0.0.0/0");
                    assertThat(g.onlyInSecond()).isEmpty();
                });
            } else if (format == DefinitionFiles.Format.HEAT) {
                // Heat keeps Neutron's egress rules on a group whose rules list no egress rule.
                // so a group without one gets an egress rule that reaches no one, and the export says so.
                assertThat(message.text()).contains("\nNote: The group db has no egress rule");
                assertThat(compared.changed()).hasSize(3).allSatisfy(g -> {
                    assertThat(g.onlyInFirst()).isEmpty();
                    assertThat(g.onlyInSecond()).extracting(r -> r.summary(id -> null))
                            .containsExactly("Egress IPv4 all traffic to 0.0.0.0/32");
                });
            } else if (format == DefinitionFiles.Format.ANSIBLE) {
                // The module finds a group by its name: the two groups named "twin" are one to Ansible, and
                // the export says so.
                assertThat(message.text()).endsWith("\nNote: Several groups are named \"twin\": the module finds "
                        + "groups by name and needs unique names.");
                assertThat(compared.changed()).isEmpty();
                assertThat(compared.onlyInSecond()).isEmpty();
                assertThat(compared.onlyInFirst()).extracting(SecurityGroup::name).containsExactly("twin");
            } else {
                assertThat(message.text()).doesNotContain("Note:");
                assertThat(compared.same()).as(format.label()).isTrue();
            }
        }
    }

    @Test
    void exportsNothingBeforeAProjectIsShown() {
        vm.export(dir.resolve("groups.json"));

        assertThat(told().error()).isTrue();
        assertThat(told().text()).startsWith("Nothing is shown yet");
        assertThat(Files.exists(dir.resolve("groups.json"))).isFalse();
    }

    @Test
    void importAsksForAFileAndACancelledChoiceChangesNothing() throws Exception {
        dialogs.choosing((Path) null);

        vm.chooseAndImport().get(10, TimeUnit.SECONDS);

        assertThat(dialogs.said()).containsExactly("choose file: Import a definition file into the local workspace");
        assertThat(imports).isZero();
        assertThat(Files.exists(workspaceFile())).as("the workspace is not even opened").isFalse();
    }

    @Test
    void theFileChosenIsImportedAndWhatWasImportedIsToldOnce() throws Exception {
        dialogs.choosing(FOLDER.resolve("project.json"));

        vm.chooseAndImport().get(10, TimeUnit.SECONDS);

        assertThat(dialogs.said()).as("asked, then told").hasSize(2);
        assertThat(told().title()).isEqualTo("Import");
        assertThat(told().text()).startsWith("Imported 4 groups from project.json");
        assertThat(imports).isEqualTo(1);
        assertThat(dialogs.allAnswered()).isTrue();
    }

    @Test
    void exportWritesTheFileChosenAndACancelledChoiceWritesNothing() throws Exception {
        shown = new DefinitionFileIo().read(FOLDER.resolve("project.json")).snapshot();
        Path out = dir.resolve("groups.tf");
        dialogs.choosing((Path) null, out);

        vm.chooseAndExport("demo.json").get(10, TimeUnit.SECONDS);
        assertThat(dialogs.said()).containsExactly("choose file to save: Export the groups shown (demo.json)");
        try (var listing = Files.list(dir)) {
            assertThat(listing).isEmpty();
        }

        vm.chooseAndExport("demo.json").get(10, TimeUnit.SECONDS);
        assertThat(told().text()).startsWith("Exported 4 groups as terraform to " + out);
        assertThat(files.open(out).join().snapshot().groups()).hasSize(4);
    }

    @Test
    void openShowsTheFileChosenReadOnlyAsAPlace() {
        dialogs.choosing(FOLDER.resolve("project.json"));

        vm.chooseAndOpen();

        assertThat(shownPlaces).singleElement().satisfies(p -> assertThat(places.isFile(p)).isTrue());
    }

    @Test
    void theFormatFollowsTheFileName() {
        assertThat(DefinitionFiles.Format.of(Path.of("main.TF"))).isEqualTo(DefinitionFiles.Format.TERRAFORM);
        assertThat(DefinitionFiles.Format.of(Path.of("main.tf.json"))).isEqualTo(
                DefinitionFiles.Format.DEFINITION_FILE);
    }
}
