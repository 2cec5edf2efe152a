package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ThemeSwitchTest {

    private final Preferences node = Preferences.userRoot().node("dev/portcullis/test/" + UUID.randomUUID());
    private final Settings settings = new Settings(node);
    private ThemeSwitch themeSwitch;

    @Start
    void start(Stage stage) {
        themeSwitch = new ThemeSwitch(settings);
        MainWindowViewModel vm = new MainWindowViewModel("Test project",
                new NetworkConfigurationViewModel(new StubBackend(), Platform::runLater, Runnable::run));
        stage.setScene(Theme.styled(new Scene(new MainWindow(vm, new Pane(), themeSwitch.darkProperty()).root(),
                800, 500)));
        stage.show();
    }

    @AfterEach
    void restoreTheme() throws BackingStoreException {
        Platform.runLater(Theme.LIGHT::apply);
        node.removeNode();
    }

    @Test
    void theSwitchInTheStatusBarTurnsTheWholeConsoleDarkAndIsRemembered(FxRobot robot) {
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());

        robot.clickOn("#darkTheme");

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(settings.theme()).isEqualTo(Theme.DARK);

        robot.clickOn("#darkTheme");

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aRememberedDarkThemeIsAppliedAtStart() {
        settings.setTheme(Theme.DARK);
        Platform.runLater(() -> new ThemeSwitch(settings));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
    }

    @Test
    void aFlatButtonWithTheKeyboardFocusShowsARingInTheAccentColour(FxRobot robot) {
        javafx.scene.control.ToggleButton dark = robot.lookup("#darkTheme").queryAs(javafx.scene.control.ToggleButton.class);

        robot.interact(dark::requestFocus);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(dark.isFocused()).isTrue();
        java.util.List<javafx.scene.layout.BackgroundFill> fills = dark.getBackground().getFills();
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).getFill()).isEqualTo(javafx.scene.paint.Color.web("#0969da")); // Primer's accent
        assertThat(fills.get(1).getInsets().getTop()).isEqualTo(2);
    }
}
