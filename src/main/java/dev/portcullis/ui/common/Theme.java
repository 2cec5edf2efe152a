package dev.portcullis.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/** The look: AtlantaFX's Primer theme for every control, plus the console's own stylesheet. */
public enum Theme {
    LIGHT,
    DARK;

    private static final String APP_CSS = Objects.requireNonNull(Theme.class.getResource("app.css"),
            "app.css is missing").toExternalForm();

    /** Sets the theme for the whole application; call on the FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(this == LIGHT
                ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
    }

    /** Adds the console's stylesheet to a scene (every window and dialog needs it). */
    public static Scene styled(Scene scene) {
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        return scene;
    }
}
