package dev.portcullis.files;

import java.nio.file.Path;
import java.util.Map;

/**
 * The environment Portcullis runs in, as the OpenStack tools and the shell see it: the variables, the
 * current folder, and the home folder {@code ~} stands for. That is {@code $HOME}, as the shell and
 * Python's {@code expanduser} take it, not Java's {@code user.home} (the password database's home): with
 * {@code HOME} pointed elsewhere, {@code openstack --os-cloud demo} and Portcullis must read the same
 * {@code ~/.config/openstack/clouds.yaml}. {@code user.home} counts only when {@code HOME} is unset (or
 * empty). Tests make their own instead of changing the real one.
 *
 * @param variables     the environment variables
 * @param workingFolder the current folder, which relative paths are read from
 * @param home          the folder {@code ~} stands for
 */
public record UserEnvironment(Map<String, String> variables, Path workingFolder, Path home) {

    public UserEnvironment {
        variables = Map.copyOf(variables);
    }

    /** This process's environment. */
    public static UserEnvironment current() {
        return of(System.getenv(), Path.of(System.getProperty("user.dir")), System.getProperty("user.home"));
    }

    /** The environment of these variables: home is their {@code HOME}, else {@code accountHome}. */
    public static UserEnvironment of(Map<String, String> variables, Path workingFolder, String accountHome) {
        String home = variables.get("HOME");
        Path chosen = home == null || home.isBlank() ? Path.of(accountHome) : workingFolder.resolve(home);
        return new UserEnvironment(variables, workingFolder, chosen);
    }

    /** The variable's value; null when it is unset. */
    public String get(String name) {
        return variables.get(name);
    }

    /** The path with a leading {@code ~} (alone or before {@code /}) made the home folder, as the shell does. */
    public String expandHome(String path) {
        if (path.equals("~")) {
            return home.toString();
        }
        return path.startsWith("~/") ? home.resolve(path.substring(2)).toString() : path;
    }
}
