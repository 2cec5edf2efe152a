package dev.portcullis;

import dev.portcullis.cli.PortcullisCommand;
import dev.portcullis.ui.shell.PortcullisApp;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The one entry point: no command opens the console, a command runs on the command line. This is the
 * only class outside {@code ui} that knows the console exists.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        boolean[] consoleOpened = {false};
        int exit = PortcullisCommand.commandLine(options -> {
            consoleOpened[0] = true;
            PortcullisApp.launch(options);
        }, out, err).execute(args);
        out.flush();
        err.flush();
        if (!consoleOpened[0] || exit != 0) {
            System.exit(exit);
        }
    }
}
