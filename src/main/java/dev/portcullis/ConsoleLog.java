package dev.portcullis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The console's log file: warnings and errors, each unexpected failure once with its stack trace, in
 * {@code console0.log} under the user's state folder ({@code ~/.local/state/portcullis}); when it reaches 1 MB
 * it becomes {@code console1.log} (then {@code console2.log}) and a new one begins. The person reads the failure in words in a dialog; the trace is here for whoever looks into it.
 */
final class ConsoleLog {

    static final String FILE = "console0.log";
    private static final int LIMIT = 1024 * 1024;
    private static final int FILES = 3;

    private ConsoleLog() {
    }

    /**
     * Adds the log file to Java's root logger; answers the file, or null when it cannot be written (the log then
     * goes to the standard error alone, as before, and the console still opens).
     */
    static Path install(Path folder) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(FILE);
            FileHandler handler = new FileHandler(folder.resolve("console%g.log").toString(), LIMIT, FILES, true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.WARNING);
            Logger.getLogger("").addHandler(handler);
            return file;
        } catch (IOException | SecurityException e) {
            System.err.println("portcullis: the log file in " + folder + " cannot be written (" + e.getMessage()
                    + "); errors go to the standard error only.");
            return null;
        }
    }
}
