package dev.mx.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mx.engine.MxEngine;
import dev.mx.engine.plan.FileChange;
import dev.mx.engine.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", aliases = "g",
        description = "Apply a generator to the project: plan, then write all or nothing.")
final class GenerateCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    MxCli root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GENERATOR", description = "Generator id (see mx list).")
    String generator;

    @CommandLine.Mixin
    SetValues set;

    @Option(names = "--dry-run", description = "Show the plan and the diffs; write nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Overwrite files you changed; your versions are kept as <file>.orig.")
    boolean force;

    @Option(names = "-C", paramLabel = "DIR", description = "The project directory (default: the nearest one with .mx/state.yaml, else the current directory).")
    Path dir;

    @Override
    public Integer call() {
        Path project = Projects.root(dir);
        return run(root, spec.commandLine(), project, generator, set, dryRun, force);
    }

    static int run(MxCli root, CommandLine cl, Path project, String generator, SetValues set, boolean dryRun,
            boolean force) {
        Output o = new Output(root.json, cl.getOut(), cl.getErr());
        MxEngine engine = MxCli.engine();
        Plan plan = engine.plan(new MxEngine.Request(project, generator, set.toMap(cl),
                root.json ? null : ConsolePrompter.ifInteractive()));
        if (dryRun) {
            if (o.json) {
                o.print(PlanPrinter.json(plan, false, true, List.of()));
            } else {
                o.out.println("Plan for " + plan.generator().id() + " " + plan.generator().version() + " in "
                        + project + ":");
                PlanPrinter.text(plan, true, o);
                o.out.println("Dry run: nothing was written.");
            }
            return plan.hasConflicts() && !force ? MxCli.FINDINGS : MxCli.OK;
        }
        if (plan.hasConflicts() && !force) {
            if (o.json) {
                ObjectNode json = PlanPrinter.json(plan, false, false, List.of());
                // the same {"error": {kind, message}} object as every other failure
                ObjectNode error = json.putObject("error");
                error.put("kind", "conflict");
                error.put("message", dev.mx.engine.plan.Applier.conflictError(plan).getMessage());
                o.print(json);
            } else {
                PlanPrinter.text(plan, false, o);
                o.err.println("mx: " + dev.mx.engine.plan.Applier.conflictError(plan).getMessage());
            }
            return MxCli.FINDINGS;
        }
        List<FileChange> written = engine.apply(plan, force, o::notice);
        if (o.json) {
            o.print(PlanPrinter.json(plan, true, false, written));
        } else {
            if (written.isEmpty()) {
                o.out.println(plan.generator().id() + " is already applied with these answers: nothing changed.");
            } else {
                o.out.println("Applied " + plan.generator().id() + " " + plan.generator().version() + " to " + project
                        + ":");
                PlanPrinter.text(plan, false, o);
            }
            if (plan.nextSteps() != null && !written.isEmpty()) {
                o.out.println();
                o.out.println("Next steps:");
                o.out.print(plan.nextSteps().endsWith("\n") ? plan.nextSteps() : plan.nextSteps() + "\n");
            }
        }
        return MxCli.OK;
    }
}
