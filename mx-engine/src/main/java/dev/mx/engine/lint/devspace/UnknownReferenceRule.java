package dev.mx.engine.lint.devspace;

import static dev.mx.engine.lint.devspace.DevspaceFiles.get;
import static dev.mx.engine.lint.devspace.DevspaceFiles.mapping;
import static dev.mx.engine.lint.devspace.DevspaceFiles.scalar;
import static dev.mx.engine.lint.devspace.DevspaceFiles.sequence;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.Range;
import dev.mx.engine.text.TextEdit;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code devspace/unknown-reference}: names used in scripts, runtime variables, hook events and
 * selectors must exist, and local files the config points at must be there.
 */
final class UnknownReferenceRule extends V2Rule {
    static final RuleMeta META = new RuleMeta("devspace/unknown-reference", FileKind.DEVSPACE, Severity.ERROR,
            "References must name something that exists: deployments, images, dev configurations and dependencies"
                    + " named in pipelines, commands, functions, hooks and runtime variables, and local manifests,"
                    + " values files, Dockerfiles and build contexts.",
            "DevSpace resolves these names only while a pipeline runs, so a typo passes `devspace print` and then"
                    + " fails halfway through a deploy: `couldn't find deployment api`, `couldn't find image api`,"
                    + " `couldn't find dev api`, `couldn't find dependency db`, `couldn't find imageName api` for"
                    + " `${runtime.images.api.image}`, or a missing manifest or values file when kubectl or helm"
                    + " runs. purge_deployments, stop_dev and hook events do not fail on an unknown name: they"
                    + " silently do nothing, which is reported as a warning. Sections that imports, profile"
                    + " expressions or computed patches may extend are not checked.",
            "deployments:\n  api:\n    helm: {chart: {name: ./chart}}\npipelines:\n  deploy: |-\n"
                    + "    create_deployments api-server\n",
            "deployments:\n  api:\n    helm: {chart: {name: ./chart}}\npipelines:\n  deploy: |-\n"
                    + "    create_deployments api\n");

    /** How one DevSpace pipeline command takes its arguments (its go-flags options). */
    private record Spec(String section, String what, Severity severity, String error, Set<String> valueFlags,
            Set<String> boolFlags) {
    }

    private static final Set<String> SET_FLAGS = Set.of("set", "set-string", "from", "from-file");

    private static final Map<String, Spec> SPECS = Map.of(
            "create_deployments", new Spec("deployments", "deployment", Severity.ERROR, "couldn't find deployment",
                    Set.of("set", "set-string", "from", "from-file", "except"),
                    Set.of("all", "skip-deploy", "force-redeploy", "force-deploy", "sequential", "render")),
            "purge_deployments", new Spec("deployments", "deployment", Severity.WARNING, null,
                    Set.of("except"), Set.of("all", "sequential", "force-purge")),
            "build_images", new Spec("images", "image", Severity.ERROR, "couldn't find image",
                    Set.of("tag", "t", "max-concurrent", "set", "set-string", "from", "from-file", "except"),
                    Set.of("all", "skip", "skip-push", "skip-push-on-local-kubernetes", "force-rebuild",
                            "sequential")),
            "start_dev", new Spec("dev", "dev configuration", Severity.ERROR, "couldn't find dev",
                    Set.of("set", "set-string", "from", "from-file", "except"),
                    Set.of("all", "continue-on-terminal-exit", "disable-sync", "disable-port-forwarding",
                            "disable-pod-replace", "disable-open")),
            "stop_dev", new Spec("dev", "dev configuration", Severity.WARNING, null,
                    Set.of("except"), Set.of("all", "force-purge")),
            "run_dependencies", new Spec("dependencies", "dependency", Severity.ERROR, "couldn't find dependency",
                    Set.of("pipeline", "exclude", "only", "set-flag", "except"), Set.of("all", "sequential")),
            "run_dependency_pipelines", new Spec("dependencies", "dependency", Severity.ERROR,
                    "couldn't find dependency", Set.of("pipeline", "exclude", "only", "set-flag", "except"),
                    Set.of("all", "sequential")));

