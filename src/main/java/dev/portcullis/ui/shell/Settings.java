package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.Theme;

import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * What the console remembers between runs: the theme, the window's size and place, the project
 * shown and how often it is refreshed. Kept in the
 * user's Java preferences (on Linux under {@code ~/.java/.userPrefs}); nothing here is secret. Setting a
 * value changes memory only: the JDK writes preferences to disk on its own thread (periodically and when
 * the program ends), so the FX thread never waits for a file.
 */
public final class Settings {

    /** The window's bounds as last seen. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    private static final String THEME = "theme";
    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";

    private static final String PLACE = "place";
    private static final String AUTO_REFRESH = "autoRefresh";

    private final Preferences node;

    public Settings(Preferences node) {
        this.node = node;
    }

    /** The settings of this user's console. */
    public static Settings forUser() {
        return new Settings(Preferences.userRoot().node("dev/portcullis/console"));
    }

    public Theme theme() {
        try {
            return Theme.valueOf(node.get(THEME, Theme.LIGHT.name()));
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    public void setTheme(Theme theme) {
        node.put(THEME, theme.name());
    }

    public Optional<WindowBounds> windowBounds() {
        double width = node.getDouble(WIDTH, -1);
        double height = node.getDouble(HEIGHT, -1);
        if (width <= 0 || height <= 0) {
            return Optional.empty();
        }
        return Optional.of(new WindowBounds(node.getDouble(X, Double.NaN), node.getDouble(Y, Double.NaN), width,
                height, node.getBoolean(MAXIMIZED, false)));
    }

    public void setWindowBounds(WindowBounds bounds) {
        node.putDouble(X, bounds.x());
        node.putDouble(Y, bounds.y());
        node.putDouble(WIDTH, bounds.width());
        node.putDouble(HEIGHT, bounds.height());
        node.putBoolean(MAXIMIZED, bounds.maximized());
    }

    /** The place shown last ("Local workspace" or a cloud's name), if any. */
    public Optional<String> place() {
        return Optional.ofNullable(node.get(PLACE, null));
    }

    public void setPlace(String name) {
        node.put(PLACE, name);
    }

    public AutoRefresh autoRefresh() {
        try {
            return AutoRefresh.valueOf(node.get(AUTO_REFRESH, AutoRefresh.DEFAULT.name()));
        } catch (IllegalArgumentException e) {
            return AutoRefresh.DEFAULT;
        }
    }

    public void setAutoRefresh(AutoRefresh every) {
        node.put(AUTO_REFRESH, every.name());
    }
}
