package dev.mx.engine.yaml;

import dev.mx.engine.text.Position;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Re-indents a block fragment to a file's style (mapping step, indented or indentless sequences)
 * by moving whole lines, driven by the fragment's parsed structure. The result is only used when
 * it parses back to the same value; otherwise the caller keeps the fragment as written.
 */
final class Reindenter {
    private Reindenter() {
    }

    /**
     * @param step       spaces per mapping level, or null to keep the fragment's own
     * @param indentless whether sequences under a key start at the key's column, or null to keep
     * @param seqOffset  columns from a key to its indented sequence's dashes (when not indentless)
     * @return the re-indented lines, or null when re-indenting is not safe
     */
    static List<String> apply(Fragment f, Integer step, Boolean indentless, int seqOffset) {
        if (f.parsed == null || f.root == null || (f.shape != Fragment.Shape.MAPPING && f.shape != Fragment.Shape.SEQUENCE)
                || (step == null && indentless == null)) {
            return null;
        }
        try {
            return compute(f, step, indentless, seqOffset);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private record Item(YamlNode node, int newCol) {
    }

    private static List<String> compute(Fragment f, Integer step, Boolean indentless, int seqOffset) {
        ParsedYaml p = f.parsed;
        String text = p.text();
        int n = f.lines.size();
        final int unset = Integer.MIN_VALUE;
        int[] shift = new int[n];
        Arrays.fill(shift, unset);
        boolean[] inner = new boolean[n];

        Deque<Item> work = new ArrayDeque<>();
        work.push(new Item(f.root, 0));
        while (!work.isEmpty()) {
            Item it = work.pop();
            YamlNode node = it.node();
            if (node.anchor() != null || node.tag() != null) {
                return null;
            }
            if (node instanceof YamlMapping m) {
                if (m.flow()) {
                    markInner(inner, node);
                    continue;
                }
                int orig = m.entries().get(0).key().range().start().column();
                int delta = it.newCol() - orig;
                for (YamlEntry e : m.entries()) {
                    Position k = e.key().range().start();
                    if (!(e.key() instanceof YamlScalar) || e.key().range().end().line() != k.line()) {
                        return null;
                    }
                    if (firstOnLine(p, k)) {
                        shift[k.line()] = delta;
                    }
                    YamlNode v = e.value();
                    if (v instanceof YamlMapping vm && !vm.flow()) {
                        Position first = vm.entries().get(0).key().range().start();
                        if (first.line() == k.line()) {
                            return null;
                        }
                        int newCol = step != null ? it.newCol() + step : it.newCol() + (first.column() - orig);
                        work.push(new Item(vm, newCol));
                    } else if (v instanceof YamlSequence vs && !vs.flow()) {
                        Position dash = dash(text, p, vs, 0);
                        if (dash.line() == k.line()) {
                            return null;
                        }
                        int newCol = indentless != null ? it.newCol() + (indentless ? 0 : seqOffset)
                                : it.newCol() + (dash.column() - orig);
                        work.push(new Item(vs, newCol));
                    } else {
                        markInner(inner, v);
                    }
                }
            } else if (node instanceof YamlSequence s) {
                if (s.flow()) {
                    markInner(inner, node);
                    continue;
                }
                int orig = dash(text, p, s, 0).column();
                int delta = it.newCol() - orig;
                for (int i = 0; i < s.items().size(); i++) {
                    Position d = dash(text, p, s, i);
                    if (firstOnLine(p, d)) {
                        shift[d.line()] = delta;
                    }
                    YamlNode v = s.items().get(i);
                    if ((v instanceof YamlMapping vm && !vm.flow()) || (v instanceof YamlSequence vs && !vs.flow())) {
                        int col = v instanceof YamlMapping vm2 ? vm2.entries().get(0).key().range().start().column()
                                : dash(text, p, (YamlSequence) v, 0).column();
                        work.push(new Item(v, it.newCol() + (col - orig)));
                    } else {
                        markInner(inner, v);
                    }
                }
            } else {
                return null;
            }
        }

        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String line = f.lines.get(i);
            if (line.isEmpty()) {
                out.add(line);
                continue;
            }
            int s = shift[i];
            if (s == unset) {
                boolean comment = !inner[i] && line.strip().startsWith("#");
                s = comment ? nextShift(shift, i, unset) : unset;
                if (s == unset) {
                    s = previousShift(shift, i, unset);
                }
                if (s == unset) {
                    return null;
                }
            }
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            if (indent + s < 0) {
                return null;
            }
            out.add(" ".repeat(indent + s) + line.substring(indent));
        }
        ParsedYaml check = YamlParser.parse(String.join("\n", out) + "\n");
        if (!check.problems().isEmpty() || check.root() == null || !Objects.equals(check.root().toJava(), f.value)) {
            return null;
        }
        return out;
    }

    private static void markInner(boolean[] inner, YamlNode n) {
        for (int l = n.range().start().line() + 1; l <= n.range().end().line() && l < inner.length; l++) {
            inner[l] = true;
        }
    }

    private static int nextShift(int[] shift, int i, int unset) {
        for (int j = i + 1; j < shift.length; j++) {
            if (shift[j] != unset) {
                return shift[j];
            }
        }
        return unset;
    }

    private static int previousShift(int[] shift, int i, int unset) {
        for (int j = i - 1; j >= 0; j--) {
            if (shift[j] != unset) {
                return shift[j];
            }
        }
        return unset;
    }

    private static boolean firstOnLine(ParsedYaml p, Position at) {
        return p.lines().line(at.line()).substring(0, at.column()).isBlank();
    }

    /** The '-' of item {@code i}: the first indicator after the previous item (or the sequence start). */
    private static Position dash(String text, ParsedYaml p, YamlSequence s, int i) {
        int o = p.lines().offset(i == 0 ? s.range().start() : s.items().get(i - 1).range().end());
        while (o < text.length()) {
            char c = text.charAt(o);
            if (c == '-') {
                return p.lines().position(o);
            }
            if (c == '#') {
                while (o < text.length() && text.charAt(o) != '\n') {
                    o++;
                }
            } else if (Character.isWhitespace(c)) {
                o++;
            } else {
                break;
            }
        }
        throw new IllegalStateException("no dash");
    }
}
