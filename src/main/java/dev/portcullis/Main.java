package dev.portcullis;

import dev.portcullis.backend.openstack.CloudConfigs;
import dev.portcullis.cli.ConsoleOptions;
import dev.portcullis.cli.PortcullisCommand;
import dev.portcullis.cli.ReviewSettingsSource;
import dev.portcullis.files.UserEnvironment;
import dev.portcullis.review.ReviewSettings;
import dev.portcullis.ui.shell.ConsolePlaces;
import dev.portcullis.ui.shell.PortcullisApp;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one entry point: no command opens the console, a command runs on the command line. This is the
 * only class outside {@code ui} that knows the console exists.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        preferencesUnderHome();
        // A terminal gets its own encoding; a pipe or a file gets UTF-8, whatever the locale says.
        Charset charset = System.console() != null ? System.console().charset() : StandardCharsets.UTF_8;
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        boolean[] consoleOpened = {false};
        int exit;
        try {
            if (args.length == 0) {
                // The desktop's start: the console with its defaults. Building the command line's model (every
                // command's options, read by reflection) would only delay the window.
                consoleOpened[0] = true;
                openConsole(new ConsoleOptions(null), err);
                exit = PortcullisCommand.EXIT_OK;
            } else {
                exit = PortcullisCommand.commandLine(options -> {
                    consoleOpened[0] = true;
                    openConsole(options, err);
                }, out, err).execute(args);
            }
        } catch (OutOfMemoryError e) {
            err.println("portcullis: not enough memory for this input. Give Java more, for example "
                    + "PORTCULLIS_JAVA_OPTS=-Xmx4g portcullis ...");
            exit = PortcullisCommand.EXIT_UNUSABLE;
        } catch (RuntimeException e) {
            // as the command line's own handler says it
            err.println("portcullis: " + dev.portcullis.domain.SafeText.message(e.getMessage()));
            exit = PortcullisCommand.EXIT_UNUSABLE;
        }
        out.flush();
        err.flush();
        if (!consoleOpened[0] || exit != 0) {
            System.exit(exit);
        }
    }

    /**
     * Java keeps a user's preferences under {@code user.home}, the account's home from the password database;
     * everything else of Portcullis is under {@code $HOME}, as for the shell and the OpenStack tools. The
     * preferences follow {@code $HOME} too, unless {@code java.util.prefs.userRoot} says otherwise.
     */
    private static void preferencesUnderHome() {
        if (System.getProperty("java.util.prefs.userRoot") == null) {
            System.setProperty("java.util.prefs.userRoot", UserEnvironment.current().home().toString());
        }
    }

    private static void openConsole(ConsoleOptions options, PrintWriter err) {
        ConsoleLog.install(dev.portcullis.files.UserFolders.state(UserEnvironment.current()));
        try {
            ReviewSettings review = ReviewSettings.defaults();
            List<String> reviewProblems = List.of();
            try {
                review = ReviewSettingsSource.forUser();
            } catch (ReviewSettingsSource.SettingsException e) {
                reviewProblems = List.of("Your review settings were not used (the defaults apply): "
                        + String.join(" ", e.problems()));
                err.println("portcullis: " + dev.portcullis.domain.SafeText.message(reviewProblems.get(0)));
                err.flush();
            }
            PortcullisApp.launch(options.workspace(), options.cloud(), options.file(), review, reviewProblems);
        } catch (ConsolePlaces.UnknownPlaceException e) {
            // read again only on this way out, to say where clouds were looked for
            String where = CloudConfigs.forUser().unknown(options.cloud());
            err.println("portcullis: " + dev.portcullis.domain.SafeText.message(where));
            err.flush();
            System.exit(PortcullisCommand.EXIT_UNUSABLE);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // JavaFX says "Unable to open DISPLAY" and nothing more; say what still works.
            err.println("portcullis: the console needs a graphical desktop (" + dev.portcullis.domain.SafeText.message(e.getMessage()) + ").");
            err.println("The command line works without one: portcullis --help");
            err.flush();
            System.exit(PortcullisCommand.EXIT_UNUSABLE);
        }
    }
}
