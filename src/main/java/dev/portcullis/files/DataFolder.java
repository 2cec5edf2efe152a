package dev.portcullis.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** Where Portcullis keeps what it saves for the user: the workspace, the offline copies of clouds. */
public final class DataFolder {

    private DataFolder() {
    }

    /**
     * {@code $XDG_DATA_HOME/portcullis}, else {@code ~/.local/share/portcullis}. As the XDG base directory
     * specification says, an empty or relative {@code XDG_DATA_HOME} is ignored.
     */
    public static Path of(Map<String, String> environment, String userHome) {
        String dataHome = environment.get("XDG_DATA_HOME");
        if (dataHome != null && !dataHome.isBlank()) {
            try {
                Path base = Path.of(dataHome);
                if (base.isAbsolute()) {
                    return base.resolve("portcullis");
                }
            } catch (InvalidPathException e) {
                // not a usable folder: fall back as for an unset variable
            }
        }
        return Path.of(userHome, ".local", "share", "portcullis");
    }
}
