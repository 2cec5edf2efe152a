package dev.portcullis.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's command line examples run on the files of docs/examples through the command line, as
 * written (from the repository's root, where the build runs the tests), so that neither the examples nor
 * the files can drift apart: a path that is not there, an option that is gone or a file that stops being
 * valid fails here. Commands that need a cloud or change something (cloud:NAME, --cloud, apply) are
 * left out; plan runs against a workspace of its own instead.
 */
class ReadmeExamplesTest {

    private static final Path EXAMPLES = Path.of("docs/examples");
    private static final Set<String> OFFLINE = Set.of("validate", "lint", "check", "diff", "export");
    /** A command line as the README writes it: in a code block or a table's backticks. */
    private static final Pattern COMMAND = Pattern.compile("(?:target/portcullis/bin/)?portcullis ([^`]*docs/examples/[^`]*)");

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(List<String> args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int exit = PortcullisCommand.commandLine(c -> { }, new PrintWriter(o), new PrintWriter(e))
                .execute(args.toArray(String[]::new));
        out = o.toString();
        err = e.toString();
        return exit;
    }

    /** The README's command lines that name an example file, without the program and the comment. */
    private static List<List<String>> readmeCommands() throws IOException {
        List<List<String>> commands = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = COMMAND.matcher(line);
            if (m.find()) {
                commands.add(words(m.group(1).replaceFirst("\\s+#\\s.*$", "")));
            }
        }
        return commands;
    }

    /** Splits as the shell does for these lines: on spaces, keeping what is in double quotes together. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line.strip());
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words;
    }

    private static boolean offline(List<String> args) {
        return OFFLINE.contains(args.get(0)) && args.stream().noneMatch(a -> a.startsWith("cloud:") || a.equals("--cloud"));
    }

    @Test
    void everyOfflineExampleOfTheReadmeRunsOnTheShippedFiles() throws IOException {
        List<List<String>> commands = readmeCommands();
        List<List<String>> offline = commands.stream().filter(ReadmeExamplesTest::offline).toList();
        assertThat(offline).as("the README's examples on docs/examples").hasSizeGreaterThanOrEqualTo(10);

        for (List<String> args : offline) {
            int exit = run(args);
            String what = String.join(" ", args) + "\n" + out + err;
            assertThat(exit).as(what).isIn(PortcullisCommand.EXIT_OK, PortcullisCommand.EXIT_FINDINGS);
            if (args.get(0).equals("validate") || args.get(0).equals("lint")) {
                assertThat(exit).as("the examples are valid and pass the review: " + what).isZero();
            }
        }
        for (List<String> args : commands) {
            args.stream().filter(a -> a.startsWith("docs/examples/"))
                    .forEach(file -> assertThat(Path.of(file)).as(String.join(" ", args)).isRegularFile());
        }
    }

    @Test
    void theChecksOfTheReadmeAnswerWhatTheirExampleShows() {
        assertThat(run(List.of("check", "docs/examples/groups.json", "--group", "web", "--direction", "ingress",
                "--protocol", "tcp", "--port", "22", "--remote", "203.0.113.5"))).isEqualTo(PortcullisCommand.EXIT_FINDINGS);
        assertThat(out).startsWith("denied:");
        assertThat(run(List.of("check", "docs/examples/groups.json", "--interface", "db-1 eth0", "--direction",
                "ingress", "--protocol", "tcp", "--port", "5432", "--remote", "10.0.2.21"))).isZero();
        assertThat(out).startsWith("allowed:").contains("by group db", "from group app");
    }

    @Test
    void everyShippedExampleIsValidAndNamedInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<Path> files;
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            files = list.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("groups.json", "groups.tf", "site.yml", "stack.yaml");
        for (Path file : files) {
            assertThat(readme).contains("docs/examples/" + file.getFileName());
            assertThat(run(List.of("validate", file.toString()))).as(file + "\n" + out + err).isZero();
            assertThat(out).contains("valid (");
        }
    }

    @Test
    void theDefinitionFileIsPlannedAsItsAddressGroupAndFourGroupsToCreateInAnEmptyProject() {
        int exit = run(List.of("plan", "docs/examples/groups.json", "--workspace", dir.resolve("w.json").toString()));

        assertThat(exit).as(out + err).isEqualTo(PortcullisCommand.EXIT_FINDINGS);
        assertThat(out).contains("Address group office: create, with 2 addresses", "Group bastion: create, with 4 rules",
                "+ add Ingress IPv4 TCP 22 from address group office", "Group db: create", "5 to create, 0 to change");
    }
}
