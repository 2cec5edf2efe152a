package dev.portcullis.ui.shell;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.definitions.DefinitionFiles;
import dev.portcullis.backend.sources.Clouds;
import dev.portcullis.backend.sources.GroupSources;
import dev.portcullis.backend.workspace.WorkspaceBackend;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import dev.portcullis.ui.common.FxDialogService;
import dev.portcullis.ui.files.FilePlaces;
import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;
import dev.portcullis.ui.common.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The File and Tools menus end to end, headless: open a file read-only, ask about traffic, compare it. */
@ExtendWith(ApplicationExtension.class)
class ConsoleMenuTest {

    private static final Path FOLDER = Path.of("src/test/resources/dev/portcullis/review/traffic");

    @TempDir
    static Path dir;

    private Stage owner;
    private MainWindowViewModel window;
    private final Deque<Path> chosen = new ArrayDeque<>();

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        owner = stage;
        DefinitionFiles files = DefinitionFiles.on(Runnable::run);
        Places console = new Places() {
            @Override
            public List<Place> all() {
                return List.of(Place.WORKSPACE);
            }

            @Override
            public Backend open(Place place) {
                return WorkspaceBackend.open(dir.resolve("workspace.json"));
            }
        };
        GroupSources sources = new GroupSources(() -> WorkspaceBackend.open(dir.resolve("workspace.json")),
                Clouds.NONE, null, files);
        FilePlaces places = new FilePlaces(console, sources);
        window = new MainWindowViewModel(places, backend -> new NetworkConfigurationViewModel(backend,
                Platform::runLater, Runnable::run), Platform::runLater, Runnable::run, p -> { });
        FxDialogService dialogs = new FxDialogService(() -> stage, "Definition files", List.of("*.json")) {
            @Override
            public Optional<Path> chooseFile(String title) {
                return Optional.ofNullable(chosen.poll());
            }

            @Override
            public Optional<Path> chooseFolder(String title) {
                return Optional.ofNullable(chosen.poll());
            }

            @Override
            public Optional<Path> chooseFileToSave(String title, String initialName, List<FileKind> kinds) {
                return Optional.ofNullable(chosen.poll());
            }
        };
        ConsoleMenu menu = new ConsoleMenu(window, places, sources, dialogs, Platform::runLater, Runnable::run,
                () -> stage);
        MainWindow main = new MainWindow(window, network -> new Label("groups"), null);
        main.setMenuBar(menu.menuBar());
        stage.setScene(Theme.styled(new Scene(main.root(), 1100, 700)));
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != owner).toList().forEach(Window::hide));
    }

    @Test
    void opensAFileReadOnlyAndAnswersWhetherTrafficPassesNamingTheRule(FxRobot robot) {
        ConsoleMenuPage page = new ConsoleMenuPage(robot);
        chosen.add(FOLDER.resolve("project.json"));

        page.choose("File", "Open…");

        assertThat(window.backendName()).isEqualTo("project.json (read-only file)");
        assertThat(window.countsProperty().get()).startsWith("4 security groups");
        assertThat(window.warningProperty().get()).contains("read-only");
        assertThat(window.connectionProperty().get()).isEqualTo(Connection.READ_ONLY);
        assertThat(window.networkProperty().get().editableProperty().get())
                .as("nothing offers a change the file would refuse").isFalse();
        assertThat(window.networkProperty().get().readOnlyReasonProperty().get())
                .isEqualTo("project.json is opened read-only; import it into the workspace to change it.");

        page.choose("Tools", "Check traffic…");
        page.pick("target", "Group web").type("port", "22").type("remote", "203.0.113.5").pressEnter();
        assertThat(page.text("verdict")).isEqualTo("Allowed: Ingress TCP port 22 from 203.0.113.5, group web.");
        assertThat(page.answerLines()).containsExactly(
                "Allowed by group web: Ingress IPv4 TCP 22 from 0.0.0.0/0 (\u201cSSH\u201d)");

        page.type("port", "443").click("check");
        assertThat(page.text("verdict")).endsWith("No rule allows it.");

        page.type("port", "70000").click("check");
        assertThat(page.shows("portError")).isTrue();
        assertThat(page.text("portError")).isEqualTo("\"70000\" is not a whole number from 1 to 65535.");
        assertThat(page.shows("verdict")).as("no answer to a question that cannot be asked").isFalse();
        assertThat(page.shows("remoteError")).isFalse();
    }

    @Test
    void anExportThatEndsWellIsANoteThatGoesByItselfNotADialogThatWaits(FxRobot robot) throws Exception {
        ConsoleMenuPage page = new ConsoleMenuPage(robot);
        chosen.add(FOLDER.resolve("project.json"));
        page.choose("File", "Open…");
        Path out = dir.resolve("exported-" + System.nanoTime() + ".json");
        chosen.add(out);

        page.choose("File", "Export…");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !page.note().isEmpty());
        assertThat(page.note()).contains("Export", "Exported 4 groups as definition file to " + out + ".");
        assertThat(Files.exists(out)).isTrue();
        assertThat(Window.getWindows()).as("no dialog waits for an answer")
                .noneMatch(w -> w instanceof Stage && w != owner && w.isShowing());
    }

    @Test
    void aFileWithARuleNeutronWouldRefuseIsShownWithThatRuleNamedAndReviewed(FxRobot robot) {
        ConsoleMenuPage page = new ConsoleMenuPage(robot);
        chosen.add(Path.of("src/test/resources/dev/portcullis/files/handwritten/partly-invalid.json"));

        page.choose("File", "Open…");

        assertThat(window.backendName()).isEqualTo("partly-invalid.json (read-only file)");
        assertThat(window.countsProperty().get()).startsWith("1 security group");
        assertThat(window.warningProperty().get()).contains("read-only")
                .contains("1 part of it could not be read and is not shown")
                .contains("group app: security_groups[0].security_group_rules[1].port_range_max");
        assertThat(window.networkProperty().get().snapshotProperty().get().gaps()).singleElement()
                .satisfies(gap -> assertThat(gap.problem().message()).contains("70000"));
    }

    @Test
    void aTerraformModuleFolderOpensWithTheGroupsTerraformWouldCreate(FxRobot robot) {
        ConsoleMenuPage page = new ConsoleMenuPage(robot);
        chosen.add(Path.of("src/test/resources/dev/portcullis/files/terraform/module"));

        page.choose("File", "Open Folder…");

        assertThat(window.backendName()).isEqualTo("module (read-only file)");
        assertThat(window.networkProperty().get().snapshotProperty().get().groups())
                .extracting(dev.portcullis.domain.SecurityGroup::name)
                .contains("prod-app-web", "prod-app-db", "prod-app-bastion");
        assertThat(window.warningProperty().get()).contains("read-only").doesNotContain("could not be read");
    }

    @Test
    void comparesTheProjectShownWithAFile(FxRobot robot) {
        ConsoleMenuPage page = new ConsoleMenuPage(robot);
        chosen.add(FOLDER.resolve("project.json"));
        page.choose("File", "Open…");
        chosen.add(FOLDER.resolve("changed.json"));

        page.choose("Tools", "Compare…").click("compareFile");

        assertThat(page.text("summary")).isEqualTo("2 groups changed, 2 only in project.json (read-only file), "
                + "1 only in changed.json, 0 the same.");
        assertThat(page.differences()).contains("Group web", "Description changed: Ingress IPv4 TCP 22 from "
                + "0.0.0.0/0: \u201cSSH\u201d here, \u201cSSH for admins\u201d in changed.json");
    }

    @Test
    void compareShowsItsButtonsWholeAndEscapeClosesIt(FxRobot robot) {
        ConsoleMenuPage page = new ConsoleMenuPage(robot);
        chosen.add(FOLDER.resolve("project.json"));
        page.choose("File", "Open…");
        page.choose("Tools", "Compare…");
        javafx.scene.control.Button compare = robot.lookup("#compare").queryButton();
        javafx.scene.control.Button file = robot.lookup("#compareFile").queryButton();
        robot.interact(() -> compare.getScene().getWindow().setWidth(560)); // narrower than the dialog wants
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(compare.getWidth()).isGreaterThanOrEqualTo(compare.prefWidth(-1) - 0.5);
        assertThat(file.getWidth()).isGreaterThanOrEqualTo(file.prefWidth(-1) - 0.5);

        robot.clickOn("#differences").type(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(robot.lookup("#compare").tryQuery()).isEmpty();
    }

    @Test
    void helpListsTheShortcutsAndSaysWhichPortcullisThisIs(FxRobot robot) {
        ConsoleMenuPage page = new ConsoleMenuPage(robot);
        page.choose("Help", "Keyboard Shortcuts");
        assertThat(robot.lookup("#shortcutTable .label").queryAllAs(Label.class).stream().map(Label::getText))
                .contains("Ctrl+Enter", "Ctrl+Q", "Ctrl+1 … Ctrl+4");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);

        page.choose("Help", "About Portcullis");
        assertThat(page.text("aboutText")).startsWith("Portcullis ").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void quitClosesTheWindow(FxRobot robot) {
        new ConsoleMenuPage(robot).choose("File", "Quit");

        assertThat(owner.isShowing()).isFalse();
    }
}
