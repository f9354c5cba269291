package dev.mx.cli;

import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The thin command line: every command is a few lines over {@link MxEngine}. Exit codes are a
 * contract for scripts: 0 ok, 1 findings or conflicts, 2 usage or input errors.
 */
@Command(name = "mx",
        // INHERIT: every subcommand gets --help/-h and --version/-V too (mx generate --help)
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = MxCli.Version.class,
        description = "Generate, lint and grow the infrastructure of an ML project.",
        subcommands = {
            NewCommand.class, GenerateCommand.class, ListCommand.class, DescribeCommand.class,
            StateCommand.class, LintCommand.class, RulesCommand.class, LspCommand.class, CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 1 findings or conflicts, 2 usage or input errors.",
            "Docs: docs/cli.md"})
public final class MxCli implements Runnable {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print machine-readable JSON on stdout.")
    boolean json;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of internal errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command; see mx --help");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs mx in-process; used by tests and by {@link #main}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        MxCli root = new MxCli();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, root, out, err));
        cl.setParameterExceptionHandler((ex, argv) -> {
            Output o = new Output(root.json, out, err);
            o.error("usage", null, -1, -1, ex.getMessage());
            if (!root.json) {
                CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
                err.println("See '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            }
            return USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int handle(Exception ex, MxCli root, PrintWriter out, PrintWriter err) {
        Output o = new Output(root.json, out, err);
        if (ex instanceof MxException mx) {
            o.error(mx.kind().name().toLowerCase(java.util.Locale.ROOT), mx.file(), mx.line(), mx.column(),
                    mx.getMessage());
            if (root.debug) {
                mx.printStackTrace(err);
            }
            return mx.kind() == MxException.Kind.CONFLICT ? FINDINGS : USAGE;
        }
        o.error("internal", null, -1, -1, "internal error: " + ex + (root.debug ? "" : " (run with --debug for details)"));
        if (root.debug) {
            ex.printStackTrace(err);
        }
        return USAGE;
    }

    static MxEngine engine() {
        return MxEngine.create();
    }

    /** Version from the engine jar's build. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mx " + MxEngine.VERSION};
        }
    }
}
