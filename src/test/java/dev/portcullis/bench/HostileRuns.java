package dev.portcullis.bench;

import dev.portcullis.cli.PortcullisCommand;
import dev.portcullis.domain.SafeText;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs a command of the command line in this JVM, as a user would, and keeps what it printed. */
public final class HostileRuns {

    /**
     * One run: its exit code, what it printed, the exception that reached the command line's last handler
     * (null when none did), and how long it took.
     */
    public record Run(List<String> args, int exit, String out, String err, Throwable escaped, double seconds) {

        /** The raw characters a terminal would act on or hide, as {@code U+001B} labels; empty when none. */
        public List<String> rawControls() {
            List<String> raw = new ArrayList<>();
            (out + err).codePoints().filter(c -> c != '\n' && c != '\t' && SafeText.unsafe(c))
                    .forEach(c -> raw.add(String.format("U+%04X", c)));
            return raw;
        }

        /**
         * Whether it crashed: an exception of the runtime itself (a null, an index, a cast, a stack or memory
         * error) reached the command line's last handler, rather than a refusal the program words itself.
         */
        public boolean crashed() {
            return escaped != null && (escaped instanceof Error || escaped instanceof NullPointerException
                    || escaped instanceof IndexOutOfBoundsException || escaped instanceof ClassCastException
                    || escaped instanceof ArithmeticException || escaped instanceof IllegalStateException
                    || escaped instanceof UnsupportedOperationException
                    || escaped.getClass().getName().startsWith("java.util.NoSuch"));
        }
    }

    private HostileRuns() {
    }

    public static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Throwable[] escaped = new Throwable[1];
        CommandLine cmd = PortcullisCommand.commandLine(o -> { }, new PrintWriter(out), new PrintWriter(err));
        CommandLine.IExecutionExceptionHandler words = cmd.getExecutionExceptionHandler();
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            escaped[0] = ex;
            return words.handleExecutionException(ex, commandLine, parseResult);
        });
        long start = System.nanoTime();
        int exit;
        try {
            exit = cmd.execute(args.toArray(String[]::new));
        } catch (RuntimeException | StackOverflowError e) {
            escaped[0] = e;
            exit = -1;
        }
        return new Run(args, exit, out.toString(), err.toString(), escaped[0], (System.nanoTime() - start) / 1e9);
    }
}
