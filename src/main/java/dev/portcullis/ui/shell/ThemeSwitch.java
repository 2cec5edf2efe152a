package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Theme;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The light/dark switch: applies the chosen theme to the whole application and remembers it. Whoever
 * shows the switch binds to {@link #darkProperty()}; this object must stay referenced for as long as the
 * window lives, because bidirectional bindings hold their properties only weakly.
 */
public final class ThemeSwitch {

    private final BooleanProperty dark = new SimpleBooleanProperty();

    public ThemeSwitch(Settings settings) {
        dark.set(settings.theme() == Theme.DARK);
        settings.theme().apply();
        dark.addListener((obs, was, isDark) -> {
            Theme theme = isDark ? Theme.DARK : Theme.LIGHT;
            theme.apply();
            settings.setTheme(theme);
        });
    }

    public BooleanProperty darkProperty() {
        return dark;
    }
}
