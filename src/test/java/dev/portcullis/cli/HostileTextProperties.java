package dev.portcullis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.bench.HostileFiles;
import dev.portcullis.bench.HostileRuns;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;

import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files full of terminal escapes, controls, bidi overrides, zero-width characters and line separators (as
 * names, descriptions, member names, addresses, in each format read) through every command's output: no raw
 * control or format character reaches standard output or error (the line feeds and tabs of the layout aside),
 * and the JSON, SARIF and JUnit answers still parse.
 */
class HostileTextProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;

    @BeforeContainer
    static void folder() throws IOException {
        dir = Files.createTempDirectory("portcullis-hostile");
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 40)
    void noRawControlCharacterReachesTheTerminal(@ForAll long seed, @ForAll HostileFiles.Format format)
            throws Exception {
        Random random = new Random(seed);
        Path file = Files.createDirectories(dir.resolve(Long.toHexString(seed) + format))
                .resolve(format.fileName);
        Files.write(file, HostileFiles.file(format, random, 0));
        Path other = file.resolveSibling("other.json");
        Files.write(other, HostileFiles.file(HostileFiles.Format.JSON, random, 0));
        String f = file.toString();
        String workspace = file.resolveSibling("workspace.json").toString();

        List<List<String>> commands = new ArrayList<>(List.of(List.of("validate", f),
                List.of("validate", "--format", "json", f), List.of("lint", f), List.of("diff", f, other.toString()),
                List.of("diff", "--format", "json", other.toString(), f), List.of("plan", f, "--workspace", workspace)));
        for (String lintFormat : List.of("json", "sarif", "junit")) {
            commands.add(List.of("lint", "--format", lintFormat, f));
        }
        for (String exportFormat : List.of("json", "terraform", "heat", "ansible")) {
            commands.add(List.of("export", "--format", exportFormat, f));
        }
        for (List<String> args : commands) {
            HostileRuns.Run run = HostileRuns.run(args);
            assertThat(run.rawControls()).as("%s printed\n%s\n%s", args, run.out(), run.err()).isEmpty();
            assertThat(run.crashed()).as("%s: %s", args, run.escaped()).isFalse();
            if (run.out().isBlank()) {
                continue;
            }
            if (args.contains("json") || args.contains("sarif")) {
                assertThat(JSON.readTree(run.out())).as("%s answers JSON", args).isNotNull();
            } else if (args.contains("junit")) {
                DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new InputSource(new StringReader(run.out())));
            }
        }
    }
}
