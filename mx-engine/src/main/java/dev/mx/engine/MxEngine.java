package dev.mx.engine;

import dev.mx.engine.apply.ProjectLock;
import dev.mx.engine.apply.Transaction;
import dev.mx.engine.generator.GeneratorCatalog;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.generator.GeneratorRenderer;
import dev.mx.engine.generator.ParameterResolver;
import dev.mx.engine.generator.Prompter;
import dev.mx.engine.generator.RenderedGenerator;
import dev.mx.engine.generator.SandboxedTemplates;
import dev.mx.engine.plan.Applier;
import dev.mx.engine.plan.FileChange;
import dev.mx.engine.plan.Plan;
import dev.mx.engine.plan.Planner;
import dev.mx.engine.state.ProjectState;
import dev.mx.engine.state.StateFile;
import dev.mx.engine.trust.PostApplyPolicy;
import dev.mx.engine.trust.PostApplyReport;
import dev.mx.engine.trust.PostApplyRunner;
import dev.mx.engine.trust.Trust;
import dev.mx.engine.trust.TrustDecision;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The engine's one entry point for the CLI, the language server and other Java tools:
 * generators, plans, atomic apply and the state file. Stateless apart from its settings; safe to
 * share between threads (writes to a project are serialized by the project lock).
 */
public final class MxEngine {
    public static final String VERSION = readVersion();

    private final List<Path> generatorPath;

    private MxEngine(List<Path> generatorPath) {
        this.generatorPath = List.copyOf(generatorPath);
    }

    /** An engine that loads generators from the built-ins and {@code MX_GENERATOR_PATH}. */
    public static MxEngine create() {
        return new MxEngine(GeneratorCatalog.parsePath(System.getenv("MX_GENERATOR_PATH")));
    }

    /** An engine with an explicit generator path instead of the environment's. */
    public static MxEngine withGeneratorPath(List<Path> generatorPath) {
        return new MxEngine(generatorPath);
    }

    public List<Path> generatorPath() {
        return generatorPath;
    }

    /** Generators visible from this project (the project's own {@code .mx/generators/} included). */
    public GeneratorCatalog catalog(Path projectRoot) {
        return GeneratorCatalog.load(generatorPath, projectRoot);
    }

    /** The project's state; an interrupted earlier run is rolled back first. */
    public ProjectState state(Path projectRoot) {
        return state(projectRoot, s -> { });
    }

    /**
     * As {@link #state(Path)}, telling {@code notices} what recovery did: a lock left by a killed
     * run cleared (its process is gone), an interrupted run rolled back.
     */
    public ProjectState state(Path projectRoot, Consumer<String> notices) {
        Path root = projectRoot.toAbsolutePath().normalize();
        String cleared = ProjectLock.clearIfStale(root);
        if (cleared != null) {
            notices.accept(cleared);
        }
        recoverIfNeeded(root, notices);
        return StateFile.read(root);
    }

    /** What to plan: which generator, where, with which explicit values. */
    public record Request(Path projectRoot, String generatorId, Map<String, String> values, Prompter prompter) {
        public Request {
            values = values == null ? Map.of() : Map.copyOf(values);
        }

        public Request(Path projectRoot, String generatorId, Map<String, String> values) {
            this(projectRoot, generatorId, values, null);
        }
    }

    /** Renders in memory and compares with the project: nothing is written. */
    public Plan plan(Request request) {
        recoverIfNeeded(request.projectRoot().toAbsolutePath().normalize(), s -> { });
        return planUnlocked(request);
    }

    /**
     * What {@link #planAndApply} did: the plan, the files written (none when stopped by
     * conflicts), and what became of the generator's post-apply commands.
     */
    public record Outcome(Plan plan, List<FileChange> written, boolean applied, PostApplyReport postApply) {
        public Outcome {
            postApply = postApply == null ? PostApplyReport.none() : postApply;
        }

        public Outcome(Plan plan, List<FileChange> written, boolean applied) {
            this(plan, written, applied, PostApplyReport.none());
        }
    }

    /**
     * Plans and applies in one step while holding the project lock, so no other run can change
     * the project between the two: its files are never mistaken for the user's edits. A plan
     * with conflicts is returned unapplied unless {@code force}. Runs no post-apply command: the
     * outcome lists them as not run.
     */
    public Outcome planAndApply(Request request, boolean force, Consumer<String> notices) {
        return planAndApply(request, force, notices, PostApplyPolicy.never());
    }

    /**
     * As {@link #planAndApply(Request, boolean, Consumer)}; then, once the transaction has
     * committed and the project lock is released, runs the generator's post-apply commands if
     * {@code policy} runs commands and the generator is trusted (see {@link Trust}). A failing
     * command is reported in {@link Outcome#postApply()}; the files stay applied.
     */
    public Outcome planAndApply(Request request, boolean force, Consumer<String> notices, PostApplyPolicy policy) {
        Path root = request.projectRoot().toAbsolutePath().normalize();
        Plan plan;
        List<FileChange> written;
        try (ProjectLock lock = ProjectLock.acquire(root, "mx generate " + request.generatorId(), Duration.ZERO,
                notices)) {
            String recovered = Transaction.recover(root);
            if (recovered != null) {
                notices.accept(recovered);
            }
            plan = planUnlocked(request);
            if (plan.hasConflicts() && !force) {
                return new Outcome(plan, List.of(), false); // nothing applied: no command either
            }
            written = plan.isNoop() ? List.of() : Applier.apply(plan, force, point -> { });
        }
        // After the commit and outside the lock: a command may itself run mx on this project.
        return new Outcome(plan, written, true, runPostApply(plan, policy));
    }

