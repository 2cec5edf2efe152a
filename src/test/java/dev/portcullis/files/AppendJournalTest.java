package dev.portcullis.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppendJournalTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(AppendJournal.Contents contents) {
        return contents.records().stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
    }

    /** Appends the records "one" and "two"; answers where the first ends. */
    private static long oneAndTwo(Path journal) throws IOException {
        long first = AppendJournal.append(journal, 0, bytes("one"));
        AppendJournal.append(journal, first, bytes("two"));
        return first;
    }

    @Test
    void recordsAreReadBackInOrderFromAnOwnerOnlyFile() throws IOException {
        Path journal = dir.resolve("w.json.journal");
        long end = AppendJournal.append(journal, 0, bytes("first\nwith a newline"));
        end = AppendJournal.append(journal, end, bytes("second"));

        AppendJournal.Contents contents = AppendJournal.read(journal);

        assertThat(texts(contents)).containsExactly("first\nwith a newline", "second");
        assertThat(contents.end()).isEqualTo(end).isEqualTo(Files.size(journal));
        assertThat(contents.torn()).isFalse();
        assertThat(Files.readString(journal)).startsWith(AppendJournal.HEADER + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");
    }

    /** A crash can stop an append after any byte: what was whole before it is read, never an error. */
    @Test
    void aJournalCutAfterAnyByteGivesTheRecordsWholeBeforeTheCut() throws IOException {
        Path journal = dir.resolve("w.json.journal");
        long first = oneAndTwo(journal);
        byte[] whole = Files.readAllBytes(journal);

        for (int cut = 0; cut <= whole.length; cut++) {
            AppendJournal.Contents contents = AppendJournal.parse(Arrays.copyOf(whole, cut), journal);
            List<String> expected = cut == whole.length ? List.of("one", "two")
                    : cut >= first ? List.of("one") : List.of();
            assertThat(texts(contents)).as("cut after %d bytes", cut).isEqualTo(expected);
        }
    }

    @Test
    void aTornTailIsCutOffByTheNextAppend() throws IOException {
        Path journal = dir.resolve("w.json.journal");
        long end = AppendJournal.append(journal, 0, bytes("one"));
        Files.write(journal, bytes("57 1234abcd\n{\"half"), java.nio.file.StandardOpenOption.APPEND);
        AppendJournal.Contents torn = AppendJournal.read(journal);
        assertThat(torn.torn()).isTrue();
        assertThat(torn.end()).isEqualTo(end);

        AppendJournal.append(journal, torn.end(), bytes("two"));

        AppendJournal.Contents contents = AppendJournal.read(journal);
        assertThat(texts(contents)).containsExactly("one", "two");
        assertThat(contents.torn()).isFalse();
    }

    @Test
    void zerosAfterTheLastRecordAreATornTail() throws IOException {
        Path journal = dir.resolve("w.json.journal");
        AppendJournal.append(journal, 0, bytes("one"));
        Files.write(journal, new byte[4096], java.nio.file.StandardOpenOption.APPEND);

        assertThat(texts(AppendJournal.read(journal))).containsExactly("one");
    }

    @Test
    void aDamagedRecordFollowedByOthersIsAnErrorNamingWhereItIs() throws IOException {
        Path journal = dir.resolve("w.json.journal");
        oneAndTwo(journal);
        byte[] damaged = Files.readAllBytes(journal);
        int at = new String(damaged, StandardCharsets.UTF_8).indexOf("one");
        damaged[at] = 'X';
        Files.write(journal, damaged);

        assertThatThrownBy(() -> AppendJournal.read(journal)).isInstanceOf(IOException.class)
                .hasMessageContaining(journal.toString()).hasMessageContaining("damaged at byte");
    }

    @Test
    void clearingKeepsOnlyTheFirstLine() throws IOException {
        Path journal = dir.resolve("w.json.journal");
        AppendJournal.append(journal, 0, bytes("one"));

        long end = AppendJournal.clear(journal);

        assertThat(Files.readString(journal)).isEqualTo(AppendJournal.HEADER + "\n");
        assertThat(AppendJournal.read(journal).records()).isEmpty();
        assertThat(texts(AppendJournal.read(journal))).isEmpty();
        AppendJournal.append(journal, end, bytes("after"));
        assertThat(texts(AppendJournal.read(journal))).containsExactly("after");
    }

    @Test
    void aFileThatIsNoJournalIsRefused() throws IOException {
        Path journal = dir.resolve("w.json.journal");
        Files.writeString(journal, "something else entirely\n");

        assertThatThrownBy(() -> AppendJournal.read(journal)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a Portcullis journal");
    }
}
