package dev.portcullis.backend.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import dev.portcullis.files.UserEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clouds a user has configured, found the way the OpenStack command line tools find them (see
 * docs/clouds.md): the first clouds.yaml found, deep-merged with the first secure.yaml found, plus a cloud
 * from the {@code OS_*} environment variables. Read once; load again to see changes.
 */
public final class CloudConfigs {

    /** Code of the {@link BackendException}s about configuration. */
    public static final String CODE = "CloudConfig";

    private final Map<String, Entry> clouds;
    private final String defaultCloud;
    private final List<Path> sources;
    private final List<Path> searched;
    private final List<String> problems;
    private final String lookedAt;

    /** A cloud as configured: usable, or the reason it is not. */
    private record Entry(CloudConfig config, String problem) {
    }

    private CloudConfigs(Map<String, Entry> clouds, String defaultCloud, List<Path> sources, List<Path> searched,
                         List<String> problems, String lookedAt) {
        this.lookedAt = lookedAt;
        this.clouds = clouds;
        this.defaultCloud = defaultCloud;
        this.sources = List.copyOf(sources);
        this.searched = List.copyOf(searched);
        this.problems = List.copyOf(problems);
    }

    /**
     * This user's clouds: the process environment, current folder, home ({@code $HOME}, as the OpenStack tools
     * take it) and /etc/openstack.
     */
    public static CloudConfigs forUser() {
        return forUser(UserEnvironment.current());
    }

    /** The clouds of a user in this environment (its variables, current folder and home) and /etc/openstack. */
    public static CloudConfigs forUser(UserEnvironment environment) {
        return load(environment, Path.of("/etc/openstack"));
    }

    /** The clouds as seen from these places, {@code home} standing for {@code ~}; for tests. */
    public static CloudConfigs load(Map<String, String> env, Path cwd, Path home, Path systemDir) {
        return load(new UserEnvironment(env, cwd, home), systemDir);
    }

    /** The clouds as seen from this environment; {@code systemDir} is /etc/openstack. Never throws for bad files. */
    public static CloudConfigs load(UserEnvironment environment, Path systemDir) {
        Map<String, String> env = environment.variables();
        Path cwd = environment.workingFolder();
        ConfigLocations locations = new ConfigLocations(environment, systemDir);
        List<String> problems = new ArrayList<>();
        for (String variable : List.of("OS_CLIENT_CONFIG_FILE", "OS_CLIENT_SECURE_FILE")) {
            Path named = locations.override(variable);
            if (named != null && !Files.exists(named)) {
                problems.add(variable + " names " + named + ", which does not exist; looked in the usual places instead.");
            }
        }
        List<Path> sources = new ArrayList<>();
        ConfigFile.Loaded cloudsFile = ConfigFile.firstOf(locations.cloudFiles(), problems);
        ConfigFile.Loaded secureFile = ConfigFile.firstOf(locations.secureFiles(), problems);
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (ConfigFile.Loaded file : new ConfigFile.Loaded[] {cloudsFile, secureFile}) {
            if (file != null) {
                sources.add(file.path());
                ConfigFile.merge(merged, file.content());
            }
        }
        String fileSource = cloudsFile != null ? cloudsFile.path().toString()
                : secureFile != null ? secureFile.path().toString() : "clouds.yaml";
        if (cloudsFile != null && secureFile != null) {
            fileSource += " (with " + secureFile.path() + ")";
        }
        CloudReader reader = new CloudReader(locations, cwd);
        Map<String, Entry> clouds = new LinkedHashMap<>();
        JsonNode fileClouds = merged.path("clouds");
        for (Iterator<Map.Entry<String, JsonNode>> it = fileClouds.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cloud = it.next();
            clouds.put(cloud.getKey(), entry(reader, cloud.getKey(), fileSource, cloud.getValue(), problems));
        }
        String envName = EnvironmentCloud.name(env);
        Optional<ObjectNode> envSettings = EnvironmentCloud.settings(env);
        boolean envCloud = false;
        if (envSettings.isPresent() && clouds.containsKey(envName)) {
            problems.add(fileSource + " defines a cloud named '" + envName + "', the name of the cloud from the OS_*"
                    + " environment variables; rename one (OS_CLOUD_NAME names the environment's cloud).");
        } else if (envSettings.isPresent()) {
            clouds.put(envName, entry(reader, envName, "the OS_* environment variables", envSettings.get(), problems));
            envCloud = true;
        }
        String chosen = chooseDefault(env.get("OS_CLOUD"), envCloud ? envName : null, clouds, problems);
        return new CloudConfigs(clouds, chosen, sources, locations.cloudFiles(), problems,
                lookedAt(locations, environment));
    }

