package dev.portcullis.cli;

import dev.portcullis.files.UserEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Keystone's refusals on the command line: a wrong password and a token it does not know (which it
 * answers with 404) are said as refused credentials, and neither secret is printed. Only Keystone is asked.
 * Run by {@code mvn verify -Pneutron}; without the server's address it fails rather than skipping.
 */
class SecretsKeystoneNeutronIT {

    static final String WRONG_PASSWORD = "h14-wrong-Pass/+=x";
    static final String UNKNOWN_TOKEN = "gAAAAABh14-unknown-token-value-1";

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void clouds() throws IOException {
        String keystone = System.getProperty("portcullis.keystone.url");
        assertThat(keystone).as("system property portcullis.keystone.url (run with -Pneutron)").isNotBlank();
        Path folder = Files.createDirectories(home.resolve(".config/openstack"));
        String project = "      project_name: demo\n      project_domain_name: Default\n";
        Files.writeString(folder.resolve("clouds.yaml"), "clouds:\n"
                + "  h14-wrong:\n    auth:\n      auth_url: " + keystone + "\n      username: demo\n"
                + "      user_domain_name: Default\n      password: '" + WRONG_PASSWORD + "'\n" + project
                + "  h14-token:\n    auth_type: v3token\n    auth:\n      auth_url: " + keystone + "\n      token: "
                + UNKNOWN_TOKEN + "\n" + project);
    }

    private int lint(String cloud) {
        return PortcullisCommand.commandLine(o -> { }, new PrintWriter(out), new PrintWriter(err),
                new UserEnvironment(Map.of(), Path.of("").toAbsolutePath(), home))
                .execute("lint", "cloud:" + cloud);
    }

    @Test
    void aWrongPasswordIsRefusedAndNotPrinted() {
        assertThat(lint("h14-wrong")).isEqualTo(PortcullisCommand.EXIT_UNUSABLE);
        assertThat(err.toString()).contains("Keystone refused the user name or password");
        assertThat(out + "\n" + err).doesNotContain(WRONG_PASSWORD, "h14-wrong-Pass%2F");
    }

    @Test
    void aTokenKeystoneDoesNotKnowIsSaidAsRefusedNotAsAMissingService() {
        assertThat(lint("h14-token")).isEqualTo(PortcullisCommand.EXIT_UNUSABLE);
        assertThat(err.toString()).contains("Keystone refused the token", "Sign in again")
                .doesNotContain("There is no Keystone");
        assertThat(out + "\n" + err).doesNotContain(UNKNOWN_TOKEN);
    }
}
