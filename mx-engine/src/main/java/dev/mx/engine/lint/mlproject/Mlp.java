package dev.mx.engine.lint.mlproject;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.text.Similarity;
import dev.mx.engine.text.TextEdit;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlEditor;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The parts of an MLproject that MLflow reads, and helpers shared by its rules. */
final class Mlp {
    /** The environment keys, in the order MLflow's loader tries them. */
    static final List<String> ENV_KEYS = List.of("docker_env", "python_env", "conda_env");
    static final String K8S_CONFIG = "kubernetes_config.json";
    /** Characters {@code shlex.quote} leaves alone. */
    static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /**
     * An absolute path that exists only on the machine it was written on: a home directory, a
     * mount point, a macOS volume or a Windows drive.
     */
    static final Pattern MACHINE_PATH = Pattern.compile(
            "(?<![\\w./-])(?:/(?:Users|home|mnt|media|Volumes)/[^/\\s'\":]+|/root(?=/)|[A-Za-z]:[\\\\/])[^\\s'\"]*");

    private Mlp() {
    }

    /**
     * The top-level mapping, or null when the file is empty, not a mapping, or has syntax errors
     * (yaml/syntax reports those; a partial tree would only add follow-on findings).
     */
    static YamlMapping root(LintContext ctx) {
        return ctx.yaml().hasSyntaxErrors() ? null : mapping(ctx.root());
    }

    static YamlMapping mapping(YamlNode n) {
        return Py.deref(n) instanceof YamlMapping m ? m : null;
    }

    static YamlSequence sequence(YamlNode n) {
        return Py.deref(n) instanceof YamlSequence s ? s : null;
    }

    /** One entry point MLflow can load (its value is a mapping). */
    record EntryPoint(String name, YamlEntry entry, YamlMapping body) {
        /** The command node (aliases followed), or null. */
        YamlNode command() {
            return Py.deref(body.get("command"));
        }

        /** The command when it is a string, else null. */
        String commandText() {
            return Py.string(body.get("command"));
        }

        /** The parameters mapping, or null when absent or not a mapping. */
        YamlMapping parameters() {
            return mapping(body.get("parameters"));
        }

        Set<String> parameterNames() {
            YamlMapping p = parameters();
            Set<String> out = new LinkedHashSet<>();
            if (p != null) {
                for (YamlEntry e : p.entries()) {
                    if (e.keyText() != null) {
                        out.add(e.keyText());
                    }
                }
            }
            return out;
        }
    }

    /** The loadable entry points, in file order. */
    static List<EntryPoint> entryPoints(YamlMapping root) {
        List<EntryPoint> out = new ArrayList<>();
        YamlMapping eps = root == null ? null : mapping(root.get("entry_points"));
        if (eps != null) {
            for (YamlEntry e : eps.entries()) {
                YamlMapping body = mapping(e.value());
                if (body != null && e.keyText() != null) {
                    out.add(new EntryPoint(e.keyText(), e, body));
                }
            }
        }
        return out;
    }

    static boolean hasDockerEnv(YamlMapping root) {
        return root != null && Py.truthy(root.get("docker_env"));
    }

    /** Where findings about the whole project go: the {@code name} key, else the first key, else the start. */
    static Range anchor(YamlMapping root) {
        if (root != null) {
            YamlEntry name = root.entry("name");
            if (name != null) {
                return name.key().range();
            }
            if (!root.entries().isEmpty()) {
                return root.entries().get(0).key().range();
            }
        }
        return Range.of(0, 0, 0, 0);
    }

    /** The candidate nearest to {@code s} within {@code maxDistance} edits (case-insensitive), or null. */
    static String closest(String s, Collection<String> candidates, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equals(s)) {
                continue;
            }
            int d = Similarity.editDistance(s, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= maxDistance ? best : null;
    }

    /** A suggestion budget that grows with the word: 1 edit for short words, up to a third of it. */
    static int budget(String s) {
        return Math.max(1, Math.min(3, s.length() / 3));
    }

    /** Python's repr of a list of strings: {@code ['a', 'b']}. */
    static String pyList(Collection<String> items) {
        return items.stream().map(Mlp::pyRepr).collect(Collectors.joining(", ", "[", "]"));
    }

    static String pyRepr(String s) {
        return s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replace("'", "\\'") + "'";
    }

    /** A fix that replaces a key's text. */
    static Fix renameKey(YamlEntry e, String newKey) {
        return new Fix("Rename '" + e.keyText() + "' to '" + newKey + "'",
                List.of(new TextEdit(e.key().range(), newKey)));
    }

    /** A fix that replaces a node's text. */
    static Fix replace(String title, YamlNode n, String text) {
        return new Fix(title, List.of(new TextEdit(n.range(), needsSpace(n) ? " " + text : text)));
    }

    /** An empty value sits right after the colon; a replacement then needs a space. */
    private static boolean needsSpace(YamlNode n) {
        return n instanceof YamlScalar s && s.isEmpty();
    }

    /** A fix built by {@link YamlEditor#remove}, or null when the editor cannot do it safely. */
    static Fix remove(String title, ParsedYaml yaml, List<?> path) {
        try {
            List<TextEdit> edits = YamlEditor.remove(yaml, path);
            return edits.isEmpty() ? null : new Fix(title, edits);
        } catch (RuntimeException e) { // YamlEditException too
            return null;
        }
    }

    static Fix[] fixes(Fix... maybe) {
        return Arrays.stream(maybe).filter(Objects::nonNull).toArray(Fix[]::new);
    }

    /** A scalar for a flow collection: plain when that is safe there, else double-quoted. */
    static String flowScalar(String s) {
        String q = YamlEditor.quoteIfNeeded(s);
        if (q.equals(s) && s.chars().anyMatch(c -> ",[]{}:#".indexOf(c) >= 0)) {
            return doubleQuoted(s);
        }
        return q;
    }

    static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** The range of the first line of a node (for long block values). */
    static Range firstLine(LintContext ctx, YamlNode n) {
        Range r = n.range();
        if (r.start().line() == r.end().line()) {
            return r;
        }
        int line = r.start().line();
        return new Range(r.start(), new Position(line, Math.max(r.start().column(),
                ctx.lines().line(line).length())));
    }
}
