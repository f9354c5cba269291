package dev.mx.engine.lint.mlproject;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Entry points MLflow can load and run: a mapping each, with a string command; and a `main`. */
final class EntryPointRule implements LintRule {
    static final RuleMeta META = new RuleMeta("mlproject/entry-point", FileKind.MLPROJECT, Severity.ERROR,
            "entry_points must map names to {command, parameters}; every entry point needs a string command.",
            "MLflow's loader calls .get and .items on these values, so an empty file, an empty entry_points: or"
                    + " an entry point written as a plain string crash it with AttributeError; a missing command"
                    + " fails when the entry point runs ('NoneType' object has no attribute 'format'). Without a"
                    + " `main` entry point a bare `mlflow run .` fails with \"Could not find main among entry"
                    + " points [...]\" (reported as info). Also warned: keys MLflow ignores in an entry point,"
                    + " placeholders you quote yourself (MLflow quotes values already) and host paths that exist on"
                    + " one machine only.",
            "entry_points:\n  train: python train.py\n  eval:\n    cmd: python eval.py\n",
            "entry_points:\n  main:\n    command: python train.py\n  eval:\n    command: python eval.py\n");

    private static final Set<String> EP_KEYS = Set.of("command", "parameters");
    private static final Set<String> DOC_KEYS = Set.of("description", "desc", "help", "doc", "docs", "comment",
            "title");
    private static final Pattern QUOTED_PLACEHOLDER = Pattern.compile("(['\"])\\{[^{}]+\\}\\1");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        if (ctx.yaml().hasSyntaxErrors() || !ctx.yaml().problems().isEmpty() && ctx.root() == null) {
            return; // yaml/syntax or yaml/limit says what is wrong
        }
        YamlNode top = Py.deref(ctx.root());
        if (top == null || top instanceof YamlScalar s && Py.scalar(s) == null) {
            ctx.report(Range.of(0, 0, 0, 0), "the MLproject is empty, and MLflow's loader crashes on it: 'NoneType'"
                    + " object has no attribute 'keys'; add entry_points (or delete the file)");
            return;
        }
        if (!(top instanceof YamlMapping root)) {
            ctx.report(Mlp.firstLine(ctx, top), "an MLproject must be a mapping (name, entry_points, ...); MLflow's"
                    + " loader crashes on a " + Py.typeName(top));
            return;
        }
        YamlEntry eps = root.entry("entry_points");
        if (eps == null || Py.deref(eps.value()) instanceof YamlMapping m && m.entries().isEmpty()) {
            noEntryPoints(ctx, root, eps);
            return;
        }
        YamlNode v = Py.deref(eps.value());
        if (!(v instanceof YamlMapping map)) {
            ctx.report(eps.key().range(), "entry_points must be a mapping of name: {command: ...}; MLflow's loader"
                    + " crashes: '" + Py.typeName(v) + "' object has no attribute 'items'");
            return;
        }
        boolean docker = Mlp.hasDockerEnv(root);
        for (YamlEntry e : map.entries()) {
            entryPoint(ctx, e, docker);
        }
        if (map.entry("main") == null) {
            List<String> names = new ArrayList<>();
            YamlEntry caseVariant = null;
            for (YamlEntry e : map.entries()) {
                if (e.keyText() != null) {
                    names.add(e.keyText());
                    if (e.keyText().equalsIgnoreCase("main")) {
                        caseVariant = e;
                    }
                }
            }
            ctx.report(Severity.INFO, eps.key().range(), "there is no 'main' entry point, so a bare `mlflow run .`"
                    + " fails: \"Could not find main among entry points " + Mlp.pyList(names) + " or interpret main"
                    + " as a runnable script\"; run it with -e <name>" + (caseVariant != null ? " (entry point"
                            + " names are case-sensitive: did you mean 'main'?)" : ""),
                    Mlp.fixes(caseVariant == null ? null : Mlp.renameKey(caseVariant, "main")));
        }
    }

    private static void noEntryPoints(LintContext ctx, YamlMapping root, YamlEntry eps) {
        YamlEntry typo = null;
        for (YamlEntry e : root.entries()) {
            String k = e.keyText();
            if (k != null && !k.equals("entry_points") && (Mlp.closest(k, List.of("entry_points"), 3) != null
                    || k.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "").startsWith("entrypoint"))) {
                typo = e;
            }
        }
        if (typo != null) {
            ctx.report(typo.key().range(), "MLflow ignores '" + typo.keyText() + "' (did you mean 'entry_points'?),"
                    + " so this project has no entry points and `mlflow run .` fails: \"Could not find main among"
                    + " entry points []\"", Mlp.renameKey(typo, "entry_points"));
            return;
        }
        ctx.report(Severity.INFO, eps != null ? eps.key().range() : Mlp.anchor(root), "no entry points: a bare"
                + " `mlflow run .` fails with \"Could not find main among entry points []\"; only script entry"
                + " points work (mlflow run . -e train.py)");
    }

    private static void entryPoint(LintContext ctx, YamlEntry e, boolean docker) {
        String name = e.keyText();
        YamlNode body = Py.deref(e.value());
        if (!(body instanceof YamlMapping m)) {
            String command = Py.string(body);
            ctx.report(body == null || body instanceof YamlScalar s && s.isEmpty() ? e.key().range() : body.range(),
                    "entry point '" + name + "' must be a mapping with a command; MLflow's loader crashes: '"
                            + Py.typeName(body) + "' object has no attribute 'get'"
                            + (command != null ? ". Write " + name + ": {command: ...}" : ""),
                    Mlp.fixes(command == null ? null : Mlp.replace("Write {command: ...}", body,
                            "{command: " + Mlp.doubleQuoted(command) + "}")));
            return;
        }
        for (YamlEntry k : m.entries()) {
            String key = k.keyText();
            if (key == null || EP_KEYS.contains(key) || DOC_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String near = nearKey(key);
            if ("command".equals(near) && m.entry("command") == null) {
                continue; // the missing command below offers the rename
            }
            ctx.report(Severity.WARNING, k.key().range(), "MLflow ignores '" + key + "' in an entry point (it reads"
                    + " only command and parameters)" + (near != null ? "; did you mean '" + near + "'?" : ""),
                    Mlp.fixes(near != null && m.entry(near) == null ? Mlp.renameKey(k, near) : null));
        }
        YamlEntry cmdEntry = m.entry("command");
        YamlNode cmd = cmdEntry == null ? null : Py.deref(cmdEntry.value());
        if (cmd == null || cmd instanceof YamlScalar s && Py.scalar(s) == null) {
            YamlEntry misnamed = null;
            for (YamlEntry k : m.entries()) {
                if (k.keyText() != null && "command".equals(nearKey(k.keyText()))) {
                    misnamed = k;
                }
            }
            ctx.report(cmdEntry != null ? cmdEntry.key().range() : e.key().range(), "entry point '" + name + "' has"
                    + " no command: running it fails with AttributeError ('NoneType' object has no attribute"
                    + " 'format')" + (misnamed != null ? "; MLflow ignores '" + misnamed.keyText() + "' (did you"
                            + " mean 'command'?)" : ""),
                    Mlp.fixes(misnamed == null ? null : Mlp.renameKey(misnamed, "command")));
            return;
        }
        String text = Py.string(cmd);
        if (text == null) {
            Fix join = null;
            if (cmd instanceof YamlSequence seq && !seq.items().isEmpty()
                    && seq.items().stream().allMatch(i -> Py.deref(i) instanceof YamlScalar)) {
                List<String> words = new ArrayList<>();
                for (YamlNode i : seq.items()) {
                    words.add(Py.str(Py.scalar((YamlScalar) Py.deref(i))));
                }
                join = Mlp.replace("Join into one command string", cmd, Mlp.doubleQuoted(String.join(" ", words)));
            }
            ctx.report(cmd, "the command of entry point '" + name + "' must be a string; MLflow fails with"
                    + " AttributeError ('" + Py.typeName(cmd) + "' object has no attribute 'format')",
                    Mlp.fixes(join));
            return;
        }
        YamlScalar s = (YamlScalar) cmd;
        Matcher q = QUOTED_PLACEHOLDER.matcher(text);
        if (q.find()) {
            ctx.report(Severity.WARNING, Spans.of(ctx.yaml(), s, q.start(), q.end()), "MLflow shell-quotes parameter"
                    + " values itself; quoting " + q.group() + " again breaks values with spaces or special"
                    + " characters (they arrive split, or with literal quotes): drop the quotes");
        }
        if (!docker) {
            Matcher p = Mlp.MACHINE_PATH.matcher(text);
            if (p.find()) {
                ctx.report(Severity.WARNING, Spans.of(ctx.yaml(), s, p.start(), p.end()), "'" + p.group() + "' is an"
                        + " absolute path on one machine; the command fails anywhere else. Make it a parameter"
                        + " (type path) or a path relative to the project");
            }
        }
    }

    /** "command" or "parameters" when {@code key} looks like a misspelling or alias of one. */
    private static String nearKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (Set.of("cmd", "commands", "script", "run", "entrypoint", "exec").contains(k)
                || Mlp.closest(k, List.of("command"), 2) != null) {
            return "command";
        }
        if (Set.of("params", "param", "parameter", "args", "arguments", "options").contains(k)
                || Mlp.closest(k, List.of("parameters"), 2) != null) {
            return "parameters";
        }
        return null;
    }
}
