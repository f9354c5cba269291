package dev.mx.engine.lint.devspace;

import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code devspace/runtime-var}: {@code ${runtime.*}} only where DevSpace resolves it while running. */
final class RuntimeVarRule extends V2Rule {
    static final RuleMeta META = new RuleMeta("devspace/runtime-var", FileKind.DEVSPACE, Severity.ERROR,
            "Runtime variables (${runtime.images.x.image}, ${runtime.dependencies.x...}, ${runtime.hooks.x...})"
                    + " may only be used where DevSpace resolves them while a pipeline runs.",
            "DevSpace fills most of the config when it starts, before any image is built, and fails with `cannot"
                    + " resolve runtime.images.api.image in this config area as this config region is loaded on"
                    + " startup` when a runtime variable appears there (vars, name, require, images.*.image,"
                    + " deployment namespaces, chart names, valuesFiles, dev sync or ports, ...). Runtime"
                    + " variables work in pipelines, commands, functions and imports, in hooks' command, args and"
                    + " container.imageSelector, in deployments' helm.values and kubectl.inlineManifest, in dev"
                    + " imageSelector and devImage, and in images' custom build commands.",
            "vars:\n  API_IMAGE: ${runtime.images.api.image}\n",
            "deployments:\n  api:\n    helm:\n      values:\n        image: ${runtime.images.api.image}\n");

    private static final Set<String> DEV_IMAGE_FIELDS = Set.of("imageSelector", "devImage", "replaceImage");

    RuntimeVarRule() {
        super(META);
    }

    @Override
    void run(LintContext ctx, DevspaceModel model) {
        walk(ctx, model.root, new ArrayList<>());
    }

    private void walk(LintContext ctx, YamlNode n, List<String> path) {
        if (n instanceof YamlMapping m) {
            for (YamlEntry e : m.entries()) {
                String k = e.keyText();
                path.add(k == null ? "?" : k);
                if (path.size() > 64) {
                    path.remove(path.size() - 1);
                    return;
                }
                walk(ctx, e.value(), path);
                path.remove(path.size() - 1);
            }
        } else if (n instanceof YamlSequence s) {
            path.add("*");
            if (path.size() <= 64) {
                for (YamlNode item : s.items()) {
                    walk(ctx, item, path);
                }
            }
            path.remove(path.size() - 1);
        } else if (n instanceof YamlScalar s && !s.isNull() && s.value().contains("runtime.")) {
            List<VarRefs.Ref> refs = null;
            for (VarRefs.Ref ref : VarRefs.find(s.value())) {
                if (ref.name().startsWith("runtime.")) {
                    if (refs == null) {
                        if (allowed(path, 0)) {
                            return;
                        }
                        refs = new ArrayList<>();
                    }
                    refs.add(ref);
                }
            }
            if (refs != null) {
                String area = String.join(".", path).replace(".*", "[*]");
                for (VarRefs.Ref ref : refs) {
                    ctx.report(ScalarRanges.of(ctx.yaml(), s, ref.start(), ref.end()), "cannot resolve "
                            + ref.name() + " in this config area (" + area + "): it is loaded when DevSpace starts,"
                            + " before anything is built; runtime variables work in pipelines, commands, functions,"
                            + " hooks (command, args, container.imageSelector), deployments (helm.values,"
                            + " kubectl.inlineManifest), dev (imageSelector, devImage) and images (custom build"
                            + " command)");
                }
            }
        }
    }

    /** Whether DevSpace leaves {@code ${runtime.*}} at {@code path[from..]} for the run (runtime.Locations). */
    static boolean allowed(List<String> path, int from) {
        int n = path.size() - from;
        if (n < 1) {
            return false;
        }
        String top = path.get(from);
        switch (top) {
            case "pipelines", "commands", "functions", "imports" -> {
                return true;
            }
            case "images" -> {
                return n >= 3 && path.get(from + 2).equals("custom");
            }
            case "deployments" -> {
                if (n >= 3 && path.get(from + 2).equals("tanka")) {
                    return true;
                }
                return n >= 4 && ((path.get(from + 2).equals("helm") && path.get(from + 3).equals("values"))
                        || (path.get(from + 2).equals("kubectl") && path.get(from + 3).equals("inlineManifest")));
            }
            case "hooks" -> {
                if (n < 3) {
                    return false;
                }
                String f = path.get(from + 2);
                return f.equals("command") || f.equals("args")
                        || (f.equals("container") && n >= 4 && path.get(from + 3).equals("imageSelector"));
            }
            case "dev" -> {
                if (n == 3) {
                    return DEV_IMAGE_FIELDS.contains(path.get(from + 2));
                }
                return n == 5 && path.get(from + 2).equals("containers")
                        && (path.get(from + 4).equals("devImage") || path.get(from + 4).equals("replaceImage"));
            }
            case "profiles" -> {
                if (n < 3) {
                    return false;
                }
                String f = path.get(from + 2);
                if (f.equals("patches")) {
                    return true; // where a patch value lands is only known once it is applied
                }
                return (f.equals("merge") || f.equals("replace")) && allowed(path, from + 3);
            }
            default -> {
                return false;
            }
        }
    }
}
