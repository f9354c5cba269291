package dev.mx.engine.yaml;

import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.text.TextEdit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Structural edits of a YAML text as minimal {@link TextEdit}s. Edits are computed from positions:
 * comments, key order, quoting, blank lines and every line outside the edited value stay
 * byte-identical; the file is never re-serialized.
 *
 * <p>Every edit is checked before it is returned: the edited text is parsed again and must have no
 * new problems, and its first document must equal the old one with exactly the requested change.
 * Anything else throws {@link YamlEditException} (as do impossible edits, such as a path through a
 * scalar or a sequence, or an edit next to a syntax error).
 */
public final class YamlEditor {
    private YamlEditor() {
    }

    /**
     * Sets the value at {@code path} (mapping keys) to {@code yamlFragment}, a YAML value written at
     * indent 0 (block mapping, block sequence, scalar or flow collection; comments allowed). Missing
     * keys and intermediate mappings are created after the last entry of the deepest existing mapping.
     */
    public static List<TextEdit> setValue(ParsedYaml doc, List<String> path, String yamlFragment) {
        if (hasBom(doc)) {
            return afterBom(setValue(withoutBom(doc), path, yamlFragment));
        }
        Session s = new Session(doc, path);
        Fragment f = Fragment.parse(yamlFragment, s.pathText);
        List<TextEdit> edits = s.set(List.copyOf(path), f);
        s.verify(edits, root -> Expect.set(root, path, f.value));
        return edits;
    }

    /**
     * Removes the mapping entry or sequence item at {@code path} (String keys, Integer indexes) with
     * its lines and the comment lines directly above it. Removing the last entry leaves {@code {}}
     * (or {@code []} for a sequence). Returns no edits when the path does not exist.
     */
    public static List<TextEdit> remove(ParsedYaml doc, List<?> path) {
        if (hasBom(doc)) {
            return afterBom(remove(withoutBom(doc), path));
        }
        Session s = new Session(doc, path);
        List<TextEdit> edits = s.remove(List.copyOf(path));
        if (!edits.isEmpty()) {
            s.verify(edits, root -> Expect.remove(root, path));
        }
        return edits;
    }

    /**
     * Appends {@code yamlFragment} as the last item of the sequence at {@code path}, creating the
     * sequence (and missing mappings) when absent.
     */
    public static List<TextEdit> appendItem(ParsedYaml doc, List<String> path, String yamlFragment) {
        if (hasBom(doc)) {
            return afterBom(appendItem(withoutBom(doc), path, yamlFragment));
        }
        Session s = new Session(doc, path);
        Fragment f = Fragment.parse(yamlFragment, s.pathText);
        List<TextEdit> edits = s.append(List.copyOf(path), f);
        s.verify(edits, root -> Expect.append(root, path, f.value));
        return edits;
    }

    /**
     * A byte order mark is no content, but it is the first character of line 0: with it the document's
     * top-level keys would sit at column 1 and new ones would be indented to match. Texts with one are
     * edited without it, and the edits moved back behind it.
     */
    private static boolean hasBom(ParsedYaml doc) {
        return doc != null && doc.text().startsWith("\uFEFF");
    }

    private static ParsedYaml withoutBom(ParsedYaml doc) {
        return YamlParser.parse(doc.text().substring(1));
    }

    private static List<TextEdit> afterBom(List<TextEdit> edits) {
        List<TextEdit> out = new ArrayList<>(edits.size());
        for (TextEdit e : edits) {
            out.add(new TextEdit(new Range(afterBom(e.range().start()), afterBom(e.range().end())), e.newText()));
        }
        return out;
    }

    private static Position afterBom(Position p) {
        return p.line() == 0 ? new Position(0, p.column() + 1) : p;
    }

    /**
     * {@code s} as a plain scalar when YAML reads it back as the same string, else double-quoted
     * with escapes. Quotes YAML 1.1 booleans ({@code yes}, {@code on}...), nulls, numbers, dates,
     * indicator characters, {@code ": "}, {@code " #"}, edge spaces, empty strings and newlines.
     */
    public static String quoteIfNeeded(String s) {
        return YamlText.quoteIfNeeded(s);
    }

    /**
     * Renders plain Java maps, lists/arrays and scalars as block YAML at indent 0; every line ends
     * with {@code \n}. Strings are quoted with {@link #quoteIfNeeded}; empty collections are
     * {@code {}} and {@code []}.
     */
    public static String renderBlock(Object javaValue) {
        return YamlText.renderBlock(javaValue);
    }

    static String pathText(List<?> path) {
        StringBuilder sb = new StringBuilder();
        for (Object o : path) {
            if (o instanceof Number) {
                sb.append('[').append(o).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(o);
            }
        }
        return sb.toString();
    }

    /** The expected plain-Java result of an edit, used to verify it. */
    static final class Expect {
        private Expect() {
        }

        @SuppressWarnings("unchecked")
        static Object set(Object root, List<String> path, Object value) {
            if (!(root instanceof Map)) {
                root = new LinkedHashMap<String, Object>();
            }
            Map<String, Object> m = (Map<String, Object>) root;
            for (int i = 0; i < path.size() - 1; i++) {
                Object next = m.get(path.get(i));
                if (!(next instanceof Map)) {
                    next = new LinkedHashMap<String, Object>();
                    m.put(path.get(i), next);
                }
                m = (Map<String, Object>) next;
            }
            m.put(path.get(path.size() - 1), value);
            return root;
        }