    UnknownReferenceRule() {
        super(META);
    }

    @Override
    void run(LintContext ctx, DevspaceModel model) {
        scripts(ctx, model);
        runtimeVariables(ctx, model);
        hookEvents(ctx, model);
        files(ctx, model);
    }

    // ---- pipeline commands in scripts ----

    private void scripts(LintContext ctx, DevspaceModel model) {
        for (DevspaceModel.SectionRef ref : model.sections("pipelines")) {
            eachValue(ref, v -> script(ctx, model, scriptOf(v, "run")));
        }
        for (DevspaceModel.SectionRef ref : model.sections("commands")) {
            eachValue(ref, v -> script(ctx, model, scriptOf(v, "command")));
        }
        for (DevspaceModel.SectionRef ref : model.sections("functions")) {
            eachValue(ref, v -> script(ctx, model, scalar(v)));
        }
        for (DevspaceModel.SectionRef ref : model.sections("hooks")) {
            YamlSequence hooks = sequence(ref.node());
            if (hooks == null) {
                continue;
            }
            for (YamlNode h : hooks.items()) {
                if (get(h, "container") == null) { // a command run in a container is not a DevSpace script
                    script(ctx, model, scalar(get(h, "command")));
                }
            }
        }
    }

    private interface NodeAction {
        void on(YamlNode n);
    }

    private static void eachValue(DevspaceModel.SectionRef ref, NodeAction action) {
        if (ref.node() instanceof YamlMapping m) {
            for (YamlEntry e : m.entries()) {
                action.on(e.value());
            }
        }
    }

    private static YamlScalar scriptOf(YamlNode v, String key) {
        YamlScalar s = scalar(v);
        return s != null ? s : scalar(get(v, key));
    }

