package dev.mx.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.apply.ProjectLock;
import dev.mx.engine.generator.Prompter;
import dev.mx.engine.plan.FileChange;
import dev.mx.engine.plan.Plan;
import dev.mx.engine.state.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
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
    /** Plans made in all when another mx run writes the project at the same time. */
    private static final int ATTEMPTS = 3;
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

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
        Prompter prompter = remembering(root.json ? null : ConsolePrompter.ifInteractive());
        for (int attempt = 1; ; attempt++) {
            boolean mayRetry = attempt < ATTEMPTS;
            byte[] stateBefore = readState(project);
            Plan plan = engine.plan(new MxEngine.Request(project, generator, values, prompter));
            // The plan is made without the project lock. If another mx run wrote the project
            // meanwhile, its files look like the user's edits: plan again instead of reporting
            // them as conflicts.
            if (mayRetry && plan.hasConflicts() && otherRunWrote(project, stateBefore)) {
                continue;
            }
            Integer code = show(o, plan, project, dryRun, force);
            if (code != null) {
                return code;
            }
            List<FileChange> written;
            try {
                written = engine.apply(plan, force, o::notice);
            } catch (MxException e) {
                // Applier's "changed since the plan was made" (a conflict about one file; the
                // conflicts of a plan name no file): another run applied between our plan and
                // our turn with the lock. It is done now, so planning again sees its result.
                if (mayRetry && e.kind() == MxException.Kind.CONFLICT && e.file() != null) {
                    continue;
                }
                throw e;
            }
            printApplied(o, plan, project, written);
            return MxCli.OK;
        }
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

    /** Asks each question once, however often the plan is made. */
    private static Prompter remembering(Prompter prompter) {
        if (prompter == null) {
            return null;
        }
        Map<String, String> answers = new HashMap<>();
        return p -> answers.computeIfAbsent(p.name(), k -> prompter.ask(p));
    }

    private static byte[] readState(Path project) {
        try {
            return Files.readAllBytes(StateFile.path(project));
        } catch (IOException e) {
            return null; // no state yet, or unreadable: planning reports the latter
        }
    }

    /**
     * True if another run changed the state file since {@code before}, or held the lock just now
     * (waits up to {@link #LOCK_WAIT} for it to finish).
     */
    private static boolean otherRunWrote(Path project, byte[] before) {
        Path lock = ProjectLock.path(project);
        boolean locked = false;
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (Files.exists(lock) && System.nanoTime() < deadline) {
            locked = true;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (Files.exists(lock)) {
            return false; // still held (or left by a killed run): not a run that just wrote; report the plan
        }
        return locked || !Arrays.equals(before, readState(project));
    }
}
