package dev.mx.engine.service.symbols;

import dev.mx.engine.lint.devspace.DevspaceFiles;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.ScalarStyle;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;

/** Where a position is in a YAML tree, as key/index steps from the root, and small tree helpers. */
final class Nav {
    private Nav() {
    }

    /**
     * The nodes from the root to the innermost node at a position, and the steps leading there:
     * a String for a mapping key, an Integer for a sequence index.
     *
     * @param onKey true when the innermost node is a mapping key (its text is the last step)
     */
    record At(List<YamlNode> nodes, List<Object> steps, boolean onKey) {
        YamlNode leaf() {
            return nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
        }

        /** The leaf when it is a non-null scalar, else null. */
        YamlScalar scalar() {
            return leaf() instanceof YamlScalar s && !s.isNull() ? s : null;
        }

        /** The steps with a leading {@code profiles[i].merge|replace} removed, so profile sections match like top-level ones. */
        List<Object> sectionSteps() {
            return withoutProfile(steps);
        }
    }

    static At at(ParsedYaml yaml, Position p) {
        List<YamlNode> nodes = yaml.nodePathAt(p);
        List<Object> steps = new ArrayList<>();
        boolean onKey = false;
        for (int i = 1; i < nodes.size(); i++) {
            YamlNode parent = nodes.get(i - 1);
            YamlNode child = nodes.get(i);
            if (parent instanceof YamlMapping m) {
                for (YamlEntry e : m.entries()) {
                    if (e.key() == child || e.value() == child) {
                        steps.add(e.keyText() == null ? "" : e.keyText());
                        onKey = e.key() == child;
                        break;
                    }
                }
            } else if (parent instanceof YamlSequence s) {
                steps.add(indexOf(s.items(), child));
            }
        }
        return new At(nodes, steps, onKey);
    }

    private static int indexOf(List<YamlNode> items, YamlNode n) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == n) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True when {@code steps} has the shape of {@code pattern}: a String is that key, {@code "*"}
     * any key, {@code "#"} any index, and a String with {@code |} one of several keys.
     */
    static boolean matches(List<Object> steps, Object... pattern) {
        if (steps.size() != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            Object want = pattern[i];
            Object got = steps.get(i);
            if ("#".equals(want)) {
                if (!(got instanceof Integer)) {
                    return false;
                }
            } else if ("*".equals(want)) {
                if (!(got instanceof String)) {
                    return false;
                }
            } else if (!(got instanceof String g) || !List.of(((String) want).split("\\|")).contains(g)) {
                return false;
            }
        }
        return true;
    }

    static List<Object> withoutProfile(List<Object> steps) {
        if (steps.size() >= 3 && "profiles".equals(steps.get(0)) && steps.get(1) instanceof Integer
                && ("merge".equals(steps.get(2)) || "replace".equals(steps.get(2)))) {
            return steps.subList(3, steps.size());
        }
        return steps;
    }

    /**
     * The mappings holding a devspace.yaml section: the top level's first, then each profile's
     * {@code merge} and {@code replace}.
     */
    static List<YamlMapping> sections(YamlMapping root, String section) {
        List<YamlMapping> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        YamlMapping top = DevspaceFiles.mapping(root.get(section));
        if (top != null) {
            out.add(top);
        }
        YamlSequence profiles = DevspaceFiles.sequence(root.get("profiles"));
        if (profiles != null) {
            for (YamlNode p : profiles.items()) {
                for (String kind : List.of("merge", "replace")) {
                    YamlMapping m = DevspaceFiles.mapping(DevspaceFiles.get(DevspaceFiles.get(p, kind), section));
                    if (m != null) {
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }

    /** From the start of an entry's key to the end of its value. */
    static Range entryRange(YamlEntry e) {
        Range k = e.key().range();
        Range v = e.value().range();
        return new Range(k.start(), v.end().compareTo(k.end()) > 0 ? v.end() : k.end());
    }

    /** A one-line quoted scalar's range without its quotes; any other scalar's whole range. */
    static Range inner(YamlScalar s) {
        Range r = s.range();
        boolean quoted = s.style() == ScalarStyle.SINGLE_QUOTED || s.style() == ScalarStyle.DOUBLE_QUOTED;
        if (quoted && r.start().line() == r.end().line() && r.end().column() - r.start().column() >= 2) {
            return Range.of(r.start().line(), r.start().column() + 1, r.end().line(), r.end().column() - 1);
        }
        return r;
    }

    /** The first non-blank line of a text, stripped and cut to {@code max} characters. */
    static String firstLine(String s, int max) {
        if (s == null) {
            return null;
        }
        for (String line : s.split("\\R")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return t.length() <= max ? t : t.substring(0, max - 1) + "\u2026";
            }
        }
        return null;
    }
}
