package dev.portcullis.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String content(Path p) throws IOException {
        return Files.readString(p);
    }

    @Test
    void writesTheContentReadableByTheOwnerOnly() throws IOException {
        Path file = dir.resolve("sub/folder/workspace.json");

        AtomicFiles.write(file, bytes("one"));

        assertThat(content(file)).isEqualTo("one");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void keepsTheLastFiveVersionsNewestFirst() throws IOException {
        Path file = dir.resolve("workspace.json");
        for (int i = 1; i <= 8; i++) {
            AtomicFiles.write(file, bytes("v" + i));
        }

        assertThat(content(file)).isEqualTo("v8");
        for (int n = 1; n <= AtomicFiles.BACKUPS; n++) {
            assertThat(content(AtomicFiles.backup(file, n))).isEqualTo("v" + (8 - n));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(AtomicFiles.backup(file, n))))
                    .isEqualTo("rw-------");
        }
        assertThat(AtomicFiles.backup(file, AtomicFiles.BACKUPS + 1)).doesNotExist();
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        Path file = dir.resolve("workspace.json");
        AtomicFiles.write(file, bytes("a"));
        AtomicFiles.write(file, bytes("b"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("workspace.json", "workspace.json.1");
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAsItWas() throws IOException {
        Path file = dir.resolve("workspace.json");
        AtomicFiles.write(file, bytes("kept"));
        // The backup slot is a non-empty folder, so keeping a backup fails before the file is touched.
        Files.createDirectories(AtomicFiles.backup(file, 1).resolve("blocker"));
        Files.createDirectories(AtomicFiles.backup(file, AtomicFiles.BACKUPS).resolve("blocker"));

        assertThatThrownBy(() -> AtomicFiles.write(file, bytes("lost?"))).isInstanceOf(IOException.class);

        assertThat(content(file)).isEqualTo("kept");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anExistingFileKeepsItsPermissionsAndItsBackupsGetThem() throws IOException {
        Path file = dir.resolve("shared.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.write(file, bytes("new"));

        assertThat(content(file)).isEqualTo("new");
        assertThat(permissions(file)).isEqualTo("rw-r-----");
        assertThat(content(AtomicFiles.backup(file, 1))).isEqualTo("old");
        assertThat(permissions(AtomicFiles.backup(file, 1))).isEqualTo("rw-r-----");
    }

    @Test
    void writingThroughASymbolicLinkReplacesTheFileItPointsAtAndKeepsTheLink() throws IOException {
        Path real = dir.resolve("elsewhere").resolve("workspace.json");
        AtomicFiles.write(real, bytes("one"));
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, Path.of("elsewhere", "workspace.json"));

        AtomicFiles.write(link, bytes("two"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("elsewhere", "workspace.json"));
        assertThat(content(link)).isEqualTo("two");
        assertThat(content(real)).isEqualTo("two");
        assertThat(content(AtomicFiles.backup(real, 1))).as("backups are kept beside the real file").isEqualTo("one");
        assertThat(names(dir)).containsExactly("elsewhere", "link.json");
    }

    @Test
    void aSymbolicLinkToAFileThatDoesNotExistYetCreatesThatFile() throws IOException {
        Files.createDirectories(dir.resolve("elsewhere"));
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, Path.of("elsewhere", "new.json"));

        AtomicFiles.write(link, bytes("first"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(content(dir.resolve("elsewhere").resolve("new.json"))).isEqualTo("first");
        assertThat(permissions(dir.resolve("elsewhere").resolve("new.json"))).isEqualTo("rw-------");
    }

    /**
     * The rename that replaces a file needs only the folder to be writable, so a file the user may not
     * write must be refused before it. Root may write any file whatever its mode bits; the immutable
     * attribute (chattr +i) is what makes a file unwritable for root too, so as root that is used.
     */
    @Test
    void aFileTheUserMayNotWriteIsRefusedAndLeftAsItIs() throws Exception {
        Path file = dir.resolve("workspace.json");
        AtomicFiles.write(file, bytes("kept"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        boolean immutable = false;
        try {
            if (Files.isWritable(file)) {
                immutable = new ProcessBuilder("chattr", "+i", file.toString()).inheritIO().start().waitFor() == 0;
            }
            assumeFalse(Files.isWritable(file),
                    "neither the mode bits nor chattr +i make a file unwritable for this user here");

            assertThatThrownBy(() -> AtomicFiles.write(file, bytes("replaced?")))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("not writable");

            assertThat(content(file)).isEqualTo("kept");
            assertThat(names(dir)).containsExactly("workspace.json");
        } finally {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", file.toString()).inheritIO().start().waitFor();
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void theBackupIsFlushedToTheDiskBeforeItIsRenamedIntoPlace() throws IOException {
        Path file = dir.resolve("workspace.json");
        AtomicFiles.write(file, bytes("old"));
        List<String> flushed = new ArrayList<>();

        AtomicFiles.write(file, bytes("new"), (channel, path) -> {
            channel.force(true);
            flushed.add(path.getFileName() + " holding " + Files.readString(path)
                    + (Files.exists(AtomicFiles.backup(file, 1)) ? " after" : " before") + " the backup exists");
        });

        assertThat(flushed).anySatisfy(line -> assertThat(line)
                .matches("\\.workspace\\.json\\.\\d+\\.bak holding old before the backup exists"));
        assertThat(flushed).anySatisfy(line -> assertThat(line).matches("\\.workspace\\.json\\.\\d+\\.tmp holding new .*"));
        assertThat(content(AtomicFiles.backup(file, 1))).isEqualTo("old");
    }

    @Test
    void leftoversOfThisFileFromACrashOlderThanAnHourAreDeleted() throws IOException {
        Path file = dir.resolve("workspace.json");
        AtomicFiles.write(file, bytes("one"));
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        FileTime aMinuteAgo = FileTime.from(Instant.now().minus(Duration.ofMinutes(1)));
        Map<String, FileTime> planted = Map.of(
                ".workspace.json.8137264511.tmp", twoHoursAgo,
                ".workspace.json.99.bak", twoHoursAgo,
                ".workspace.json.42.tmp", aMinuteAgo,
                ".other.json.7.tmp", twoHoursAgo,
                ".workspace.json.notes.tmp", twoHoursAgo,
                "workspace.json.7.tmp", twoHoursAgo);
        for (Map.Entry<String, FileTime> leftover : planted.entrySet()) {
            Path p = dir.resolve(leftover.getKey());
            Files.writeString(p, "leftover");
            Files.setLastModifiedTime(p, leftover.getValue());
        }

        AtomicFiles.write(file, bytes("two"));

        assertThat(names(dir)).containsExactly(".other.json.7.tmp", ".workspace.json.42.tmp",
                ".workspace.json.notes.tmp", "workspace.json", "workspace.json.1", "workspace.json.7.tmp");
    }
}
