package dev.portcullis.cli;

import dev.portcullis.files.UserEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that talks to a cloud, against a Keystone and a Neutron that echo the request (password,
 * application credential secret, token) in their failures: none of it reaches standard output, standard
 * error or a file the command writes. Also: the command line warns once per run of a cloud whose TLS
 * certificates are not checked.
 */
class SecretEchoCommandsTest {

    static final String PASSWORD = "pw-\"S\u00e9cret\" &/+=x h14";
    static final String APP_SECRET = "appsecret-Zq9/+==h14";

    static EchoingCloud cloud;

    @TempDir
    Path home;
    @TempDir
    Path outDir;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void start() throws IOException {
        cloud = new EchoingCloud();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @BeforeEach
    void clouds() throws IOException {
        Path folder = Files.createDirectories(home.resolve(".config/openstack"));
        String common = "    network_endpoint_override: " + cloud.networkEndpoint() + "\n    api_timeout: 10\n";
        Files.writeString(folder.resolve("clouds.yaml"), "clouds:\n"
                + "  echo-h14-password:\n    auth:\n      auth_url: " + cloud.authUrl() + "\n      username: demo\n"
                + "      password: '" + PASSWORD + "'\n      project_name: demo\n      user_domain_name: Default\n"
                + "      project_domain_name: Default\n" + common
                + "  echo-h14-appcred:\n    auth_type: v3applicationcredential\n    auth:\n      auth_url: "
                + cloud.authUrl() + "\n      application_credential_id: ac-h14\n      application_credential_secret: '"
                + APP_SECRET + "'\n" + common
                + "  echo-h14-unverified:\n    verify: false\n    auth:\n      auth_url: " + cloud.authUrl()
                + "\n      username: demo\n      password: '" + PASSWORD + "'\n      project_name: demo\n" + common);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return PortcullisCommand.commandLine(o -> { }, new PrintWriter(out), new PrintWriter(err),
                new UserEnvironment(Map.of(), Path.of("").toAbsolutePath(), home)).execute(args);
    }

    static Stream<Arguments> runs() {
        List<Arguments> all = new ArrayList<>();
        for (EchoingCloud.Mode mode : EchoingCloud.Mode.values()) {
            for (String name : List.of("echo-h14-password", "echo-h14-appcred")) {
                for (String command : List.of("lint", "export", "diff", "check", "plan", "apply")) {
                    all.add(Arguments.of(mode, name, command));
                }
            }
        }
        return all.stream();
    }

    private String[] command(String command, String name) throws IOException {
        String file = Files.copy(Path.of("src/test/resources/dev/portcullis/review/findings.json"),
                outDir.resolve("groups.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING).toString();
        String source = "cloud:" + name;
        return switch (command) {
            case "lint" -> new String[] {"lint", source};
            case "export" -> new String[] {"export", source, "-o", outDir.resolve("export.json").toString()};
            case "diff" -> new String[] {"diff", source, file};
            case "check" -> new String[] {"check", source, "--group", "web", "--direction", "ingress", "--protocol",
                "tcp", "--port", "22", "--remote", "10.0.0.1"};
            case "plan" -> new String[] {"plan", file, "--cloud", name};
            default -> new String[] {"apply", file, "--cloud", name, "--yes"};
        };
    }

    @ParameterizedTest(name = "{2} of {1} when {0}")
    @MethodSource("runs")
    void noSecretIsPrintedOrWritten(EchoingCloud.Mode mode, String name, String command) throws IOException {
        cloud.mode(mode);
        int exit = run(command(command, name));

        String said = out + "\n" + err;
        assertThat(exit).as(said).isNotZero();
        assertThat(err.toString()).as("the echoing server's failure is said")
                .contains(mode.name().startsWith("KEYSTONE") ? "Keystone"
                        : mode == EchoingCloud.Mode.NEUTRON_400_FORMS ? "Token [secret removed]" : "network");
        List<String> forbidden = new ArrayList<>();
        for (String secret : List.of(PASSWORD, APP_SECRET, EchoingCloud.TOKEN)) {
            forbidden.addAll(EchoingCloud.forms(secret));
        }
        for (String form : forbidden) {
            assertThat(said).as("printed").doesNotContain(form);
        }
        assertThat(said).as("the echoed request").doesNotContain("\"identity\"").doesNotContain("\\\"identity\\\"");
        for (Path written : filesWritten()) {
            String content = Files.readString(written, java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String form : forbidden) {
                assertThat(content).as("written to " + written).doesNotContain(form);
            }
        }
    }

    private List<Path> filesWritten() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(home, outDir)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("clouds.yaml"))
                        .filter(p -> !p.getFileName().toString().equals("groups.json")).forEach(files::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return files;
    }

    @Test
    void uncheckedTlsIsSaidOncePerRunOnStandardError() {
        cloud.mode(EchoingCloud.Mode.NEUTRON_500_HEADERS);
        run("diff", "cloud:echo-h14-unverified", "cloud:echo-h14-unverified");

        String warning = "TLS certificates and host names of cloud 'echo-h14-unverified' are not checked";
        assertThat(err.toString()).contains(warning, "anyone on the network path can read the password");
        assertThat(err.toString().split(java.util.regex.Pattern.quote(warning), -1)).as("said once").hasSize(2);
        assertThat(out.toString()).doesNotContain(warning);

        run("lint", "cloud:echo-h14-unverified");
        assertThat(err.toString()).as("a new run says it again").contains(warning);
    }

    @Test
    void aCheckedCloudOnLoopbackIsNotWarnedAbout() {
        cloud.mode(EchoingCloud.Mode.NEUTRON_500_HEADERS);
        run("lint", "cloud:echo-h14-password");
        assertThat(err.toString()).doesNotContain("warning");
    }
}