        @SuppressWarnings("unchecked")
        static Object remove(Object root, List<?> path) {
            Object node = root;
            for (int i = 0; i < path.size() - 1; i++) {
                Object step = path.get(i);
                node = step instanceof Number n ? ((List<Object>) node).get(n.intValue())
                        : ((Map<String, Object>) node).get((String) step);
            }
            Object last = path.get(path.size() - 1);
            if (last instanceof Number n) {
                ((List<Object>) node).remove(n.intValue());
            } else {
                ((Map<String, Object>) node).remove((String) last);
            }
            return root;
        }

        @SuppressWarnings("unchecked")
        static Object append(Object root, List<String> path, Object value) {
            if (path.isEmpty()) {
                List<Object> l = root instanceof List ? (List<Object>) root : new ArrayList<>();
                l.add(value);
                return l;
            }
            Object current = root instanceof Map ? ((Map<String, Object>) root) : null;
            for (String k : path) {
                current = current instanceof Map ? ((Map<String, Object>) current).get(k) : null;
            }
            List<Object> list = current instanceof List ? new ArrayList<>((List<Object>) current) : new ArrayList<>();
            list.add(value);
            return set(root, path, list);
        }
    }

    /** One edit request on one parsed text. */
    private static final class Session {
        final ParsedYaml doc;
        final String text;
        final LineMap lines;
        final String lb;
        final String pathText;
        private Integer globalStep;
        private Boolean indentless;
        private Integer seqOffset;
        private boolean stepEvidence;
        private boolean seqEvidence;

        Session(ParsedYaml doc, List<?> path) {
            Objects.requireNonNull(doc, "doc");
            Objects.requireNonNull(path, "path");
            for (Object o : path) {
                if (!(o instanceof String) && !(o instanceof Number)) {
                    throw new YamlEditException("path elements must be keys (String) or indexes (Integer): " + path);
                }
            }
            this.doc = doc;
            this.text = doc.text();
            this.lines = doc.lines();
            this.lb = lines.lineBreak();
            this.pathText = pathText(path);
        }

        // ------------------------------------------------------------------ errors

        YamlEditException fail(String why) {
            return new YamlEditException("cannot edit '" + pathText + "': " + why);
        }

        private String describe(List<?> prefix, YamlNode node) {
            String where = prefix.isEmpty() ? "the document" : "'" + pathText(prefix) + "'";
            String what;
            if (node instanceof YamlSequence) {
                what = "a sequence";
            } else if (node instanceof YamlMapping) {
                what = "a mapping";
            } else if (node instanceof YamlAliasNode a) {
                what = "an alias (*" + a.anchor() + ")";
            } else {
                what = "a scalar value";
            }
            return where + " is " + what;
        }

        private void requireComplete(YamlNode n) {
            boolean complete = n instanceof YamlMapping m ? m.complete() : !(n instanceof YamlSequence s) || s.complete();
            if (!complete) {
                YamlProblem p = doc.problems().stream()
                        .filter(x -> x.kind() == YamlProblem.Kind.SYNTAX || x.kind() == YamlProblem.Kind.LIMIT)
                        .findFirst().orElse(null);
                throw fail("the file could not be read to the end"
                        + (p == null ? "" : " (line " + (p.range().start().line() + 1) + ": " + p.message() + ")")
                        + "; fix that first");
            }
        }

        private void checkSyntaxRegion(int fromLine, int toLine) {
            for (YamlProblem p : doc.problems()) {
                int l = p.range().start().line();
                if (p.kind() == YamlProblem.Kind.SYNTAX && l >= fromLine && l <= toLine) {
                    throw fail("line " + (l + 1) + " has a YAML error (" + p.message() + "); fix it first");
                }
            }
        }

        // ------------------------------------------------------------------ setValue

        /** The deepest existing node on a key path. */
        private record Walk(int depth, YamlEntry entry, YamlMapping owner, YamlNode node) {
        }

        private Walk walk(List<String> keys) {
            YamlNode node = doc.root();
            YamlEntry entry = null;
            YamlMapping owner = null;
            for (int i = 0; i < keys.size(); i++) {
                if (node == null) {
                    return new Walk(i, entry, owner, null);
                }
                if (node instanceof YamlMapping m) {
                    requireComplete(m);
                    YamlEntry e = m.entry(keys.get(i));
                    if (e == null) {
                        return new Walk(i, entry, owner, m);
                    }
                    entry = e;
                    owner = m;
                    node = e.value();
                    continue;
                }
                if (node instanceof YamlScalar sc && sc.isNull()) {
                    return new Walk(i, entry, owner, sc);
                }
                throw fail(describe(keys.subList(0, i), node) + ", not a mapping");
            }
            return new Walk(keys.size(), entry, owner, node);
        }

        List<TextEdit> set(List<String> keys, Fragment f) {
            if (keys.isEmpty()) {
                throw new YamlEditException("cannot set a value: the path is empty");
            }
            Walk w = walk(keys);
            if (w.depth() == keys.size()) {
                return replaceValue(w.entry(), w.owner(), f);
            }
            List<String> missing = keys.subList(w.depth(), keys.size());
            YamlNode container = w.node();
            if (container == null) {
                return insertAtDocumentEnd(missing, f);
            }
            if (container instanceof YamlMapping m) {
                if (!m.flow()) {
                    return insertIntoBlockMapping(m, missing, f);
                }
                if (m.entries().isEmpty()) {
                    return replaceWithBlock(w.entry(), w.owner(), m, mappingFragment(missing, f, w.owner()));
                }
                return insertIntoFlowMapping(m, missing, f);
            }
            // a null scalar: replace it with a mapping
            return replaceWithBlock(w.entry(), w.owner(), container, mappingFragment(missing, f, w.owner()));
        }

