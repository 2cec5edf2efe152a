package dev.portcullis.cli;

import dev.portcullis.backend.Version;
import dev.portcullis.domain.SafeText;
import dev.portcullis.files.UserEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code portcullis}: with no subcommand it opens the console; subcommands serve scripts and offline
 * review. Exit codes: 0 fine, 1 findings or invalid input, 2 unusable input or a usage error.
 */
@Command(name = "portcullis",
        mixinStandardHelpOptions = true,
        versionProvider = PortcullisCommand.VersionProvider.class,
        description = {
            "Review and change the security groups of OpenStack projects, online or offline.",
            "Without a command, opens the console on the local workspace (and FILE, if given, read-only)."
        },
        subcommands = {ValidateCommand.class, LintCommand.class, CheckCommand.class, DiffCommand.class,
            ExportCommand.class, PlanCommand.class, ApplyCommand.class},
        exitCodeOnInvalidInput = PortcullisCommand.EXIT_UNUSABLE,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success.",
            "1:Findings, invalid definitions or differences.",
            "2:Unusable input or a usage error."
        })
public final class PortcullisCommand implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_UNUSABLE = 2;

    @Option(names = "--workspace", paramLabel = "FILE",
            description = "The workspace file the console opens (default: $XDG_DATA_HOME/portcullis/workspace.json, "
                    + "else ~/.local/share/portcullis/workspace.json).")
    Path workspace;

    @Option(names = "--cloud", paramLabel = "NAME",
            description = "The cloud (its name in clouds.yaml) the console shows first (default: the project shown last).")
    String cloud;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A source file (definition file, Terraform, Heat, Ansible) or Terraform module folder the "
                    + "console opens read-only, as File > Open does (the desktop entry passes it).")
    Path file;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Consumer<ConsoleOptions> console;

    public PortcullisCommand(Consumer<ConsoleOptions> console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (file != null && !java.nio.file.Files.isRegularFile(file) && !java.nio.file.Files.isDirectory(file)) {
            // most often a mistyped command: say both
            throw new CommandLine.ParameterException(spec.commandLine(), "'" + file
                    + "' is neither a command nor a file or folder (see portcullis --help)");
        }
        console.accept(new ConsoleOptions(workspace, cloud, file));
        return EXIT_OK;
    }

    /**
     * The command line, ready to execute, writing to the given streams. {@code console} is what opens the
     * console when no subcommand is given.
     */
    public static CommandLine commandLine(Consumer<ConsoleOptions> console, PrintWriter out, PrintWriter err) {
        return commandLine(console, out, err, UserEnvironment.current());
    }

    /** As above, in {@code environment}: its clouds.yaml and workspace ({@code ~} its home), for tests. */
    public static CommandLine commandLine(Consumer<ConsoleOptions> console, PrintWriter out, PrintWriter err,
                                          UserEnvironment environment) {
        Sources.environment(environment);
        CommandLine cmd = new CommandLine(new PortcullisCommand(console));
        // everything the commands print passes the guard, whatever path it took
        cmd.setOut(SafeOutput.guard(out));
        cmd.setErr(SafeOutput.guard(err));
        CloudWarnings.startRun(cmd.getErr());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("portcullis: " + SafeText.message(ex.getMessage()));
            return EXIT_UNUSABLE;
        });
        return cmd;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Portcullis " + Version.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