    private static Entry entry(CloudReader reader, String name, String source, JsonNode settings, List<String> problems) {
        try {
            return new Entry(reader.read(name, source, settings), null);
        } catch (CloudReader.Unusable e) {
            problems.add(e.getMessage());
            return new Entry(null, e.getMessage());
        }
    }

    /** OS_CLOUD, else the environment's cloud, else the only cloud there is (openstacksdk's order). */
    private static String chooseDefault(String osCloud, String envName, Map<String, Entry> clouds, List<String> problems) {
        if (osCloud != null && !osCloud.isBlank()) {
            if (clouds.containsKey(osCloud)) {
                return osCloud;
            }
            problems.add("OS_CLOUD names the cloud '" + osCloud + "', which is not configured" + known(clouds) + ".");
            return null;
        }
        if (envName != null) {
            return envName;
        }
        return clouds.size() == 1 ? clouds.keySet().iterator().next() : null;
    }

    private static String known(Map<String, Entry> clouds) {
        return clouds.isEmpty() ? " (there are no clouds)" : "; the clouds are " + String.join(", ", clouds.keySet());
    }

    /** Every cloud's name: clouds.yaml's in file order, then the environment's. Unusable ones included. */
    public List<String> names() {
        return List.copyOf(clouds.keySet());
    }

    /**
     * The named cloud, ready to open.
     *
     * @throws BackendException {@link Kind#INVALID} when it is unknown (naming the files and the known
     *                          clouds) or its settings are unusable (saying what to change)
     */
    public CloudConfig cloud(String name) {
        Entry entry = clouds.get(name);
        if (entry == null) {
            throw new BackendException(Kind.INVALID, CODE, unknown(name));
        }
        if (entry.config() == null) {
            throw new BackendException(Kind.INVALID, CODE, entry.problem());
        }
        return entry.config();
    }

    /** Whether the named cloud exists and can be opened. */
    public boolean usable(String name) {
        Entry entry = clouds.get(name);
        return entry != null && entry.config() != null;
    }

    /** The cloud to open without asking: OS_CLOUD, else the environment's cloud, else the only one. */
    public Optional<String> defaultCloud() {
        return Optional.ofNullable(defaultCloud);
    }

    /** The files read: the clouds file used, then the secure file used. */
    public List<Path> sources() {
        return sources;
    }

    /** Every clouds file tried, in order, for a "where did you look" answer. */
    public List<Path> searched() {
        return searched;
    }

    /** Everything wrong, one sentence each, naming the file (and line) or the cloud. */
    public List<String> problems() {
        return problems;
    }

    /**
     * Why there is no cloud of this name, saying where clouds were looked for: the files read, or, when none
     * was found, every place tried and what {@code ~} stood for.
     */
    public String unknown(String name) {
        if (sources.isEmpty()) {
            return "There is no cloud named '" + name + "': no clouds.yaml was found" + known(clouds) + ". " + lookedAt;
        }
        return "There is no cloud named '" + name + "': read "
                + String.join(" and ", sources.stream().map(Path::toString).toList()) + known(clouds) + ".";
    }

    private static String lookedAt(ConfigLocations locations, UserEnvironment environment) {
        Path named = locations.override("OS_CLIENT_CONFIG_FILE");
        String home = environment.get("HOME");
        boolean fromHome = home != null && !home.isBlank();
        return "Looked for " + (named == null ? "" : named + " (OS_CLIENT_CONFIG_FILE), then for ")
                + "clouds.yaml, clouds.yml and clouds.json in "
                + String.join(", ", locations.folders().stream().map(Path::toString).toList())
                + " (~ is " + locations.home() + (fromHome ? ", from $HOME" : ", the account's home: HOME is not set")
                + "), and for OS_AUTH_URL or OS_ENDPOINT in the environment.";
    }

    @Override
    public String toString() {
        return "CloudConfigs" + names() + " from " + sources;
    }
}
