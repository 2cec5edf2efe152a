package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Theme;
import dev.portcullis.ui.common.Place;
import dev.portcullis.ui.common.Places;

import dev.portcullis.backend.Backend;
import dev.portcullis.backend.offline.SnapshotStore;
import dev.portcullis.backend.sources.Clouds;
import dev.portcullis.backend.sources.GroupSources;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's frame with places: the chooser, the connection, the warning strip, the refresh timer. */
@ExtendWith(ApplicationExtension.class)
class MainWindowPlacesTest {

    private final Map<String, PlaceSwitchingTest.ClosingBackend> opened = new LinkedHashMap<>();
    private MainWindowViewModel vm;
    private RefreshTimer timer;
    private int refreshes;

    @Start
    void start(Stage stage) throws Exception {
        Theme.LIGHT.apply();
        Clouds clouds = new Clouds() {
            @Override
            public List<String> names() {
                return List.of("insecure");
            }

            @Override
            public Backend open(String name) {
                PlaceSwitchingTest.ClosingBackend backend = new PlaceSwitchingTest.ClosingBackend(name);
                backend.warning = "TLS certificates are not checked for this cloud (verify: false)";
                opened.put(name, backend);
                return backend;
            }
        };
        Places places = new ConsolePlaces(new GroupSources(() -> {
            PlaceSwitchingTest.ClosingBackend workspace = new PlaceSwitchingTest.ClosingBackend("Local workspace");
            opened.put("workspace", workspace);
            return workspace;
        }, clouds, new SnapshotStore(Files.createTempDirectory("snapshots"), Runnable::run), null));
        vm = new MainWindowViewModel(places, b -> new NetworkConfigurationViewModel(b, Platform::runLater, Runnable::run),
                Platform::runLater, Runnable::run, p -> { });
        MainWindow window = new MainWindow(vm, network -> new Label("view of " + network.backendName()), null);
        timer = new RefreshTimer(vm.autoRefreshProperty(), () -> refreshes++);
        stage.setScene(Theme.styled(new Scene(window.root(), 1000, 600)));
        stage.show();
        vm.open(Place.WORKSPACE);
    }

    @SuppressWarnings("unchecked")
    @Test
    void choosingACloudShowsItsConnectionAndWarning(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Place> chooser = robot.lookup("#placeChooser").queryComboBox();
        assertThat(chooser.getItems()).containsExactly(Place.WORKSPACE, Place.cloud("insecure"));
        assertThat(chooser.getValue()).isEqualTo(Place.WORKSPACE);
        assertThat(robot.lookup("#connection").queryAs(Label.class).getText()).isEqualTo("Connecting…");

        robot.interact(() -> chooser.setValue(Place.cloud("insecure")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.get("workspace").closed).isTrue();
        assertThat(robot.lookup("#warningStrip").query().isVisible()).isFalse();

        robot.interact(() -> opened.get("insecure").running.get(0)
                .complete(MainWindowViewModelTest.snapshotWith("default")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#connection").queryAs(Label.class).getText()).isEqualTo("Connected");
        assertThat(robot.lookup("#warningStrip").query().isVisible()).isTrue();
        assertThat(robot.lookup("#warningText").queryAs(Label.class).getText())
                .isEqualTo("TLS certificates are not checked for this cloud (verify: false)");
        assertThat(robot.lookup("view of insecure").tryQuery()).isPresent();
    }

    @Test
    void theLoadedWorkspaceIsNamedOnceInTheStatusBarAndACloudSaysConnected(FxRobot robot) {
        robot.interact(() -> opened.get("workspace").running.get(0)
                .complete(MainWindowViewModelTest.snapshotWith("default")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(statusTexts(robot)).filteredOn(t -> t.contains("Local workspace")).hasSize(1);
        assertThat(robot.lookup("#connection").query().isVisible()).isFalse();
        assertThat(statusTexts(robot)).doesNotContain("Connected");

        robot.interact(() -> robot.lookup("#placeChooser").queryComboBox().setValue(Place.cloud("insecure")));
        robot.interact(() -> opened.get("insecure").running.get(0)
                .complete(MainWindowViewModelTest.snapshotWith("default")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#connection").query().isVisible()).isTrue();
    }

    /** The texts the status bar shows: its labels and the place chooser's cell, where visible. */
    private static java.util.List<String> statusTexts(FxRobot robot) {
        return robot.from(robot.lookup(".status-bar").queryAll()).lookup((javafx.scene.Node n) ->
                        n instanceof javafx.scene.control.Labeled && n.isVisible() && n.getParent().isVisible())
                .queryAllAs(javafx.scene.control.Labeled.class).stream().map(javafx.scene.control.Labeled::getText)
                .filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void theTimerFollowsTheChosenPeriod(FxRobot robot) {
        assertThat(timer.period()).isEqualTo(javafx.util.Duration.minutes(1));
        assertThat(timer.running()).isTrue();

        robot.clickOn("#autoRefresh").clickOn("Every 30 s");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.autoRefreshProperty().get()).isEqualTo(AutoRefresh.SECONDS_30);
        assertThat(timer.period()).isEqualTo(javafx.util.Duration.seconds(30));

        robot.interact(() -> vm.autoRefreshProperty().set(AutoRefresh.OFF));
        assertThat(timer.running()).isFalse();
        assertThat(timer.period()).isNull();

        timer.tick();
        assertThat(refreshes).isEqualTo(1);
        robot.interact(timer::stop);
    }
}
