package dev.mx.engine.lint.devspace;

import static dev.mx.engine.lint.devspace.DevspaceFiles.deref;
import static dev.mx.engine.lint.devspace.DevspaceFiles.mapping;
import static dev.mx.engine.lint.devspace.DevspaceFiles.text;

import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.List;

/** {@code devspace/hook}: what DevSpace's validation requires of each hook. */
final class HookRule extends V2Rule {
    static final RuleMeta META = new RuleMeta("devspace/hook", FileKind.DEVSPACE, Severity.ERROR,
            "Hooks need events; upload, download, logs and wait hooks need a container with a selector; wait needs"
                    + " running or terminatedWithCode; containerName needs a labelSelector.",
            "DevSpace validates hooks when it loads the config and refuses the file: `hooks[0].events is"
                    + " required`, `hooks[0].container is required if hooks[0].upload is used`, `hooks[0].wait.running"
                    + " or hooks[0].wait.terminatedWithCode is required if hooks[0].wait is used`,"
                    + " `hooks[0].container.containerName is defined but hooks[0].container.labelSelector is not"
                    + " defined`, `hooks[0].container.labelSelector and hooks[0].container.imageSelector are not"
                    + " defined`.",
            "hooks:\n  - wait: {running: true}\n    events: [\"after:deploy:api\"]\n",
            "hooks:\n  - wait: {running: true}\n    container:\n      labelSelector: {app: api}\n"
                    + "    events: [\"after:deploy:api\"]\n");

    private static final List<String> CONTAINER_ACTIONS = List.of("upload", "download", "logs", "wait");

    HookRule() {
        super(META);
    }

    @Override
    void run(LintContext ctx, DevspaceModel model) {
        for (DevspaceModel.SectionRef ref : model.sections("hooks")) {
            if (!(ref.node() instanceof YamlSequence hooks)) {
                continue;
            }
            for (int i = 0; i < hooks.items().size(); i++) {
                YamlMapping h = mapping(hooks.items().get(i));
                if (h != null && !h.entries().isEmpty()) {
                    hook(ctx, h, "hooks[" + i + "]");
                }
            }
        }
    }

    private static void hook(LintContext ctx, YamlMapping h, String at) {
        YamlEntry events = h.entry("events");
        YamlNode ev = events == null ? null : deref(events.value());
        if (events == null) {
            ctx.reportKey(h.entries().get(0), at + ".events is required: without events the hook never runs and"
                    + " DevSpace refuses the config");
        } else if ((ev instanceof YamlSequence s && s.items().isEmpty())
                || (ev instanceof YamlScalar sc && sc.isNull())) {
            ctx.reportKey(events, at + ".events is required: list at least one event such as"
                    + " 'after:deploy:<deployment>'");
        }
        YamlEntry container = h.entry("container");
        for (String action : CONTAINER_ACTIONS) {
            YamlEntry a = h.entry(action);
            if (a == null || isNull(a.value())) {
                continue;
            }
            if (container == null || isNull(container.value())) {
                ctx.reportKey(a, at + ".container is required if " + at + "." + action + " is used: DevSpace needs"
                        + " to know which container to " + verb(action));
            }
            if (action.equals("wait")) {
                YamlMapping w = mapping(a.value());
                String running = text(DevspaceFiles.get(w, "running"));
                YamlNode code = DevspaceFiles.get(w, "terminatedWithCode");
                boolean hasRunning = running != null && (running.trim().equals("true") || running.contains("$"));
                if (!hasRunning && (code == null || isNull(code))) {
                    ctx.reportKey(a, at + ".wait.running or " + at + ".wait.terminatedWithCode is required if " + at
                            + ".wait is used");
                }
            }
        }
        YamlMapping c = container == null ? null : mapping(container.value());
        if (c != null) {
            YamlEntry name = c.entry("containerName");
            YamlNode labels = c.get("labelSelector");
            boolean hasLabels = labels != null && !isEmpty(labels);
            if (name != null && !isNull(name.value()) && !hasLabels) {
                ctx.reportKey(name, at + ".container.containerName is defined but " + at + ".container.labelSelector"
                        + " is not defined: containerName picks a container of the pods the labelSelector finds");
            }
            YamlNode image = c.get("imageSelector");
            if (!hasLabels && (image == null || isNull(image) || (text(image) != null && text(image).isBlank()))) {
                ctx.reportKey(container, at + ".container.labelSelector and " + at + ".container.imageSelector are"
                        + " not defined: DevSpace cannot find the container");
            }
        }
    }

    private static String verb(String action) {
        return switch (action) {
            case "upload" -> "upload to";
            case "download" -> "download from";
            case "logs" -> "read logs from";
            default -> "wait for";
        };
    }

    private static boolean isNull(YamlNode n) {
        YamlNode d = deref(n);
        return d == null || (d instanceof YamlScalar s && s.isNull());
    }

    private static boolean isEmpty(YamlNode n) {
        YamlNode d = deref(n);
        if (d instanceof YamlMapping m) {
            return m.entries().isEmpty();
        }
        return isNull(d);
    }
}
