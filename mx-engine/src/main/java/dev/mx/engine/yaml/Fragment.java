package dev.mx.engine.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A YAML value written at indent 0, to be placed into a document by {@link YamlEditor}. */
final class Fragment {
    enum Shape {
        /** nothing: {@code key:} */
        EMPTY,
        /** a scalar, flow collection or alias: goes on the key's line */
        INLINE,
        /** a block mapping: goes on the following lines */
        MAPPING,
        /** a block sequence: goes on the following lines */
        SEQUENCE
    }

    private static final Pattern DOCUMENT_MARKER = Pattern.compile("(---|\\.\\.\\.)(\\s+#.*)?\\s*");

    final List<String> lines;
    final Shape shape;
    final Object value;
    final YamlNode root;
    /** the fragment as parsed (its lines are {@link #lines}); null for editor-built fragments */
    final ParsedYaml parsed;
    /** a block scalar with an explicit indentation indicator ({@code |2}) */
    final boolean indentIndicator;

    private Fragment(List<String> lines, Shape shape, Object value, YamlNode root, ParsedYaml parsed,
            boolean indentIndicator) {
        this.lines = List.copyOf(lines);
        this.shape = shape;
        this.value = value;
        this.root = root;
        this.parsed = parsed;
        this.indentIndicator = indentIndicator;
    }

    static Fragment parse(String text, String pathForErrors) {
        List<String> ls = new ArrayList<>(List.of((text == null ? "" : text).split("\r\n|\r|\n", -1)));
        for (int i = 0; i < ls.size(); i++) {
            if (ls.get(i).isBlank()) {
                ls.set(i, "");
            }
        }
        // a pasted value may carry document markers; they cannot go inside another document
        ls.removeIf(l -> DOCUMENT_MARKER.matcher(l).matches());
        while (!ls.isEmpty() && ls.get(ls.size() - 1).isEmpty()) {
            ls.remove(ls.size() - 1);
        }
        while (!ls.isEmpty() && ls.get(0).isEmpty()) {
            ls.remove(0);
        }
        int min = Integer.MAX_VALUE;
        for (String l : ls) {
            if (!l.isEmpty()) {
                int n = 0;
                while (n < l.length() && l.charAt(n) == ' ') {
                    n++;
                }
                min = Math.min(min, n);
            }
        }
        if (min > 0 && min != Integer.MAX_VALUE) {
            for (int i = 0; i < ls.size(); i++) {
                String l = ls.get(i);
                ls.set(i, l.isEmpty() ? l : l.substring(min));
            }
        }
        ParsedYaml parsed = YamlParser.parse(String.join("\n", ls) + "\n");
        if (parsed.problems().isEmpty() && stripTrailingSpaces(ls, parsed)) {
            parsed = YamlParser.parse(String.join("\n", ls) + "\n");
        }
        if (!parsed.problems().isEmpty()) {
            YamlProblem p = parsed.problems().get(0);
            throw new YamlEditException("the value for '" + pathForErrors + "' is not valid YAML (line "
                    + (p.range().start().line() + 1) + ": " + p.message() + ")");
        }
        if (parsed.documents().size() > 1) {
            throw new YamlEditException("the value for '" + pathForErrors + "' has more than one YAML document");
        }
        YamlNode root = parsed.root();
        Object value;
        try {
            value = root == null ? null : root.toJava();
        } catch (YamlLimitException e) {
            throw new YamlEditException("the value for '" + pathForErrors + "' is too large: " + e.getMessage());
        }
        Shape shape;
        if (root == null) {
            shape = Shape.EMPTY;
            ls.clear();
        } else if (root instanceof YamlMapping m && !m.flow()) {
            shape = Shape.MAPPING;
        } else if (root instanceof YamlSequence s && !s.flow()) {
            shape = Shape.SEQUENCE;
        } else {
            shape = Shape.INLINE;
        }
        boolean indicator = false;
        if (root instanceof YamlScalar s && (s.style() == ScalarStyle.LITERAL || s.style() == ScalarStyle.FOLDED)) {
            String header = parsed.lines().line(s.range().start().line()).substring(s.range().start().column());
            int hash = header.indexOf(" #");
            if (hash >= 0) {
                header = header.substring(0, hash);
            }
            indicator = header.chars().anyMatch(Character::isDigit);
        }
        return new Fragment(ls, shape, value, root, parsed, indicator);
    }

    /**
     * Removes trailing spaces and tabs, which belong to no value, except on the content lines of
     * block scalars. Returns whether a line changed.
     */
    private static boolean stripTrailingSpaces(List<String> ls, ParsedYaml parsed) {
        boolean[] keep = new boolean[ls.size()];
        java.util.Deque<YamlNode> todo = new java.util.ArrayDeque<>();
        parsed.documents().forEach(d -> {
            if (d.root() != null) {
                todo.push(d.root());
            }
        });
        while (!todo.isEmpty()) {
            YamlNode n = todo.pop();
            if (n instanceof YamlMapping m) {
                m.entries().forEach(e -> {
                    todo.push(e.key());
                    todo.push(e.value());
                });
            } else if (n instanceof YamlSequence q) {
                q.items().forEach(todo::push);
            } else if (n instanceof YamlScalar sc && (sc.style() == ScalarStyle.LITERAL || sc.style() == ScalarStyle.FOLDED)) {
                int last = Math.min(ls.size() - 1, parsed.lines().lineCount() - 1);
                // content lines, and the blank lines after them that the scalar may keep
                for (int l = sc.range().start().line() + 1; l <= last; l++) {
                    if (l > sc.range().end().line() && !ls.get(l).isBlank()) {
                        break;
                    }
                    keep[l] = true;
                }
            }
        }
        boolean changed = false;
        for (int i = 0; i < ls.size(); i++) {
            String l = ls.get(i);
            int e = l.length();
            while (!keep[i] && e > 0 && (l.charAt(e - 1) == ' ' || l.charAt(e - 1) == '\t')) {
                e--;
            }
            if (e < l.length()) {
                ls.set(i, l.substring(0, e));
                changed = true;
            }
        }
        return changed;
    }

    /** A fragment built by the editor from lines it rendered itself. */
    static Fragment of(List<String> lines, Shape shape, Object value) {
        return new Fragment(lines, shape, value, null, null, false);
    }

    /** A block scalar ({@code |} or {@code >}): continuation lines only need to be deeper than the key. */
    boolean blockScalar() {
        return root instanceof YamlScalar s && (s.style() == ScalarStyle.LITERAL || s.style() == ScalarStyle.FOLDED);
    }

    boolean multiLine() {
        return lines.size() > 1;
    }

    /** Whether the first line can be pasted into a flow collection as is. */
    boolean flowSafe() {
        if (shape != Shape.INLINE || multiLine() || lines.isEmpty()) {
            return false;
        }
        String l = lines.get(0);
        if (l.contains(" #")) {
            return false;
        }
        if (root instanceof YamlScalar s) {
            return switch (s.style()) {
                case SINGLE_QUOTED, DOUBLE_QUOTED -> true;
                case PLAIN -> l.chars().noneMatch(ch -> ",[]{}#".indexOf(ch) >= 0);
                default -> false;
            };
        }
        return root instanceof YamlMapping || root instanceof YamlSequence;
    }
}