        private List<TextEdit> replaceWithBlock(YamlEntry entry, YamlMapping owner, YamlNode node, Fragment block) {
            if (entry == null) {
                return replaceRoot(node, block);
            }
            return replaceValue(entry, owner, block);
        }

        /** Replaces a null or empty-flow document root with a block collection. */
        private List<TextEdit> replaceRoot(YamlNode node, Fragment block) {
            checkSyntaxRegion(node.range().start().line(), node.range().end().line() + 1);
            String body = indentLines(block.lines, 0);
            Position s = node.range().start();
            boolean lineStart = lines.line(s.line()).substring(0, s.column()).isBlank() && s.column() == 0;
            return List.of(new TextEdit(node.range(), lineStart ? body : lb + body));
        }

        /** A block mapping fragment for {@code keys} nested down to {@code f}. */
        private Fragment mappingFragment(List<String> keys, Fragment f, YamlMapping context) {
            List<String> ls = renderEntry(keys, f, 0, context);
            Object value = f.value;
            for (int i = keys.size() - 1; i >= 0; i--) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(keys.get(i), value);
                value = m;
            }
            return Fragment.of(ls, Fragment.Shape.MAPPING, value);
        }

        /**
         * Lines (indented by {@code indent}) for {@code k1:\n  k2:\n    k3: fragment}, indented like
         * the children of {@code context} (the mapping that will hold {@code k1}; null for the root).
         */
        private List<String> renderEntry(List<String> keys, Fragment f, int indent, YamlMapping context) {
            int step = stepFor(context);
            List<String> out = new ArrayList<>();
            int ind = indent;
            for (int i = 0; i < keys.size() - 1; i++) {
                out.add(sp(ind) + YamlText.quoteIfNeeded(keys.get(i)) + ":");
                ind += step;
            }
            String head = sp(ind) + YamlText.quoteIfNeeded(keys.get(keys.size() - 1)) + ":";
            switch (f.shape) {
                case EMPTY -> out.add(head);
                case INLINE -> {
                    List<String> inline = inlineLines(f, ind, ind + step);
                    out.add(head + inline.get(0));
                    out.addAll(inline.subList(1, inline.size()));
                }
                case MAPPING -> {
                    out.add(head);
                    out.addAll(shift(blockLines(f, context), ind + step));
                }
                case SEQUENCE -> {
                    out.add(head);
                    out.addAll(shift(blockLines(f, context), ind + (indentless() ? 0 : seqOffset())));
                }
            }
            return out;
        }

        /**
         * An inline fragment after {@code key:}: the first element is what follows the colon on the
         * key's line (starting with a space), the rest are complete, indented lines.
         */
        private List<String> inlineLines(Fragment f, int keyCol, int contCol) {
            List<String> out = new ArrayList<>();
            if (f.shape == Fragment.Shape.EMPTY || f.lines.isEmpty()) {
                out.add("");
                return out;
            }
            out.add(" " + f.lines.get(0));
            out.addAll(shift(f.lines.subList(1, f.lines.size()), f.blockScalar() ? keyCol : contCol));
            return out;
        }

        /** A block fragment's lines in the file's indentation style when that can be done safely. */
        private List<String> blockLines(Fragment f, YamlMapping context) {
            Integer step = stepEvidence(context);
            scanStyleOnce();
            List<String> re = Reindenter.apply(f, step, seqEvidence ? indentless : null, seqOffset);
            return re != null ? re : f.lines;
        }

        private List<TextEdit> replaceValue(YamlEntry e, YamlMapping owner, Fragment f) {
            YamlNode k = e.key();
            YamlNode v = e.value();
            if (owner.flow()) {
                checkSyntaxRegion(v.range().start().line(), v.range().end().line());
                if (v.range().start().equals(v.range().end()) && !f.lines.isEmpty()) {
                    return List.of(new TextEdit(v.range(), " " + flowText(f)));
                }
                return List.of(new TextEdit(v.range(), flowText(f)));
            }
            int kc = k.range().start().column();
            Position colonEnd = colonEnd(k);
            int keyLine = colonEnd.line();
            Position s = v.range().start();
            Position end = v.range().end();
            int endLine = end.line();
            checkSyntaxRegion(k.range().start().line(), endLine + 1);
            switch (f.shape) {
                case EMPTY, INLINE -> {
                    int contCol = kc + stepFor(owner);
                    List<String> inline = inlineLines(f, kc, contCol);
                    if (s.line() == keyLine) {
                        if (s.compareTo(colonEnd) > 0 && f.shape != Fragment.Shape.EMPTY) {
                            // keep the spacing after the colon; replace just the value
                            return List.of(new TextEdit(new Range(s, end), joinInline(inline).substring(1)));
                        }
                        return List.of(new TextEdit(new Range(colonEnd, end), joinInline(inline)));
                    }
                    String keyRest = lines.line(keyLine).substring(colonEnd.column());
                    boolean commentsBefore = !keyRest.isBlank();
                    for (int l = keyLine + 1; l < s.line(); l++) {
                        commentsBefore |= !lines.line(l).isBlank();
                    }
                    if (!commentsBefore) {
                        return List.of(new TextEdit(new Range(colonEnd, lineEnd(endLine)), joinInline(inline)));
                    }
                    if (f.shape == Fragment.Shape.EMPTY) {
                        return List.of(new TextEdit(new Range(lineEnd(s.line() - 1), lineEnd(endLine)), ""));
                    }
                    // keep the comments between key and value: the value goes on its own line
                    return List.of(new TextEdit(new Range(new Position(s.line(), 0), lineEnd(endLine)),
                            indentLines(shift(f.lines, contCol), 0)));
                }
                default -> {
                    int ci = childIndent(e, owner, f.shape, keyLine);
                    String body = indentLines(shift(blockLines(f, owner), ci), 0);
                    if (s.line() > keyLine) {
                        // The comment lines the fragment starts with, when they already stand right
                        // above the value (an earlier edit wrote them), are taken as part of the
                        // value; otherwise every update would add one more copy. Other comments there
                        // are the user's and stay.
                        int from = s.line();
                        int own = leadingCommentCount(f.lines);
                        if (own > 0 && from - own > keyLine) {
                            boolean same = true;
                            for (int i = 0; i < own && same; i++) {
                                same = lines.line(from - own + i).strip().equals(f.lines.get(i).strip());
                            }
                            if (same) {
                                from -= own;
                            }
                        }
                        return List.of(new TextEdit(new Range(new Position(from, 0), lineEnd(endLine)), body));
                    }
                    String trailing = lines.line(endLine).substring(Math.min(end.column(),
                            lines.line(endLine).length())).strip();
                    String head = trailing.startsWith("#") ? " " + trailing : "";
                    return List.of(new TextEdit(new Range(colonEnd, lineEnd(endLine)), head + lb + body));
                }
            }
        }

