package dev.mx.engine.lint.devspace;

import static dev.mx.engine.lint.devspace.DevspaceFiles.deref;
import static dev.mx.engine.lint.devspace.DevspaceFiles.scalar;

import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code devspace/var}: variable definitions DevSpace can resolve. */
final class VarRule extends V2Rule {
    static final RuleMeta META = new RuleMeta("devspace/var", FileKind.DEVSPACE, Severity.ERROR,
            "Variable definitions must be resolvable: not both value and default, a default for source none, a"
                    + " command for source command, and no variables defined in terms of each other in a cycle.",
            "DevSpace resolves vars when it starts and stops with `.default cannot be used with .value together for"
                    + " variable ${X}`, with an error for `source: none` without a default or `source: command`"
                    + " without a command, and with `Cyclic variable found` when variables refer to each other in"
                    + " a loop (DevSpace 6 orders vars by their references, so the order in the file does not"
                    + " matter). A variable defined but used nowhere in the file is reported as a note: DevSpace"
                    + " still resolves it at startup (asking the question, reading the environment or running its"
                    + " command).",
            "vars:\n  IMAGE:\n    value: registry/app\n    default: registry/other\n  TAG:\n    source: none\n",
            "vars:\n  IMAGE: registry/app\n  TAG:\n    source: none\n    default: dev\n");

    VarRule() {
        super(META);
    }

    @Override
    void run(LintContext ctx, DevspaceModel model) {
        YamlMapping vars = DevspaceFiles.mapping(model.top("vars"));
        if (vars == null) {
            return;
        }
        Map<String, YamlEntry> defined = new LinkedHashMap<>();
        for (YamlEntry e : vars.entries()) {
            if (e.keyText() != null) {
                defined.putIfAbsent(e.keyText(), e);
            }
        }
        Map<String, List<Use>> uses = new LinkedHashMap<>();
        for (YamlEntry e : defined.values()) {
            String name = e.keyText();
            YamlNode v = deref(e.value());
            List<Use> refs = new ArrayList<>();
            uses.put(name, refs);
            if (v instanceof YamlMapping m) {
                definition(ctx, name, m);
                for (String field : List.of("value", "default", "command", "args", "commands")) {
                    collect(m.get(field), defined.keySet(), refs);
                }
            } else {
                collect(v, defined.keySet(), refs);
            }
        }
        cycles(ctx, uses);
        unused(ctx, model, vars);
    }

    private static void definition(LintContext ctx, String name, YamlMapping m) {
        YamlEntry value = m.entry("value");
        YamlEntry def = m.entry("default");
        if (value != null && def != null) {
            ctx.reportKey(def, ".default cannot be used with .value together for variable ${" + name + "}: keep one"
                    + " (value fixes the variable, default is what DevSpace offers when it asks)");
        }
        YamlScalar source = scalar(m.get("source"));
        if (source == null) {
            return;
        }
        String src = source.value().trim();
        if (src.equals("none") && def == null && value == null) {
            ctx.report(source, "variable " + name + " has source none but no default: DevSpace has nothing to fill"
                    + " it with");
        } else if (src.equals("command") && m.get("command") == null && m.get("commands") == null) {
            ctx.report(source, "variable " + name + " has source command but neither command nor commands:"
                    + " DevSpace has nothing to run");
        }
    }

    /** A reference to another defined variable inside a definition. */
    private record Use(String name, YamlScalar at, int start, int end) {
    }

    private static void collect(YamlNode n, Set<String> defined, List<Use> out) {
        Deque<YamlNode> stack = new ArrayDeque<>();
        if (n != null) {
            stack.push(n);
        }
        int budget = 10_000;
        while (!stack.isEmpty() && budget-- > 0) {
            YamlNode x = stack.pop();
            if (x instanceof YamlMapping m) {
                for (YamlEntry e : m.entries()) {
                    stack.push(e.value());
                }
            } else if (x instanceof YamlSequence s) {
                for (YamlNode item : s.items()) {
                    stack.push(item);
                }
            } else if (x instanceof YamlScalar s && !s.isNull()) {
                for (VarRefs.Ref r : VarRefs.find(s.value())) {
                    if (defined.contains(r.name())) {
                        out.add(new Use(r.name(), s, r.start(), r.end()));
                    }
                }
            }
        }
    }

