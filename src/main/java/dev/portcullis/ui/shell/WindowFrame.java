package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Theme;
import dev.portcullis.ui.network.NetworkConfigurationViewModel;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.util.Comparator;
import java.util.function.Supplier;

/**
 * The main window's frame on the screen: its size and place (where it was last, if a screen still shows it),
 * remembered when it closes; and its closing, which waits for a change being saved.
 */
final class WindowFrame {

    private WindowFrame() {
    }

    /** Shows {@code root} in {@code stage} where the window was last, and remembers where it is when hidden. */
    static void place(Stage stage, Parent root, Settings settings) {
        Settings.WindowBounds bounds = settings.windowBounds()
                .orElse(new Settings.WindowBounds(Double.NaN, Double.NaN, 1280, 800, false));
        WindowPlacement place = WindowPlacement.of(bounds, Screen.getScreens().stream()
                .sorted(Comparator.comparing(screen -> screen != Screen.getPrimary()))
                .map(Screen::getVisualBounds).toList());
        stage.setScene(Theme.styled(new Scene(root, place.width(), place.height())));
        stage.setMinWidth(Math.min(900, place.width()));
        stage.setMinHeight(480);
        if (!Double.isNaN(place.x())) {
            stage.setX(place.x());
            stage.setY(place.y());
        }
        stage.setMaximized(bounds.maximized());
        stage.setOnHidden(e -> settings.setWindowBounds(stage.isMaximized()
                // a maximised window's size is the screen's: keep the size it had before, and that it was maximised
                ? new Settings.WindowBounds(bounds.x(), bounds.y(), bounds.width(), bounds.height(), true)
                : new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getScene().getWidth(),
                        stage.getScene().getHeight(), false)));
    }

    /** Closing the window waits for a change being saved to the project {@code shown} (null: none). */
    static void closeWhenChangesAreDone(Stage stage, Supplier<NetworkConfigurationViewModel> shown) {
        stage.setOnCloseRequest(e -> {
            NetworkConfigurationViewModel network = shown.get();
            if (network != null) {
                closeWhenChangesAreDone(e, stage, network);
            }
        });
    }

    /**
     * Closing while a change is being saved would end the program before its answer arrives: a failure
     * could then never reopen the dialog with what the user typed. The window waits for the change and
     * closes when it succeeded; if it failed, it stays open to show why and give the input back.
     */
    private static void closeWhenChangesAreDone(WindowEvent close, Stage stage, NetworkConfigurationViewModel network) {
        if (!network.changingProperty().get()) {
            return;
        }
        close.consume();
        long setbacksBefore = network.setbacks();
        network.changingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    return;
                }
                obs.removeListener(this);
                // The answer's follow-ups (reopen, failure) are applied on the FX thread right after.
                Platform.runLater(() -> {
                    if (network.setbacks() == setbacksBefore) {
                        stage.close();
                    }
                });
            }
        });
    }
}