        private static int leadingCommentCount(List<String> fragmentLines) {
            int n = 0;
            while (n < fragmentLines.size() && fragmentLines.get(n).strip().startsWith("#")) {
                n++;
            }
            return n;
        }

        private String joinInline(List<String> inline) {
            StringBuilder sb = new StringBuilder(inline.get(0));
            for (int i = 1; i < inline.size(); i++) {
                sb.append(lb).append(inline.get(i));
            }
            return sb.toString();
        }

        /** Column for the lines of a block fragment that becomes the value of entry {@code e}. */
        private int childIndent(YamlEntry e, YamlMapping owner, Fragment.Shape shape, int keyLine) {
            YamlNode v = e.value();
            int kc = e.key().range().start().column();
            if (shape == Fragment.Shape.MAPPING) {
                if (v instanceof YamlMapping vm && !vm.flow() && !vm.entries().isEmpty()
                        && vm.entries().get(0).key().range().start().line() > keyLine) {
                    return vm.entries().get(0).key().range().start().column();
                }
                return kc + stepFor(owner);
            }
            if (v instanceof YamlSequence vs && !vs.flow() && !vs.items().isEmpty()) {
                Position dash = dashPosition(vs, 0);
                if (dash.line() > keyLine) {
                    return dash.column();
                }
            }
            return kc + (indentless() ? 0 : seqOffset());
        }

        private List<TextEdit> insertIntoBlockMapping(YamlMapping m, List<String> missing, Fragment f) {
            List<YamlEntry> es = m.entries();
            int c = es.get(0).key().range().start().column();
            int after = lastLineWithComments(lastLineOf(es.get(es.size() - 1)), c);
            checkSyntaxRegion(es.get(0).key().range().start().line(), after + 1);
            return insertLinesAfter(after, renderEntry(missing, f, c, m));
        }

        private List<TextEdit> insertAtDocumentEnd(List<String> missing, Fragment f) {
            if (doc.hasSyntaxErrors()) {
                YamlProblem p = doc.problems().stream().filter(x -> x.kind() == YamlProblem.Kind.SYNTAX)
                        .findFirst().orElseThrow();
                throw fail("line " + (p.range().start().line() + 1) + " has a YAML error (" + p.message()
                        + "); fix it first");
            }
            String body = String.join(lb, renderEntry(missing, f, 0, null));
            if (doc.documents().size() >= 2) {
                Position p = new Position(doc.documents().get(1).range().start().line(), 0);
                return List.of(TextEdit.insert(p, body + lb));
            }
            Position end = lines.position(text.length());
            if (text.isEmpty() || text.endsWith("\n") || text.endsWith("\r")) {
                return List.of(TextEdit.insert(end, body + lb));
            }
            return List.of(TextEdit.insert(end, lb + body));
        }

        private List<TextEdit> insertIntoFlowMapping(YamlMapping m, List<String> missing, Fragment f) {
            checkSyntaxRegion(m.range().start().line(), m.range().end().line());
            String value = flowText(f);
            for (int i = missing.size() - 1; i >= 1; i--) {
                value = "{" + YamlText.flowScalar(missing.get(i)) + ": " + value + "}";
            }
            YamlEntry last = m.entries().get(m.entries().size() - 1);
            Position at = max(last.key().range().end(), last.value().range().end());
            return List.of(TextEdit.insert(at, ", " + YamlText.flowScalar(missing.get(0)) + ": " + value));
        }

        private String flowText(Fragment f) {
            if (f.shape == Fragment.Shape.EMPTY) {
                return "null";
            }
            if (f.flowSafe()) {
                return f.lines.get(0);
            }
            return YamlText.flow(f.value, 0);
        }

        // ------------------------------------------------------------------ appendItem

        List<TextEdit> append(List<String> keys, Fragment f) {
            Walk w = keys.isEmpty() ? new Walk(0, null, null, doc.root()) : walk(keys);
            if (w.depth() < keys.size()) {
                return set(keys, sequenceFragment(f));
            }
            YamlNode node = w.node();
            if (node instanceof YamlSequence q) {
                requireComplete(q);
                if (!q.flow()) {
                    return appendToBlockSequence(q, f);
                }
                if (q.items().isEmpty()) {
                    return replaceWithBlock(w.entry(), w.owner(), q, sequenceFragment(f));
                }
                checkSyntaxRegion(q.range().start().line(), q.range().end().line());
                YamlNode last = q.items().get(q.items().size() - 1);
                return List.of(TextEdit.insert(last.range().end(), ", " + flowText(f)));
            }
            if (node == null && keys.isEmpty()) {
                return insertRootSequence(sequenceFragment(f));
            }
            if (node instanceof YamlScalar sc && sc.isNull()) {
                return replaceWithBlock(w.entry(), w.owner(), sc, sequenceFragment(f));
            }
            throw fail(describe(keys, node) + ", not a sequence");
        }