    private static void cycles(LintContext ctx, Map<String, List<Use>> uses) {
        for (Map.Entry<String, List<Use>> e : uses.entrySet()) {
            String from = e.getKey();
            for (Use u : e.getValue()) {
                List<String> path = pathBack(u.name(), from, uses);
                if (path == null) {
                    continue;
                }
                String cycle = from + " -> " + String.join(" -> ", path);
                ctx.report(ScalarRanges.of(ctx.yaml(), u.at(), u.start(), u.end()), from.equals(u.name())
                        ? "variable " + from + " is defined in terms of itself: DevSpace fails with 'Cyclic variable"
                                + " found'"
                        : "variables " + cycle + " refer to each other in a cycle: DevSpace fails with 'Cyclic"
                                + " variable found'");
            }
        }
    }

    /** The chain of references from {@code start} back to {@code target}, or null when there is none. */
    private static List<String> pathBack(String start, String target, Map<String, List<Use>> uses) {
        Map<String, String> parent = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        parent.put(start, null);
        while (!queue.isEmpty()) {
            String cur = queue.poll();
            if (cur.equals(target)) {
                List<String> path = new ArrayList<>();
                for (String x = cur; x != null; x = parent.get(x)) {
                    path.add(0, x);
                }
                return path;
            }
            for (Use u : uses.getOrDefault(cur, List.of())) {
                if (!parent.containsKey(u.name())) {
                    parent.put(u.name(), cur);
                    queue.add(u.name());
                }
            }
        }
        return null;
    }

    private static void unused(LintContext ctx, DevspaceModel model, YamlMapping vars) {
        if (model.anyOpen() || model.top("dependencies") != null || model.top("imports") != null) {
            return; // imported files, merged profile files and dependencies may use the variables
        }
        for (String scripts : List.of("pipelines", "commands", "functions", "hooks")) {
            if (model.top(scripts) != null) {
                return; // DevSpace hands variables to the programs these run, which may read them
            }
        }
        YamlMapping images = DevspaceFiles.mapping(model.top("images"));
        if (images != null) {
            for (YamlEntry e : images.entries()) {
                if (DevspaceFiles.get(e.value(), "custom") != null) {
                    return; // a custom build command may read them too
                }
            }
        }
        String text = ctx.text();
        Set<Integer> definitions = new HashSet<>();
        for (YamlEntry e : vars.entries()) {
            definitions.add(ctx.lines().offset(e.key().range().start()));
        }
        Set<String> candidates = new HashSet<>();
        for (YamlEntry e : vars.entries()) {
            if (e.keyText() != null && isWordOnly(e.keyText())) {
                candidates.add(e.keyText());
            }
        }
        Set<String> wordsUsed = wordsOutside(text, definitions, candidates);
        for (YamlEntry e : vars.entries()) {
            String name = e.keyText();
            if (name == null || name.isEmpty() || name.startsWith("DEVSPACE_") || !(e.key() instanceof YamlScalar)) {
                continue;
            }
            boolean used = isWordOnly(name) ? wordsUsed.contains(name) : usedElsewhere(text, name, definitions);
            if (!used) {
                ctx.report(Severity.INFO, e.key().range(), "variable " + name + " is defined but never used in this"
                        + " file; DevSpace still resolves it when it starts");
            }
        }
    }

    /**
     * The {@code candidates} that occur in {@code text} as a whole word (a maximal run of letters, digits and
     * '_') that does not start at a definition. One pass over the text, so many variables stay linear:
     * searching the text once per variable took minutes on a 250,000-line vars section.
     */
    private static Set<String> wordsOutside(String text, Set<Integer> definitions, Set<String> candidates) {
        Set<String> out = new HashSet<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isWord(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isWord(text.charAt(i))) {
                i++;
            }
            if (!definitions.contains(start) && !(start > 0 && definitions.contains(start - 1))) {
                String word = text.substring(start, i);
                if (candidates.contains(word)) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    private static boolean isWordOnly(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!isWord(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** For names with other characters than word characters: a bounded occurrence outside the definitions. */
    private static boolean usedElsewhere(String text, String name, Set<Integer> definitions) {
        int i = text.indexOf(name);
        while (i >= 0) {
            int end = i + name.length();
            boolean before = i == 0 || !isWord(text.charAt(i - 1));
            boolean after = end >= text.length() || !isWord(text.charAt(end));
            if (before && after && !definitions.contains(i) && !(i > 0 && definitions.contains(i - 1))) {
                return true;
            }
            i = text.indexOf(name, i + 1);
        }
        return false;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
