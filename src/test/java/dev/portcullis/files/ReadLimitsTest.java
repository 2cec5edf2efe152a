package dev.portcullis.files;

import dev.portcullis.domain.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No size wall below real projects, and a guard against what no project holds, said with the line. */
class ReadLimitsTest {

    private static final String GROUP = "{\"id\": \"g%d\", \"name\": \"web-%d\", \"security_group_rules\": [{\"id\": "
            + "\"r%d\", \"direction\": \"ingress\", \"ethertype\": \"IPv4\", \"protocol\": \"tcp\", "
            + "\"port_range_min\": 22, \"port_range_max\": 22, \"remote_group_id\": \"web-%d\"}]}";

    @TempDir
    Path dir;

    @Test
    void aFileAbove64MiBIsReadWithItsLines() throws IOException {
        // Three groups apart by 32 MiB of blank lines each: past the old 64 MiB wall, and cheap to write and read.
        Path file = dir.resolve("large.json");
        byte[] blank = "\n".repeat(32 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"security_groups\": [".getBytes(StandardCharsets.US_ASCII));
            for (int g = 0; g < 3; g++) {
                String group = (g == 0 ? "" : ",") + GROUP.formatted(g, g, g, (g + 2) % 3);
                out.write(group.getBytes(StandardCharsets.US_ASCII));
                if (g < 2) {
                    out.write(blank);
                }
            }
            out.write("]}".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(Files.size(file)).isGreaterThan(64L * 1024 * 1024);

        DefinitionReport report = new DefinitionReader().read(file);

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.definitions().groups()).hasSize(3);
        // A rule naming a group further down by its name points at that group's id.
        assertThat(report.definitions().groups().get(0).rules().get(0).remoteGroupId()).isEqualTo("g2");
        assertThat(report.locations().of("security_groups[2].security_group_rules[0]"))
                .contains(new SourceLocations.Location(file, 2 * 32 * 1024 * 1024 + 1));
    }

    @Test
    void aTextValueLongerThanTheLimitIsRefusedWithItsLine() {
        DefinitionReader reader = new DefinitionReader(new ReadLimits(64, 100, 1 << 20));
        String json = "{\"security_groups\": [\n{\"name\": \"web\",\n \"description\": \"" + "x".repeat(101) + "\"}]}";

        DefinitionReport report = reader.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FileErrorCode.VALUE_TOO_LONG);
            assertThat(p.message()).isEqualTo("A text value in the file is longer than 100 characters (line 3); "
                    + "Portcullis does not read it.");
        });
    }

    @Test
    void theDefaultLimitOnOneTextValueIsSixteenMebicharacters() {
        String json = "{\"security_groups\": [{\"description\": \"" + "x".repeat(16 * 1024 * 1024 + 1) + "\"}]}";

        DefinitionReport report = new DefinitionReader().read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(report.fileProblems()).extracting(Problem::code).containsExactly(FileErrorCode.VALUE_TOO_LONG);
        assertThat(report.fileProblems().get(0).message()).contains("longer than 16777216 characters (line 1)");
    }

    @Test
    void absurdNestingIsRefusedWithItsLine() {
        String json = "{\"security_groups\": [\n\n" + "[".repeat(100) + "]".repeat(100) + "]}";

        DefinitionReport report = new DefinitionReader().read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FileErrorCode.TOO_DEEP);
            assertThat(p.message()).startsWith("The file nests values deeper than 64 levels").contains("(line 3)");
        });
    }

    @Test
    void aDeviceThatNeverEndsIsRefusedBeforeItIsOpenedSayingWhatItIs() {
        Path zeros = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zeros), "needs /dev/zero");

        DefinitionReport report = new DefinitionReader(new ReadLimits(64, 100, 1024)).read(zeros);

        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FileErrorCode.UNREADABLE);
            assertThat(p.message()).isEqualTo("/dev/zero is a device (a terminal, or a device such as /dev/zero "
                    + "that never ends), not a file: give the path of a definition file.");
        });
    }

    @Test
    void yamlNestedDeeperThanTheLimitIsRefusedWithItsLine() {
        String yaml = "a:\n  b: " + "[".repeat(100) + "]".repeat(100) + "\n";

        assertThatThrownBy(() -> YamlTree.parse(yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(YamlTree.SyntaxException.class).hasMessageContaining("line 2");
    }

    @Test
    void aYamlLineLongerThanTheLimitIsRefusedWithItsLineBeforeTheParserScansIt() {
        String yaml = "a: 1\nb: " + "x".repeat(LongLines.MAX_LINE) + "\n";

        assertThatThrownBy(() -> YamlTree.parse(yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(YamlTree.SyntaxException.class)
                .hasMessage("line 2: the line is longer than 524288 bytes; Portcullis does not read YAML with lines "
                        + "this long");
    }
}