        private List<TextEdit> insertRootSequence(Fragment seq) {
            if (doc.hasSyntaxErrors()) {
                throw fail("the file has YAML errors; fix them first");
            }
            String body = indentLines(seq.lines, 0);
            Position end = lines.position(text.length());
            if (text.isEmpty() || text.endsWith("\n") || text.endsWith("\r")) {
                return List.of(TextEdit.insert(end, body + lb));
            }
            return List.of(TextEdit.insert(end, lb + body));
        }

        private Fragment sequenceFragment(Fragment f) {
            List<Object> value = new ArrayList<>();
            value.add(f.value);
            return Fragment.of(itemLines(f, 0), Fragment.Shape.SEQUENCE, value);
        }

        /** {@code - fragment} with the dash at {@code dashCol}. */
        private List<String> itemLines(Fragment f, int dashCol) {
            List<String> out = new ArrayList<>();
            if (f.shape == Fragment.Shape.EMPTY || f.lines.isEmpty()) {
                out.add(sp(dashCol) + "-");
                return out;
            }
            List<String> ls = f.shape == Fragment.Shape.INLINE ? f.lines : blockLines(f, null);
            out.add(sp(dashCol) + "- " + ls.get(0));
            out.addAll(shift(ls.subList(1, ls.size()), dashCol + 2));
            return out;
        }

        private List<TextEdit> appendToBlockSequence(YamlSequence q, Fragment f) {
            Position firstDash = dashPosition(q, 0);
            int dc = firstDash.column();
            YamlNode last = q.items().get(q.items().size() - 1);
            int after = lastLineWithComments(endLine(last), dc);
            checkSyntaxRegion(firstDash.line(), after + 1);
            return insertLinesAfter(after, itemLines(f, dc));
        }

        // ------------------------------------------------------------------ remove

        List<TextEdit> remove(List<?> path) {
            if (path.isEmpty()) {
                throw new YamlEditException("cannot remove: the path is empty");
            }
            YamlNode node = doc.root();
            YamlNode parent = null;
            int index = -1;
            for (int i = 0; i < path.size(); i++) {
                Object step = path.get(i);
                List<?> prefix = path.subList(0, i);
                if (node == null || (node instanceof YamlScalar sc && sc.isNull())) {
                    return List.of();
                }
                if (node instanceof YamlAliasNode) {
                    throw fail(describe(prefix, node) + "; edit the anchored value instead");
                }
                if (step instanceof String key) {
                    if (!(node instanceof YamlMapping m)) {
                        throw fail(describe(prefix, node) + ", not a mapping");
                    }
                    requireComplete(m);
                    YamlEntry e = m.entry(key);
                    if (e == null) {
                        return List.of();
                    }
                    index = m.entries().indexOf(e);
                    parent = m;
                    node = e.value();
                } else {
                    if (!(node instanceof YamlSequence q)) {
                        throw fail(describe(prefix, node) + ", not a sequence");
                    }
                    requireComplete(q);
                    int idx = ((Number) step).intValue();
                    if (idx < 0 || idx >= q.items().size()) {
                        return List.of();
                    }
                    index = idx;
                    parent = q;
                    node = q.items().get(idx);
                }
            }
            return parent instanceof YamlMapping m ? removeEntry(m, index) : removeItem((YamlSequence) parent, index);
        }

        private List<TextEdit> removeEntry(YamlMapping m, int j) {
            List<YamlEntry> es = m.entries();
            YamlEntry e = es.get(j);
            YamlNode k = e.key();
            if (m.flow()) {
                checkSyntaxRegion(m.range().start().line(), m.range().end().line());
                return removeFromFlow(es.size(), j, i -> es.get(i).key().range().start(),
                        i -> max(es.get(i).key().range().end(), es.get(i).value().range().end()));
            }
            Position ks = k.range().start();
            boolean startsLine = lines.line(ks.line()).substring(0, ks.column()).isBlank();
            int first = startsLine ? firstLineWithComments(ks.line(), ks.column()) : ks.line();
            int last = lastLineWithComments(lastLineOf(e), ks.column());
            checkSyntaxRegion(first, last + 1);
            if (es.size() == 1) {
                return emptyCollection(m, "{}", first, last, startsLine);
            }
            if (startsLine) {
                return List.of(deleteLines(first, last));
            }
            if (j == 0) {
                // "- a: 1" then "  b: 2": b moves up onto the dash line. Comment lines between the two belong
                // to b; they move up above the dash line instead of going with a.
                Position next = es.get(1).key().range().start();
                StringBuilder kept = new StringBuilder();
                for (int l = lastLineOf(e) + 1; l < next.line(); l++) {
                    if (isComment(l)) {
                        kept.append(lines.line(l)).append(lb);
                    }
                }
                TextEdit remove = new TextEdit(new Range(ks, next), "");
                return kept.length() == 0 ? List.of(remove)
                        : List.of(TextEdit.insert(new Position(ks.line(), 0), kept.toString()), remove);
            }
            throw fail("the entry is laid out in a way this editor does not support");
        }