    /** Whether this generator's post-apply commands run under {@code policy}, and why. */
    public TrustDecision trust(GeneratorDescriptor g, PostApplyPolicy policy) {
        if (!policy.run()) {
            return new TrustDecision(false, "post-apply commands are never run here");
        }
        return Trust.decide(g, policy.trustFlag(), policy.config());
    }

    /**
     * Runs the post-apply commands of an applied plan (trusted generators only), in the project
     * root, one after the other; for callers that use {@link #plan} and {@link #apply} separately.
     * Commands of an untrusted generator, or under a policy that never runs commands, are reported
     * as not run.
     */
    public PostApplyReport runPostApply(Plan plan, PostApplyPolicy policy) {
        if (plan.postApply().isEmpty()) {
            return PostApplyReport.none();
        }
        TrustDecision trust = trust(plan.generator(), policy);
        if (!trust.trusted()) {
            return new PostApplyReport(trust, plan.postApply().stream()
                    .map(c -> new PostApplyReport.Result(c, PostApplyReport.Status.SKIPPED_UNTRUSTED, -1,
                            "not run: " + trust.reason()))
                    .toList());
        }
        return PostApplyRunner.run(plan.root(), plan.generator(), plan.postApply(), trust, policy.output());
    }

    private Plan planUnlocked(Request request) {
        Path root = request.projectRoot().toAbsolutePath().normalize();
        ProjectState state = StateFile.read(root);
        GeneratorCatalog catalog = catalog(root);
        GeneratorDescriptor g = catalog.require(request.generatorId());
        List<String> missing = g.requires().stream().filter(r -> !state.isApplied(r)).toList();
        if (!missing.isEmpty()) {
            throw MxException.input("generator " + g.id() + " requires " + String.join(", ", missing)
                    + " to be applied first: run `mx generate " + missing.get(0) + "`");
        }
        Map<String, Object> builtIns = builtIns(root, state, g);
        SandboxedTemplates templates = new SandboxedTemplates(g.root(), g.id());
        Map<String, Object> values = ParameterResolver.resolve(g, state, request.values(), builtIns, templates,
                request.prompter());
        Map<String, Object> model = new LinkedHashMap<>(builtIns);
        model.putAll(values);
        Object projectName = values.getOrDefault("project_name", state.answers().get("project_name"));
        model.put("package_name", (projectName == null ? builtIns.get("project_dir_name") : projectName).toString()
                .replace('-', '_'));
        RenderedGenerator out = GeneratorRenderer.render(g, model);
        return Planner.plan(root, g, values, out, state, VERSION);
    }

    /**
     * Writes the plan under the project lock, all or nothing.
     *
     * @param notices one-line messages for people (a stale lock cleared, an interrupted run rolled back)
     * @return the file changes written
     */
    public List<FileChange> apply(Plan plan, boolean force, Consumer<String> notices) {
        return apply(plan, force, notices, point -> { });
    }

    /** As {@link #apply(Plan, boolean, Consumer)}, with a checkpoint hook for fault-injection tests. */
    public List<FileChange> apply(Plan plan, boolean force, Consumer<String> notices,
            Transaction.Checkpoint checkpoint) {
        if (plan.hasConflicts() && !force) {
            throw Applier.conflictError(plan);
        }
        if (plan.isNoop()) {
            return List.of();
        }
        try (ProjectLock lock = ProjectLock.acquire(plan.root(), "mx generate " + plan.generator().id(),
                Duration.ZERO, notices)) {
            String recovered = Transaction.recover(plan.root());
            if (recovered != null) {
                notices.accept(recovered);
            }
            return Applier.apply(plan, force, checkpoint);
        }
    }

    /** Plans and applies in one step under the lock; conflicts are an error. For scripts and embedding. */
    public Plan generate(Path projectRoot, String generatorId, Map<String, String> values) {
        Outcome o = planAndApply(new Request(projectRoot, generatorId, values), false, s -> { });
        if (!o.applied()) {
            throw Applier.conflictError(o.plan());
        }
        return o.plan();
    }

    private static void recoverIfNeeded(Path root, Consumer<String> notices) {
        if (Transaction.needsRecovery(root)) {
            try (ProjectLock lock = ProjectLock.acquire(root, "mx recover", Duration.ofSeconds(10), notices)) {
                String msg = Transaction.recover(root);
                if (msg != null) {
                    notices.accept(msg);
                }
            }
        }
    }

    private static Map<String, Object> builtIns(Path root, ProjectState state, GeneratorDescriptor g) {
        Map<String, Object> m = new LinkedHashMap<>();
        Path name = root.getFileName();
        m.put("project_dir_name", dnsLabel(name == null ? "project" : name.toString()));
        m.put("mx_version", VERSION);
        m.put("generator", Map.of("id", g.id(), "version", g.version()));
        List<String> applied = new ArrayList<>();
        state.generators().forEach(a -> applied.add(a.id()));
        m.put("applied", applied);
        m.put("answers", new LinkedHashMap<>(state.answers()));
        return m;
    }

    /** A directory name turned into a DNS-1123 label: what Kubernetes, GCP and DevSpace accept. */
    public static String dnsLabel(String dirName) {
        String s = dirName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            s = "project";
        }
        if (!Character.isLetter(s.charAt(0))) {
            s = "p-" + s;
        }
        if (s.length() > 63) {
            s = s.substring(0, 63).replaceAll("-+$", "");
        }
        return s;
    }

    private static String readVersion() {
        try (InputStream in = MxEngine.class.getResourceAsStream("/mx-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // fall through
        }
        return "dev";
    }
}