    private void script(LintContext ctx, DevspaceModel model, YamlScalar s) {
        if (s == null) {
            return;
        }
        String text = s.value();
        boolean any = false;
        for (String c : SPECS.keySet()) {
            if (text.contains(c)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return;
        }
        for (ShellScan.Command cmd : ShellScan.commands(text)) {
            Spec spec = SPECS.get(cmd.name());
            if (spec != null && cmd.words().get(0).literal() && !model.isOpen(spec.section())) {
                command(ctx, model, s, cmd, spec);
            }
        }
    }

    private void command(LintContext ctx, DevspaceModel model, YamlScalar s, ShellScan.Command cmd, Spec spec) {
        List<ShellScan.Word> words = cmd.words();
        Deque<ShellScan.Word> names = new ArrayDeque<>();
        boolean positionalOnly = false;
        for (int i = 1; i < words.size(); i++) {
            ShellScan.Word w = words.get(i);
            String t = w.text();
            if (!positionalOnly && w.literal() && t.equals("--")) {
                positionalOnly = true;
                continue;
            }
            if (!positionalOnly && t.startsWith("-") && t.length() > 1) {
                if (!w.literal()) {
                    return; // a computed flag: cannot tell what follows
                }
                String flag = t.startsWith("--") ? t.substring(2) : t.substring(1);
                int eq = flag.indexOf('=');
                boolean inline = eq >= 0;
                if (inline) {
                    flag = flag.substring(0, eq);
                } else if (!t.startsWith("--") && flag.length() > 1 && spec.valueFlags().contains(flag.substring(0,
                        1))) {
                    inline = true; // -tvalue
                    flag = flag.substring(0, 1);
                }
                if (flag.equals("all") || SET_FLAGS.contains(flag)) {
                    return; // --all ignores names; --set/--from can create the entry on the fly
                }
                if (spec.valueFlags().contains(flag)) {
                    if (!inline) {
                        i++;
                    }
                } else if (!spec.boolFlags().contains(flag)) {
                    return; // a flag mx does not know: it may take a value, so stop here
                }
                continue;
            }
            if (w.literal() && !t.isEmpty()) {
                names.add(w);
            }
        }
        for (ShellScan.Word w : names) {
            if (model.knows(spec.section(), w.text())) {
                continue;
            }
            String msg = cmd.name() + ": no " + spec.what() + " named '" + w.text() + "' in this config";
            msg += spec.error() != null ? " (DevSpace fails with: " + spec.error() + " " + w.text() + ")"
                    : "; DevSpace skips unknown names, so this does nothing";
            Range r = ScalarRanges.of(ctx.yaml(), s, w.start(), w.end());
            report(ctx, spec.severity(), r, msg, w.text(), model.names(spec.section()), r.equals(s.range()));
        }
    }

    private static void report(LintContext ctx, Severity severity, Range r, String msg, String name,
            Set<String> candidates, boolean imprecise) {
        String best = closest(name, candidates);
        if (best == null) {
            ctx.report(severity, r, msg);
        } else if (imprecise) {
            ctx.report(severity, r, msg + "; did you mean '" + best + "'?");
        } else {
            ctx.report(severity, r, msg + "; did you mean '" + best + "'?", new Fix("Change to '" + best + "'",
                    List.of(new TextEdit(r, best))));
        }
    }

    // ---- ${runtime.images.x...} and ${runtime.dependencies.x...} ----

    private void runtimeVariables(LintContext ctx, DevspaceModel model) {
        Deque<YamlNode> stack = new ArrayDeque<>();
        stack.push(model.root);
        while (!stack.isEmpty()) {
            YamlNode n = stack.pop();
            if (n instanceof YamlMapping m) {
                for (int i = m.entries().size() - 1; i >= 0; i--) {
                    stack.push(m.entries().get(i).value());
                }
            } else if (n instanceof YamlSequence sq) {
                for (int i = sq.items().size() - 1; i >= 0; i--) {
                    stack.push(sq.items().get(i));
                }
            } else if (n instanceof YamlScalar s && !s.isNull() && s.value().contains("${runtime.")) {
                for (VarRefs.Ref ref : VarRefs.find(s.value())) {
                    runtimeRef(ctx, model, s, ref);
                }
            }
        }
    }

    private void runtimeRef(LintContext ctx, DevspaceModel model, YamlScalar s, VarRefs.Ref ref) {
        String name = ref.name();
        String section;
        String rest;
        if (name.startsWith("runtime.images.")) {
            section = "images";
            rest = name.substring("runtime.images.".length());
        } else if (name.startsWith("runtime.dependencies.")) {
            section = "dependencies";
            rest = name.substring("runtime.dependencies.".length());
        } else {
            return;
        }
        int dot = rest.indexOf('.');
        String target = dot < 0 ? rest : rest.substring(0, dot);
        if (target.isEmpty() || model.knows(section, target)) {
            return;
        }
        int nameStart = ref.start() + (s.value().charAt(ref.start() + 1) == '!' ? 3 : 2)
                + ("images".equals(section) ? "runtime.images.".length() : "runtime.dependencies.".length());
        Range r = ScalarRanges.of(ctx.yaml(), s, nameStart, nameStart + target.length());
        String msg = section.equals("images")
                ? "${" + name + "}: no image named '" + target + "' in this config (DevSpace fails with: couldn't"
                        + " find imageName " + target + ")"
                : "${" + name + "}: no dependency named '" + target + "' in this config (DevSpace fails with:"
                        + " make sure the dependency " + target + " was loaded)";
        report(ctx, Severity.ERROR, r, msg, target, model.names(section), r.equals(s.range()));
    }

    // ---- hooks[].events ----

    private void hookEvents(LintContext ctx, DevspaceModel model) {
        for (DevspaceModel.SectionRef ref : model.sections("hooks")) {
            YamlSequence hooks = sequence(ref.node());
            if (hooks == null) {
                continue;
            }
            for (YamlNode h : hooks.items()) {
                YamlSequence events = sequence(get(h, "events"));
                if (events == null) {
                    continue;
                }
                for (YamlNode ev : events.items()) {
                    YamlScalar s = scalar(ev);
                    if (s != null) {
                        event(ctx, model, s);
                    }
                }
            }
        }
    }

    private void event(LintContext ctx, DevspaceModel model, YamlScalar s) {
        String v = s.value();
        int c1 = v.indexOf(':');
        int c2 = c1 < 0 ? -1 : v.indexOf(':', c1 + 1);
        if (c2 < 0) {
            return;
        }
        String kind = v.substring(c1 + 1, c2);
        String name = v.substring(c2 + 1);
        String section;
        String what;
        switch (kind) {
            case "deploy", "purge", "render" -> {
                section = "deployments";
                what = "deployment";
            }
            case "build" -> {
                section = "images";
                what = "image";
            }
            default -> {
                return;
            }
        }
        if (name.isEmpty() || name.contains("*") || name.contains("$") || model.knows(section, name)) {
            return;
        }
        Range r = ScalarRanges.of(ctx.yaml(), s, c2 + 1, v.length());
        report(ctx, Severity.WARNING, r, "hook event '" + v + "' names no " + what + " '" + name
                + "' in this config, so the hook never runs", name, model.names(section), r.equals(s.range()));
    }

    // ---- local files ----

    private void files(LintContext ctx, DevspaceModel model) {
        for (DevspaceModel.SectionRef ref : model.sections("deployments")) {
            if (!(ref.node() instanceof YamlMapping m)) {
                continue;
            }
            for (YamlEntry e : m.entries()) {
                YamlNode kubectl = get(e.value(), "kubectl");
                String kustomize = DevspaceFiles.text(get(kubectl, "kustomize"));
                boolean isKustomize = kustomize != null && kustomize.trim().equals("true");
                YamlSequence manifests = sequence(get(kubectl, "manifests"));
                if (manifests != null) {
                    for (YamlNode item : manifests.items()) {
                        path(ctx, scalar(item), isKustomize ? "kustomization" : "manifest", Severity.ERROR,
                                "kubectl fails when DevSpace deploys it");
                    }
                }
                YamlSequence values = sequence(get(get(e.value(), "helm"), "valuesFiles"));
                if (values != null) {
                    for (YamlNode item : values.items()) {
                        path(ctx, scalar(item), "values file", Severity.ERROR,
                                "the helm deployment fails when DevSpace deploys it");
                    }
                }
            }
        }
        for (DevspaceModel.SectionRef ref : model.sections("images")) {
            if (!(ref.node() instanceof YamlMapping m)) {
                continue;
            }
            for (YamlEntry e : m.entries()) {
                YamlMapping img = mapping(e.value());
                if (img == null) {
                    continue;
                }
                path(ctx, scalar(img.get("dockerfile")), "Dockerfile", Severity.WARNING,
                        "building the image fails");
                path(ctx, scalar(img.get("context")), "build context", Severity.WARNING,
                        "building the image fails");
            }
        }
    }

    private void path(LintContext ctx, YamlScalar s, String what, Severity severity, String consequence) {
        if (s == null) {
            return;
        }
        String p = s.value().trim();
        if (p.isEmpty() || DevspaceFiles.isDynamic(p) || p.contains("$") || p.contains("://") || p.startsWith("~")
                || p.startsWith("git@") || p.contains("?ref=") || p.startsWith("github.com/")
                || p.startsWith("gitlab.com/") || p.startsWith("bitbucket.org/")) {
            return;
        }
        String check = p;
        int glob = firstGlob(p);
        if (glob >= 0) {
            int slash = p.lastIndexOf('/', glob);
            if (slash <= 0) {
                return; // a glob in the project folder itself: nothing fixed to check
            }
            check = p.substring(0, slash);
            what = what + " folder";
        }
        if (!ctx.project().exists(check)) {
            ctx.report(severity, s.range(), what + " '" + check + "' does not exist (paths are relative to the"
                    + " folder of devspace.yaml); " + consequence);
        }
    }

    private static int firstGlob(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }

    static boolean isMissingFile(String message) {
        return message.contains("' does not exist (paths are relative to the folder of devspace.yaml)");
    }
}
