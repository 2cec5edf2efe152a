package dev.portcullis.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where Portcullis keeps things for the user, by the XDG base directory rules: what it saves (the
 * workspace, the offline copies of clouds) and what the user configures (the review's settings). {@code ~}
 * is the environment's home ({@code $HOME}, see {@link UserEnvironment}), in the defaults and at the start of
 * a variable's value alike, so that {@code XDG_CONFIG_HOME=~/cfg} names the same folder here as for
 * clouds.yaml.
 */
public final class UserFolders {

    private UserFolders() {
    }

    /** {@code $XDG_DATA_HOME/portcullis}, else {@code ~/.local/share/portcullis}. */
    public static Path data(UserEnvironment environment) {
        return of(environment, "XDG_DATA_HOME", environment.home().resolve(".local").resolve("share"));
    }

    /** {@code $XDG_STATE_HOME/portcullis}, else {@code ~/.local/state/portcullis}: the console's log. */
    public static Path state(UserEnvironment environment) {
        return of(environment, "XDG_STATE_HOME", environment.home().resolve(".local").resolve("state"));
    }

    /** {@code $XDG_CONFIG_HOME/portcullis}, else {@code ~/.config/portcullis}. */
    public static Path config(UserEnvironment environment) {
        return of(environment, "XDG_CONFIG_HOME", environment.home().resolve(".config"));
    }

    /** As the specification says, an empty or relative variable is ignored. */
    private static Path of(UserEnvironment environment, String name, Path fallback) {
        String variable = environment.get(name);
        if (variable != null && !variable.isBlank()) {
            try {
                Path base = Path.of(environment.expandHome(variable));
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
