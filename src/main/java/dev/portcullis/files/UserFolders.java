package dev.portcullis.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Portcullis keeps things for the user, by the XDG base directory rules: what it saves (the
 * workspace, the offline copies of clouds) and what the user configures (the review's settings).
 */
public final class UserFolders {

    private UserFolders() {
    }

    /** {@code $XDG_DATA_HOME/portcullis}, else {@code ~/.local/share/portcullis}. */
    public static Path data(Map<String, String> environment, String userHome) {
        return of(environment.get("XDG_DATA_HOME"), Path.of(userHome, ".local", "share"));
    }

    /** {@code $XDG_CONFIG_HOME/portcullis}, else {@code ~/.config/portcullis}. */
    public static Path config(Map<String, String> environment, String userHome) {
        return of(environment.get("XDG_CONFIG_HOME"), Path.of(userHome, ".config"));
    }

    /** As the specification says, an empty or relative variable is ignored. */
    private static Path of(String variable, Path fallback) {
        if (variable != null && !variable.isBlank()) {
            try {
                Path base = Path.of(variable);
                if (base.isAbsolute()) {
                    return base.resolve("portcullis");
                }
            } catch (InvalidPathException e) {
                // not a usable folder: fall back as for an unset variable
            }
        }
        return fallback.resolve("portcullis");
    }
}
