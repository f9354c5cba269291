package dev.mx.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mx.engine.MxEngine;
import dev.mx.engine.generator.Prompter;
import dev.mx.engine.plan.FileChange;
import dev.mx.engine.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        Map<String, String> values = set.toMap(cl);
        Prompter prompter = root.json ? null : ConsolePrompter.ifInteractive();
        MxEngine.Request request = new MxEngine.Request(project, generator, values, prompter);
        if (dryRun) {
            return show(o, engine.plan(request), project, true, force);
        }
        // Planned and applied under one project lock: another run cannot slip in between.
        MxEngine.Outcome outcome = engine.planAndApply(request, force, o::notice);
        if (!outcome.applied()) {
            return show(o, outcome.plan(), project, false, force);
        }
        printApplied(o, outcome.plan(), project, outcome.written());
        return MxCli.OK;
    }

    /** Prints a dry run or a plan stopped by conflicts and returns its exit code; null when the plan is to be applied. */
    private static Integer show(Output o, Plan plan, Path project, boolean dryRun, boolean force) {
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
        return null;
    }

    private static void printApplied(Output o, Plan plan, Path project, List<FileChange> written) {
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
    }

}