        private List<TextEdit> removeItem(YamlSequence q, int i) {
            List<YamlNode> items = q.items();
            if (q.flow()) {
                checkSyntaxRegion(q.range().start().line(), q.range().end().line());
                return removeFromFlow(items.size(), i, x -> items.get(x).range().start(),
                        x -> items.get(x).range().end());
            }
            Position dash = dashPosition(q, i);
            boolean startsLine = lines.line(dash.line()).substring(0, dash.column()).isBlank();
            int first = startsLine ? firstLineWithComments(dash.line(), dash.column()) : dash.line();
            int last = lastLineWithComments(Math.max(dash.line(), endLine(items.get(i))), dash.column());
            checkSyntaxRegion(first, last + 1);
            if (items.size() == 1) {
                return emptyCollection(q, "[]", first, last, startsLine);
            }
            if (startsLine) {
                return List.of(deleteLines(first, last));
            }
            if (i == 0) {
                return List.of(new TextEdit(new Range(dash, dashPosition(q, 1)), ""));
            }
            throw fail("the item is laid out in a way this editor does not support");
        }

        private interface At {
            Position at(int i);
        }

        private List<TextEdit> removeFromFlow(int size, int j, At start, At end) {
            if (j + 1 < size) {
                return List.of(new TextEdit(new Range(start.at(j), start.at(j + 1)), ""));
            }
            if (j > 0) {
                return List.of(new TextEdit(new Range(end.at(j - 1), end.at(j)), ""));
            }
            return List.of(new TextEdit(new Range(start.at(j), end.at(j)), ""));
        }

        /**
         * Removes the only child of block collection {@code n} (lines {@code first..last}) and writes
         * {@code token} ({@code {}} or {@code []}) in its place.
         */
        private List<TextEdit> emptyCollection(YamlNode n, String token, int first, int last, boolean startsLine) {
            YamlNode parent = n.parent();
            if (parent == null) {
                if (!startsLine) {
                    throw fail("the entry is laid out in a way this editor does not support");
                }
                return List.of(new TextEdit(new Range(new Position(first, 0), lineEnd(last)), token));
            }
            if (parent instanceof YamlMapping pm && !pm.flow()) {
                YamlEntry pe = null;
                for (YamlEntry x : pm.entries()) {
                    if (x.value() == n) {
                        pe = x;
                        break;
                    }
                }
                if (pe != null && startsLine) {
                    Position colonEnd = colonEnd(pe.key());
                    if (first > colonEnd.line()) {
                        Position at = n.range().start().line() == colonEnd.line()
                                ? propertiesEnd(n.range().start()) : colonEnd;
                        TextEdit delete = deleteLines(first, last);
                        if (delete.range().start().compareTo(at) <= 0) {
                            // the deletion starts at the end of the key's line: one edit does both
                            return List.of(new TextEdit(new Range(at, delete.range().end()), " " + token));
                        }
                        return List.of(TextEdit.insert(at, " " + token), delete);
                    }
                }
            }
            if (parent instanceof YamlSequence ps && !ps.flow()) {
                return List.of(new TextEdit(new Range(n.range().start(), lineEnd(last)), token));
            }
            throw fail("the entry is laid out in a way this editor does not support");
        }

        /** After the anchor and tag that start a node ({@code &a !t}), before anything else. */
        private Position propertiesEnd(Position start) {
            int o = lines.offset(start);
            int end = o;
            while (o < text.length() && (text.charAt(o) == '&' || text.charAt(o) == '!')) {
                while (o < text.length() && !Character.isWhitespace(text.charAt(o))) {
                    o++;
                }
                end = o;
                while (o < text.length() && (text.charAt(o) == ' ' || text.charAt(o) == '\t')) {
                    o++;
                }
            }
            return lines.position(end);
        }

        // ------------------------------------------------------------------ lines and positions

        private static String sp(int n) {
            return " ".repeat(Math.max(0, n));
        }

        private static List<String> shift(List<String> ls, int n) {
            List<String> out = new ArrayList<>(ls.size());
            for (String l : ls) {
                out.add(l.isEmpty() ? l : sp(n) + l);
            }
            return out;
        }

        private String indentLines(List<String> ls, int n) {
            return String.join(lb, shift(ls, n));
        }

        private static Position max(Position a, Position b) {
            return a.compareTo(b) >= 0 ? a : b;
        }

        private Position lineEnd(int line) {
            return new Position(line, lines.lineContentEnd(line) - lines.lineStart(line));
        }

        /** Number of lines that hold text (a line break at the very end does not start one). */
        private int realLineCount() {
            int n = lines.lineCount();
            return n > 1 && lines.lineStart(n - 1) == text.length() ? n - 1 : n;
        }

