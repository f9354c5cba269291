package dev.mx.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mx.engine.MxEngine;
import dev.mx.engine.generator.PostApplyCommand;
import dev.mx.engine.generator.Prompter;
import dev.mx.engine.plan.FileChange;
import dev.mx.engine.plan.Plan;
import dev.mx.engine.trust.PostApplyPolicy;
import dev.mx.engine.trust.PostApplyReport;
import dev.mx.engine.trust.Trust;
import dev.mx.engine.trust.TrustConfig;
import dev.mx.engine.trust.TrustDecision;
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

    @Option(names = "--trust", description = "Run the generator's post-apply commands even though it is not a built-in"
            + " and not under a trusted path of ~/.config/mx/config.yaml. Review them first (mx describe).")
    boolean trust;

    @Option(names = "-C", paramLabel = "DIR", description = "The project directory (default: the nearest one with .mx/state.yaml, else the current directory).")
    Path dir;

    @Override
    public Integer call() {
        Path project = Projects.root(dir);
        return run(root, spec.commandLine(), project, generator, set, dryRun, force, trust).code();
    }

    /** The exit code, and whether the files were applied (they stay applied when a post-apply command fails). */
    record Ran(int code, boolean applied) {
    }

    static Ran run(MxCli root, CommandLine cl, Path project, String generator, SetValues set, boolean dryRun,
            boolean force, boolean trust) {
        Output o = new Output(root.json, cl.getOut(), cl.getErr());
        MxEngine engine = MxCli.engine();
        Map<String, String> values = set.toMap(cl);
        Prompter prompter = root.json ? null : ConsolePrompter.ifInteractive();
        MxEngine.Request request = new MxEngine.Request(project, generator, values, prompter);
        TrustConfig config = TrustConfig.load();
        // Commands' output goes to stderr, so stdout stays the result (one JSON document with --json).
        PostApplyPolicy policy = PostApplyPolicy.trusted(trust, config, line -> {
            o.err.println(line);
            o.err.flush();
        });
        if (dryRun) {
            Plan plan = engine.plan(request);
            return new Ran(show(o, plan, project, true, force, engine.trust(plan.generator(), policy), config), false);
        }
        // Planned and applied under one project lock: another run cannot slip in between.
        MxEngine.Outcome outcome = engine.planAndApply(request, force, o::notice, policy);
        if (!outcome.applied()) {
            return new Ran(show(o, outcome.plan(), project, false, force, null, config), false);
        }
        printApplied(o, outcome, project, config);
        return new Ran(outcome.postApply().failed() ? MxCli.FINDINGS : MxCli.OK, true);
    }

    /** Prints a dry run or a plan stopped by conflicts and returns its exit code; null when the plan is to be applied. */
    private static Integer show(Output o, Plan plan, Path project, boolean dryRun, boolean force, TrustDecision trust,
            TrustConfig config) {
        if (dryRun) {
            if (o.json) {
                ObjectNode json = PlanPrinter.json(plan, false, true, List.of());
                if (!plan.postApply().isEmpty()) {
                    json.set("postApply", postApplyJson(plan.postApply(), trust, null));
                }
                o.print(json);
            } else {
                o.out.println("Plan for " + plan.generator().id() + " " + plan.generator().version() + " in "
                        + project + ":");
                PlanPrinter.text(plan, true, o);
                if (!plan.postApply().isEmpty()) {
                    o.out.println();
                    o.out.println("Post-apply commands, " + (trust.trusted() ? "to run after the apply (" + trust.reason()
                            + "):" : "NOT to be run: " + trust.reason() + ":"));
                    plan.postApply().forEach(c -> o.out.println("  $ " + c.display() + "    # " + c.description()));
                }
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

    private static void printApplied(Output o, MxEngine.Outcome outcome, Path project, TrustConfig config) {
        Plan plan = outcome.plan();
        List<FileChange> written = outcome.written();
        PostApplyReport report = outcome.postApply();
        if (o.json) {
            ObjectNode json = PlanPrinter.json(plan, true, false, written);
            if (!report.isEmpty()) {
                json.set("postApply", postApplyJson(plan.postApply(), report.trust(), report));
            }
            o.print(json);
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
        printPostApply(o, plan, report, config);
    }

    /** On stderr: commands not run for lack of trust and how to trust, or the command that failed. */
    private static void printPostApply(Output o, Plan plan, PostApplyReport report, TrustConfig config) {
        if (report.isEmpty() || o.json) {
            return; // with --json the same facts are in "postApply"
        }
        config.problems().forEach(p -> o.notice("ignored in your configuration: " + p));
        String id = plan.generator().id();
        List<PostApplyCommand> notRun = report.notRun();
        if (!notRun.isEmpty()) {
            o.notice(id + " declares " + (notRun.size() == 1 ? "a post-apply command" : notRun.size()
                    + " post-apply commands") + " that mx did NOT run: " + report.trust().reason() + ".");
            notRun.forEach(c -> o.err.println("  $ " + c.display() + "    # " + c.description()));
            o.notice(Trust.howToTrust(plan.generator(), config));
            return;
        }
        for (PostApplyReport.Result r : report.results()) {
            switch (r.status()) {
                case FAILED, TIMED_OUT, NOT_STARTED -> o.notice("post-apply command failed (" + r.detail() + "): "
                        + r.command().display() + "; the files of " + id + " are applied");
                case SKIPPED_AFTER_FAILURE -> o.notice("not run after that failure: " + r.command().display());
                default -> { }
            }
        }
    }

    private static ObjectNode postApplyJson(List<PostApplyCommand> commands, TrustDecision trust,
            PostApplyReport report) {
        ObjectNode n = Output.JSON.createObjectNode();
        n.put("trusted", trust.trusted());
        n.put("reason", trust.reason());
        ArrayNode list = n.putArray("commands");
        for (int i = 0; i < commands.size(); i++) {
            PostApplyCommand c = commands.get(i);
            ObjectNode cn = list.addObject();
            ArrayNode argv = cn.putArray("argv");
            c.argv().forEach(argv::add);
            cn.put("description", c.description());
            if (report != null && i < report.results().size()) {
                PostApplyReport.Result r = report.results().get(i);
                cn.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
                if (r.exitCode() >= 0) {
                    cn.put("exitCode", r.exitCode());
                }
                cn.put("detail", r.detail());
            }
        }
        return n;
    }

}
