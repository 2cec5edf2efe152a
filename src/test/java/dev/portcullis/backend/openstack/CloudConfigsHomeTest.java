package dev.portcullis.backend.openstack;

import dev.portcullis.backend.BackendException;
import dev.portcullis.files.UserEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ~} in clouds.yaml's places and settings is {@code $HOME}, as for {@code openstack --os-cloud}, not
 * the account's home that Java calls {@code user.home}; and a cloud that is not found says where it was
 * looked for.
 */
class CloudConfigsHomeTest {

    @TempDir
    Path root;

    private Path cwd;
    private Path home;
    private Path account;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void places() throws IOException {
        for (String folder : new String[] {"work", "home", "account"}) {
            Files.createDirectories(root.resolve(folder));
        }
        cwd = root.resolve("work");
        home = root.resolve("home");
        account = root.resolve("account");
        env.putAll(Map.of("XDG_CONFIG_DIRS", root.resolve("xdg-site").toString(), "HOME", home.toString()));
    }

    private CloudConfigs load() {
        return CloudConfigs.load(UserEnvironment.of(env, cwd, account.toString()), root.resolve("etc/openstack"));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String demo(String extra) {
        return "clouds:\n  demo:\n    auth:\n      auth_url: https://keystone.example:5000/v3\n"
                + "      username: u\n      password: p\n      project_name: demo\n" + extra;
    }

    @Test
    void cloudsYamlIsFoundUnderHomeNotUnderTheAccountsHome() throws IOException {
        write(home.resolve(".config/openstack/clouds.yaml"), demo(""));
        write(account.resolve(".config/openstack/clouds.yaml"), demo("").replace("demo:", "other:"));

        CloudConfigs configs = load();

        assertThat(configs.names()).containsExactly("demo");
        assertThat(configs.sources()).containsExactly(home.resolve(".config/openstack/clouds.yaml"));
    }

    @Test
    void withoutHomeTheAccountsHomeIsUsed() throws IOException {
        env.remove("HOME");
        write(account.resolve(".config/openstack/clouds.yaml"), demo(""));

        assertThat(load().names()).containsExactly("demo");
    }

    @Test
    void secureYamlAndTheCacertAreUnderHomeToo() throws IOException {
        write(home.resolve(".config/openstack/clouds.yaml"), demo("    cacert: ~/certs/ca.pem\n")
                .replace("      password: p\n", ""));
        write(home.resolve(".config/openstack/secure.yaml"), "clouds:\n  demo:\n    auth:\n      password: s\n");

        CloudConfig demo = load().cloud("demo");

        assertThat(demo.cacert()).isEqualTo(home.resolve("certs/ca.pem"));
        assertThat(load().sources()).contains(home.resolve(".config/openstack/secure.yaml"));
    }

    @Test
    void xdgConfigHomeStartingWithATildeIsUnderHome() throws IOException {
        env.put("XDG_CONFIG_HOME", "~/cfg");
        write(home.resolve("cfg/openstack/clouds.yaml"), demo(""));

        assertThat(load().names()).containsExactly("demo");
    }

    @Test
    void aCloudNotFoundNamesEveryPlaceLookedAtAndWhatTildeWas() {
        env.put("OS_CLIENT_CONFIG_FILE", "mine.yaml");

        CloudConfigs configs = load();

        assertThatThrownBy(() -> configs.cloud("demo")).isInstanceOf(BackendException.class)
                .hasMessage(configs.unknown("demo"));
        assertThat(configs.unknown("demo")).startsWith("There is no cloud named 'demo': no clouds.yaml was found")
                .contains(cwd.resolve("mine.yaml") + " (OS_CLIENT_CONFIG_FILE)",
                        "clouds.yaml, clouds.yml and clouds.json in " + cwd + ", " + home.resolve(".config/openstack")
                                + ", " + root.resolve("xdg-site/openstack") + ", " + root.resolve("etc/openstack"),
                        "(~ is " + home + ", from $HOME)", "OS_AUTH_URL");
        env.remove("HOME");
        assertThat(load().unknown("demo")).contains("(~ is " + account + ", the account's home: HOME is not set)");
    }

    @Test
    void aCloudNotInTheFileFoundNamesTheFileAndItsClouds() throws IOException {
        write(home.resolve(".config/openstack/clouds.yaml"), demo(""));

        assertThat(load().unknown("prod")).isEqualTo("There is no cloud named 'prod': read "
                + home.resolve(".config/openstack/clouds.yaml") + "; the clouds are demo.");
    }
}
