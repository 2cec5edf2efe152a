package dev.portcullis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** An unexpected failure reaches the console's log file with its stack trace; an unwritable folder is no failure. */
class ConsoleLogTest {

    @TempDir
    Path dir;

    private final Handler[] before = Logger.getLogger("").getHandlers();

    @AfterEach
    void removeTheFileHandler() {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            if (Arrays.stream(before).noneMatch(b -> b == h)) {
                Logger.getLogger("").removeHandler(h);
                h.close();
            }
        }
    }

    @Test
    void anErrorIsWrittenWithItsStackTraceInTheStateFolder() throws IOException {
        Path file = ConsoleLog.install(dir.resolve("state").resolve("portcullis"));

        System.getLogger("dev.portcullis.test").log(System.Logger.Level.ERROR, "Unexpected error on thread worker-1",
                new IllegalStateException("the table was empty"));
        System.getLogger("dev.portcullis.test").log(System.Logger.Level.INFO, "an ordinary step");
        Arrays.stream(Logger.getLogger("").getHandlers()).forEach(Handler::flush);

        assertThat(file).isEqualTo(dir.resolve("state").resolve("portcullis").resolve("console0.log"));
        String logged = Files.readString(file);
        assertThat(logged).contains("Unexpected error on thread worker-1",
                "java.lang.IllegalStateException: the table was empty", "at dev.portcullis.ConsoleLogTest")
                .doesNotContain("an ordinary step");
    }

    @Test
    void aFolderThatCannotBeMadeLeavesTheLogOnStandardErrorAlone() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");

        assertThat(ConsoleLog.install(notAFolder.resolve("portcullis"))).isNull();
    }
}
