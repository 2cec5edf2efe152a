package dev.portcullis.backend.openstack;

import dev.portcullis.files.UserEnvironment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where clouds.yaml and secure.yaml may be, in the order openstacksdk's config loader tries them on Linux:
 * the file an environment variable names, the current folder, the user's config folder ($XDG_CONFIG_HOME,
 * else ~/.config), ~/.config, the system's XDG config folders ($XDG_CONFIG_DIRS, else /etc/xdg), and
 * /etc/openstack; in each folder {@code .yaml}, then {@code .yml}, then {@code .json}. {@code ~} is the
 * environment's home ({@code $HOME}), as in openstacksdk, which expands it with Python's {@code expanduser}.
 */
final class ConfigLocations {

    private static final List<String> SUFFIXES = List.of(".yaml", ".yml", ".json");

    private final UserEnvironment env;
    private final Path cwd;
    private final Path home;
    private final Path systemDir;

    ConfigLocations(UserEnvironment env, Path systemDir) {
        this.env = env;
        this.cwd = env.workingFolder();
        this.home = env.home();
        this.systemDir = systemDir;
    }

    /** The folder {@code ~} stands for. */
    Path home() {
        return home;
    }

    /** clouds.yaml candidates, the one OS_CLIENT_CONFIG_FILE names first. */
    List<Path> cloudFiles() {
        return candidates("OS_CLIENT_CONFIG_FILE", "clouds");
    }

    /** secure.yaml candidates, the one OS_CLIENT_SECURE_FILE names first. */
    List<Path> secureFiles() {
        return candidates("OS_CLIENT_SECURE_FILE", "secure");
    }

    /** The file an override variable names, resolved against the current folder; null when unset. */
    Path override(String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return null;
        }
        return cwd.resolve(expandHome(value)).normalize();
    }

    private List<Path> candidates(String variable, String baseName) {
        List<Path> files = new ArrayList<>();
        Path named = override(variable);
        if (named != null) {
            files.add(named);
        }
        for (Path folder : folders()) {
            for (String suffix : SUFFIXES) {
                files.add(folder.resolve(baseName + suffix));
            }
        }
        return files;
    }

    /** The folders searched, without repeats (when $XDG_CONFIG_HOME is ~/.config the two are one). */
    List<Path> folders() {
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(cwd);
        folders.add(userConfigHome().resolve("openstack"));
        folders.add(realHome().resolve(".config").resolve("openstack"));
        for (Path dir : siteConfigDirs()) {
            folders.add(dir.resolve("openstack"));
        }
        folders.add(systemDir);
        return List.copyOf(folders);
    }

    private Path userConfigHome() {
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(expandHome(xdg.trim()));
    }

    /** Inside a snap, $HOME is the snap's; openstacksdk then uses $SNAP_REAL_HOME for ~/.config/openstack. */
    private Path realHome() {
        String snapHome = env.get("SNAP_REAL_HOME");
        return snapHome == null || snapHome.isBlank() ? home : Path.of(snapHome);
    }

    private List<Path> siteConfigDirs() {
        String xdg = env.get("XDG_CONFIG_DIRS");
        String dirs = xdg == null || xdg.isBlank() ? "/etc/xdg" : xdg;
        List<Path> paths = new ArrayList<>();
        for (String dir : dirs.split(":")) {
            if (!dir.isBlank()) {
                paths.add(Path.of(expandHome(dir.trim())));
            }
        }
        return paths;
    }

    String expandHome(String path) {
        return env.expandHome(path);
    }
}
