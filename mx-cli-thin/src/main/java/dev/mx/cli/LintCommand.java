package dev.mx.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mx.engine.MxException;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "lint", description = "Check devspace.yaml, MLproject and .mx files under the given paths.")
final class LintCommand implements Callable<Integer> {
    enum Format { text, json, sarif }

    @CommandLine.ParentCommand
    MxCli root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @CommandLine.Option(names = "--format", description = "text (default), json or sarif (SARIF 2.1.0 for code-scanning UIs).")
    Format format;

    @CommandLine.Option(names = "--strict", description = "Exit 1 on warnings too.")
    boolean strict;

    @Override
    public Integer call() throws IOException {
        Output o = new Output(root.json, spec.commandLine().getOut(), spec.commandLine().getErr());
        Format f = format != null ? format : root.json ? Format.json : Format.text;
        List<Path> targets = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path p : targets) {
            if (!Files.exists(p)) {
                throw MxException.input(p + ": no such file or directory");
            }
        }
        List<Diagnostic> all = new ArrayList<>();
        for (Path file : Linter.collect(targets)) {
            all.addAll(Linter.lintFile(file, display(file)));
        }
        if (f == Format.sarif) {
            o.print(dev.mx.engine.lint.report.SarifReport.of(all, dev.mx.engine.lint.RuleRegistry.standard(),
                    dev.mx.engine.MxEngine.VERSION));
        } else if (f == Format.json) {
            ObjectNode n = Output.JSON.createObjectNode();
            ArrayNode ds = n.putArray("diagnostics");
            for (Diagnostic d : all) {
                ObjectNode dn = ds.addObject();
                dn.put("file", d.file());
                dn.put("line", d.range().start().line() + 1);
                dn.put("column", d.range().start().column() + 1);
                dn.put("endLine", d.range().end().line() + 1);
                dn.put("endColumn", d.range().end().column() + 1);
                dn.put("severity", d.severity().label());
                dn.put("rule", d.rule());
                dn.put("message", d.message());
            }
            o.print(n);
        } else {
            all.forEach(d -> o.out.println(d.format()));
        }
        boolean fail = all.stream().anyMatch(d -> d.severity() == Severity.ERROR
                || (strict && d.severity() == Severity.WARNING));
        return fail ? MxCli.FINDINGS : MxCli.OK;
    }

    private static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : file.toString();
    }
}