        private int indentOf(String line) {
            int n = 0;
            while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
                n++;
            }
            return n;
        }

        private boolean isComment(int line) {
            return lines.line(line).strip().startsWith("#");
        }

        private boolean isBlankLine(int line) {
            return lines.line(line).isBlank();
        }

        private int lastLineOf(YamlEntry e) {
            return Math.max(e.key().range().end().line(), endLine(e.value()));
        }

        /**
         * The last line of a node's text. A block scalar that keeps its final line breaks
         * ({@code |+}, {@code >+}) also owns the blank lines after it.
         */
        private int endLine(YamlNode n) {
            YamlNode last = n;
            while (true) {
                if (last instanceof YamlMapping m && !m.flow() && !m.entries().isEmpty()) {
                    last = m.entries().get(m.entries().size() - 1).value();
                } else if (last instanceof YamlSequence q && !q.flow() && !q.items().isEmpty()) {
                    last = q.items().get(q.items().size() - 1);
                } else {
                    break;
                }
            }
            int line = n.range().end().line();
            if (last instanceof YamlScalar sc && (sc.style() == ScalarStyle.LITERAL || sc.style() == ScalarStyle.FOLDED)) {
                String header = lines.line(sc.range().start().line()).substring(sc.range().start().column());
                int hash = header.indexOf(" #");
                if ((hash < 0 ? header : header.substring(0, hash)).contains("+")) {
                    while (line + 1 < realLineCount() && isBlankLine(line + 1)) {
                        line++;
                    }
                }
            }
            return line;
        }

        /** Extends {@code line} over following comment lines indented deeper than {@code col}. */
        private int lastLineWithComments(int line, int col) {
            int last = line;
            for (int l = line + 1; l < realLineCount(); l++) {
                if (isBlankLine(l)) {
                    continue;
                }
                if (isComment(l) && indentOf(lines.line(l)) > col) {
                    last = l;
                    continue;
                }
                break;
            }
            return last;
        }

        /** Extends {@code line} upward over the comment lines directly above it at column {@code col}. */
        private int firstLineWithComments(int line, int col) {
            int first = line;
            while (first > 0 && isComment(first - 1) && indentOf(lines.line(first - 1)) == col) {
                first--;
            }
            return first;
        }

        /** Inserts whole lines after line {@code after}. */
        private List<TextEdit> insertLinesAfter(int after, List<String> block) {
            String body = String.join(lb, block);
            if (after + 1 < lines.lineCount()) {
                return List.of(TextEdit.insert(new Position(after + 1, 0), body + lb));
            }
            // the last line has no line break: adding one would add a final newline to a block scalar
            // ending there, unless its chomping becomes '-'
            TextEdit insert = TextEdit.insert(lines.position(text.length()), lb + body);
            TextEdit strip = stripChomping(after);
            return strip == null ? List.of(insert) : List.of(strip, insert);
        }

        /** The block scalar ({@code |} or {@code >}) whose text ends on {@code line}, or null. */
        private YamlScalar blockScalarEndingOn(int line) {
            if (line < 0) {
                return null;
            }
            List<YamlNode> path = doc.nodePathAt(lineEnd(line));
            YamlNode n = path.isEmpty() ? null : path.get(path.size() - 1);
            if (n instanceof YamlScalar sc && (sc.style() == ScalarStyle.LITERAL || sc.style() == ScalarStyle.FOLDED)
                    && sc.range().end().line() == line) {
                return sc;
            }
            return null;
        }

        /** Makes a block scalar ending on {@code line} strip its final line break ({@code |} to {@code |-}). */
        private TextEdit stripChomping(int line) {
            YamlScalar sc = blockScalarEndingOn(line);
            if (sc == null) {
                return null;
            }
            int o = lines.offset(sc.range().start());
            while (o < text.length() && text.charAt(o) != '|' && text.charAt(o) != '>') {
                o++;
            }
            int e = o + 1;
            while (e < text.length() && "0123456789+-".indexOf(text.charAt(e)) >= 0) {
                e++;
            }
            String header = text.substring(o, e);
            if (header.contains("-")) {
                return null;
            }
            String stripped = header.replace("+", "") + "-";
            return new TextEdit(new Range(lines.position(o), lines.position(e)), stripped);
        }

        /** Deletes lines {@code first..last} with their line breaks (and one blank line when it would double). */
        private TextEdit deleteLines(int first, int last) {
            int real = realLineCount();
            if (last + 1 < lines.lineCount()) {
                int to = lines.lineStart(last + 1);
                boolean blankBefore = first == 0 || isBlankLine(first - 1);
                if (blankBefore && last + 1 < real && isBlankLine(last + 1)) {
                    to = last + 2 < lines.lineCount() ? lines.lineStart(last + 2) : text.length();
                }
                return new TextEdit(new Range(new Position(first, 0), lines.position(to)), "");
            }
            // deleting through the end of a file without a final line break: keep the line break before
            // when a block scalar ends there (removing it would change the scalar's value)
            Position from = first == 0 || blockScalarEndingOn(first - 1) != null ? new Position(first, 0)
                    : lineEnd(first - 1);
            return new TextEdit(new Range(from, lines.position(text.length())), "");
        }

        /** Position right after the ':' that follows a block mapping key. */
        private Position colonEnd(YamlNode key) {
            int o = lines.offset(key.range().end());
            while (o < text.length() && (text.charAt(o) == ' ' || text.charAt(o) == '\t')) {
                o++;
            }
            if (o >= text.length() || text.charAt(o) != ':') {
                throw fail("the key at line " + (key.range().start().line() + 1)
                        + " is written in a form this editor does not support");
            }
            return lines.position(o + 1);
        }

        /** Position of the '-' of item {@code i} of a block sequence. */
        private Position dashPosition(YamlSequence q, int i) {
            int o = lines.offset(i == 0 ? q.range().start() : q.items().get(i - 1).range().end());
            while (o < text.length()) {
                char c = text.charAt(o);
                if (c == '-') {
                    return lines.position(o);
                }
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    o++;
                } else if (c == '#') {
                    while (o < text.length() && text.charAt(o) != '\n' && text.charAt(o) != '\r') {
                        o++;
                    }
                } else if (c == '&' || c == '!') {
                    while (o < text.length() && !Character.isWhitespace(text.charAt(o))) {
                        o++;
                    }
                } else {
                    break;
                }
            }
            throw fail("the sequence at line " + (q.range().start().line() + 1)
                    + " is written in a form this editor does not support");
        }

        // ------------------------------------------------------------------ indentation style

        /** The indentation step used for children of mapping {@code m} (2 when the file shows none). */
        private int stepFor(YamlMapping m) {
            Integer s = stepEvidence(m);
            return s != null ? s : 2;
        }

        /** The step the file uses near {@code m} (or anywhere), or null when it nests no block mappings. */
        private Integer stepEvidence(YamlMapping m) {
            if (m != null && !m.flow()) {
                for (YamlEntry e : m.entries()) {
                    int d = childStep(e);
                    if (d > 0) {
                        return d;
                    }
                }
                if (m.parent() instanceof YamlMapping pm && !pm.flow()) {
                    for (YamlEntry e : pm.entries()) {
                        if (e.value() == m) {
                            int d = childStep(e);
                            if (d > 0) {
                                return d;
                            }
                        }
                    }
                }
            }
            scanStyleOnce();
            return stepEvidence ? globalStep : null;
        }

        /** Column difference between a key and its block mapping value on the following lines, or 0. */
        private static int childStep(YamlEntry e) {
            if (e.value() instanceof YamlMapping vm && !vm.flow() && !vm.entries().isEmpty()) {
                Position first = vm.entries().get(0).key().range().start();
                Position key = e.key().range().start();
                if (first.line() > e.key().range().end().line() && first.column() > key.column()) {
                    return first.column() - key.column();
                }
            }
            return 0;
        }

        private void scanStyleOnce() {
            if (globalStep == null) {
                scanStyle();
            }
        }

        private boolean indentless() {
            scanStyleOnce();
            return indentless;
        }

        private int seqOffset() {
            scanStyleOnce();
            return seqOffset;
        }

        /** Looks at how the file indents nested mappings and sequences (first few thousand nodes). */
        private void scanStyle() {
            Map<Integer, Integer> steps = new HashMap<>();
            Map<Integer, Integer> seqOffsets = new HashMap<>();
            int indentlessCount = 0;
            int indentedCount = 0;
            Deque<YamlNode> queue = new ArrayDeque<>();
            if (doc.root() != null) {
                queue.add(doc.root());
            }
            int visited = 0;
            while (!queue.isEmpty() && visited++ < 5000) {
                YamlNode n = queue.poll();
                if (n instanceof YamlMapping m) {
                    for (YamlEntry e : m.entries()) {
                        int d = m.flow() ? 0 : childStep(e);
                        if (d > 0) {
                            steps.merge(d, 1, Integer::sum);
                        }
                        if (!m.flow() && e.value() instanceof YamlSequence s && !s.flow() && !s.items().isEmpty()) {
                            try {
                                Position dash = dashPosition(s, 0);
                                if (dash.line() > e.key().range().end().line()) {
                                    int off = dash.column() - e.key().range().start().column();
                                    if (off == 0) {
                                        indentlessCount++;
                                    } else if (off > 0) {
                                        indentedCount++;
                                        seqOffsets.merge(off, 1, Integer::sum);
                                    }
                                }
                            } catch (YamlEditException ignored) {
                                // unusual layout: no evidence either way
                            }
                        }
                        queue.add(e.value());
                    }
                } else if (n instanceof YamlSequence s) {
                    queue.addAll(s.items());
                }
            }
            globalStep = mode(steps, 2);
            stepEvidence = !steps.isEmpty();
            indentless = indentlessCount > indentedCount;
            seqEvidence = indentlessCount + indentedCount > 0;
            seqOffset = mode(seqOffsets, globalStep);
        }

        private static int mode(Map<Integer, Integer> counts, int fallback) {
            int best = fallback;
            int bestCount = 0;
            for (Map.Entry<Integer, Integer> c : counts.entrySet()) {
                if (c.getValue() > bestCount || (c.getValue() == bestCount && c.getKey() < best)) {
                    best = c.getKey();
                    bestCount = c.getValue();
                }
            }
            return best;
        }

        // ------------------------------------------------------------------ verification

        /**
         * Applies the edits, parses the result and checks that it has no new problems and that its
         * first document equals the old one with exactly the requested change.
         */
        void verify(List<TextEdit> edits, UnaryOperator<Object> expectedChange) {
            String after;
            try {
                after = lines.apply(edits);
            } catch (IllegalArgumentException e) {
                throw fail("the edit could not be applied (" + e.getMessage() + ")");
            }
            ParsedYaml reparsed = YamlParser.parse(after);
            long before = seriousProblems(doc);
            long now = seriousProblems(reparsed);
            if (now > before) {
                YamlProblem p = reparsed.problems().stream()
                        .filter(x -> x.kind() != YamlProblem.Kind.DUPLICATE_KEY).findFirst().orElseThrow();
                if (p.message().contains("undefined anchor")) {
                    throw fail("the edited value defines an anchor that other parts of the file refer to ("
                            + p.message() + " afterwards); edit this part by hand");
                }
                throw fail("the result would not be valid YAML (line " + (p.range().start().line() + 1) + ": "
                        + p.message() + ")");
            }
            int docsBefore = Math.max(1, doc.documents().size());
            int docsAfter = Math.max(1, reparsed.documents().size());
            if (docsBefore != docsAfter) {
                throw fail("the result would change the number of YAML documents");
            }
            Object expected;
            try {
                expected = expectedChange.apply(doc.root() == null ? null : doc.root().toJava());
            } catch (YamlLimitException e) {
                return; // too many aliases to compare whole documents; the parse check above still holds
            }
            Object actual;
            try {
                actual = reparsed.root() == null ? null : reparsed.root().toJava();
            } catch (YamlLimitException e) {
                throw fail("the result would expand aliases beyond the limit");
            }
            if (!Objects.equals(expected, actual)) {
                throw fail("the edit would change other values of the file (is the value anchored or aliased?);"
                        + " edit this part by hand");
            }
        }

        private static long seriousProblems(ParsedYaml p) {
            return p.problems().stream().filter(x -> x.kind() != YamlProblem.Kind.DUPLICATE_KEY).count();
        }
    }
}
