package dev.mx.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mx.engine.text.TextEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Properties of {@link YamlEditor}: on any valid document, {@code setValue}, {@code remove} and
 * {@code appendItem} either throw a {@link YamlEditException}, or give a text that parses without
 * problems to exactly the expected value, with every line outside the edited entry unchanged.
 * Budget: see {@link FuzzBudget}.
 */
@AddLifecycleHook(FuzzBudget.class)
class YamlEditorPropertyTest {

    enum Op { SET, REMOVE, APPEND }

    @Property(tries = 3000, seed = "20251129")
    void editsOfGeneratedDocuments(@ForAll("documents") YamlFuzz.Doc doc, @ForAll Op op, @ForAll long choice,
            @ForAll("fragments") Object value) {
        check(doc.text(), doc.toString(), op, choice, value);
    }

    @Property(tries = 1200, seed = "20251129", shrinking = ShrinkingMode.OFF)
    void editsOfRealFiles(@ForAll("validCorpusFiles") YamlFuzz.CorpusFile file, @ForAll Op op, @ForAll long choice,
            @ForAll("fragments") Object value) {
        check(file.text(), file.toString(), op, choice, value);
    }

    private static void check(String text, String what, Op op, long choice, Object value) {
        ParsedYaml doc = YamlParser.parse(text);
        Assume.that(doc.problems().isEmpty() && doc.root() instanceof YamlMapping);
        Random r = new Random(choice);
        List<Object> path = pickPath(doc, r, op);
        String fragment = r.nextBoolean() ? YamlEditor.renderBlock(value) : YamlFuzz.doubleQuoted(String.valueOf(value));
        Object fragmentValue = YamlParser.parse(fragment).root() == null ? null : YamlParser.parse(fragment).root().toJava();
        String context = op + " " + path + " [" + fragment + "] on " + what + ":\n" + text;
        List<TextEdit> edits;
        try {
            edits = switch (op) {
                case SET -> YamlEditor.setValue(doc, strings(path), fragment);
                case REMOVE -> YamlEditor.remove(doc, path);
                case APPEND -> YamlEditor.appendItem(doc, strings(path), fragment);
            };
        } catch (YamlEditException e) {
            Statistics.label("outcome").collect("refused");
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), context);
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("not a YamlEditException: " + e + "\n" + context, e);
        }
        Statistics.label("outcome").collect(edits.isEmpty() ? "no change" : "edited");
        String after = doc.lines().apply(edits);
        ParsedYaml re = YamlParser.parse(after);
        assertEquals(List.of(), re.problems(), () -> context + "\n=>\n" + after);
        Object expected = expected(doc.root().toJava(), op, path, fragmentValue);
        assertEquals(expected, re.root() == null ? null : re.root().toJava(), () -> context + "\n=>\n" + after);
        assertOtherLinesUnchanged(doc, path, op, edits, after, context);
        if (text.startsWith("\uFEFF")) {
            assertTrue(after.startsWith("\uFEFF") && after.indexOf('\uFEFF', 1) < 0, () -> "BOM moved: " + context);
        }
    }

    private static List<String> strings(List<Object> path) {
        List<String> out = new ArrayList<>();
        for (Object o : path) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    /**
     * A path to edit: mostly one that exists (mapping keys, for remove also sequence indexes),
     * sometimes with a new key at the end or in the middle.
     */
    private static List<Object> pickPath(ParsedYaml doc, Random r, Op op) {
        List<Object> path = new ArrayList<>();
        YamlNode node = doc.root();
        while (true) {
            if (node instanceof YamlMapping m && !m.entries().isEmpty() && (path.isEmpty() || r.nextInt(3) > 0)) {
                YamlEntry e = m.entries().get(r.nextInt(m.entries().size()));
                if (e.keyText() == null) {
                    break;
                }
                path.add(e.keyText());
                node = e.value();
            } else if (op == Op.REMOVE && node instanceof YamlSequence s && !s.items().isEmpty() && r.nextBoolean()) {
                path.add(r.nextInt(s.items().size() + 1));
                node = path.get(path.size() - 1) instanceof Integer i && i < s.items().size() ? s.items().get(i) : null;
            } else {
                break;
            }
        }
        int extra = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0;
        for (int i = 0; i < extra; i++) {
            path.add(YamlFuzz.WORDS.get(r.nextInt(YamlFuzz.WORDS.size())));
        }
        if (path.isEmpty() || (op != Op.REMOVE && path.get(path.size() - 1) instanceof Integer)) {
            path.add("new");
        }
        return path;
    }

    /** The document's value after the edit, computed on plain Java values. */
    @SuppressWarnings("unchecked")
    private static Object expected(Object root, Op op, List<Object> path, Object value) {
        Object parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            if (step instanceof Integer n && n >= ((List<Object>) parent).size()) {
                return root; // removing below an item that is not there
            }
            Object next = step instanceof Integer n ? ((List<Object>) parent).get(n) : ((Map<String, Object>) parent).get(step);
            if (op != Op.REMOVE && !(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                ((Map<String, Object>) parent).put((String) step, next);
            }
            if (next == null || (!(next instanceof Map) && !(next instanceof List))) {
                return root; // removing below something that is not there: nothing changes
            }
            if (next instanceof List && !(path.get(i + 1) instanceof Integer)
                    || next instanceof Map && path.get(i + 1) instanceof Integer) {
                return root;
            }
            parent = next;
        }
        Object last = path.get(path.size() - 1);
        switch (op) {
            case SET -> ((Map<String, Object>) parent).put((String) last, value);
            case REMOVE -> {
                if (last instanceof Integer n) {
                    List<Object> l = (List<Object>) parent;
                    if (n < l.size()) {
                        l.remove((int) n);
                    }
                } else {
                    ((Map<String, Object>) parent).remove(last);
                }
            }
            case APPEND -> {
                Map<String, Object> m = (Map<String, Object>) parent;
                List<Object> items = m.get(last) instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
                items.add(value);
                m.put((String) last, items);
            }
            default -> fail();
        }
        return root;
    }

    /**
     * The edits touch only lines of the edited entry (with the comments right above it and the key line
     * of its parent), or, for a new key, lines of the mapping that receives it: every other line of the
     * text stays byte-identical. Whole lines inserted between lines touch none.
     */
    private static void assertOtherLinesUnchanged(ParsedYaml doc, List<Object> path, Op op, List<TextEdit> edits,
            String after, String context) {
        int[] region = region(doc, path, op);
        for (TextEdit e : edits) {
            int first = e.range().start().line();
            int last = e.range().end().line();
            boolean empty = e.range().start().equals(e.range().end());
            String t = e.newText();
            if (empty && ((e.range().start().column() == 0 && (t.endsWith("\n") || t.endsWith("\r")))
                    || (e.range().start().column() == doc.lines().line(first).length() && !t.isEmpty()
                            && (t.startsWith("\n") || t.startsWith("\r"))))) {
                continue; // whole lines inserted
            }
            if (!empty && e.range().end().column() == 0 && last > first) {
                last--; // up to the start of a line: that line is not touched
            }
            if (!empty && last > first && e.range().start().column() >= doc.lines().line(first).length()) {
                first++; // from the end of a line (its line break, at the end of the file): its text stays
            }
            int f = first;
            int l = last;
            assertTrue(f >= region[0] && l <= region[1], () -> "lines " + (f + 1) + "-" + (l + 1) + " edited ("
                    + e + "), outside lines " + (region[0] + 1) + "-" + (region[1] + 1) + " of the edit: " + context
                    + "\n=>\n" + after);
        }
    }

    /** First and last line (zero-based) an edit of {@code path} may change. */
    private static int[] region(ParsedYaml doc, List<Object> path, Op op) {
        YamlNode node = doc.root();
        YamlNode parentKey = null;
        YamlNode entryStart = null;
        YamlNode entryEnd = null;
        for (Object step : path) {
            YamlNode next = null;
            YamlNode start = null;
            if (node instanceof YamlMapping m && step instanceof String k && m.entry(k) != null) {
                next = m.entry(k).value();
                start = m.entry(k).key();
            } else if (node instanceof YamlSequence s && step instanceof Integer i && i < s.items().size()) {
                next = s.items().get(i);
                start = next;
            }
            if (next == null) {
                break;
            }
            parentKey = entryStart;
            entryStart = start;
            entryEnd = next;
            node = next;
        }
        if (entryStart == null) {
            return new int[] {doc.root().range().start().line(), doc.root().range().end().line() + 1};
        }
        int from = entryStart.range().start().line();
        while (from > 0 && doc.lines().line(from - 1).replace("\uFEFF", "").trim().startsWith("#")) {
            from--;
        }
        if (parentKey != null) {
            from = Math.min(from, parentKey.range().start().line());
        }
        int to = Math.max(entryEnd.range().end().line(), entryStart.range().end().line());
        // comment lines below the entry and indented deeper than its key belong to it
        int keyColumn = entryStart.range().start().column();
        for (int l = to + 1; l < doc.lines().lineCount(); l++) {
            String line = doc.lines().line(l);
            if (line.isBlank()) {
                continue;
            }
            if (line.strip().startsWith("#") && line.length() - line.stripLeading().length() > keyColumn) {
                to = l;
                continue;
            }
            break;
        }
        to++;
        // removing the first key of a compact sequence item ("- name: x") moves the next key up onto the
        // dash line, and the comment lines between the two up above it
        if (op == Op.REMOVE && entryStart.parent() instanceof YamlMapping m && m.parent() instanceof YamlSequence
                && m.entries().size() > 1 && m.entries().get(0).key() == entryStart) {
            to = Math.max(to, m.entries().get(1).key().range().start().line());
        }
        return new int[] {from, to};
    }

    @Provide
    Arbitrary<YamlFuzz.Doc> documents() {
        return YamlFuzz.documents();
    }

    @Provide
    Arbitrary<Object> fragments() {
        return YamlFuzz.values(2);
    }

    @Provide
    Arbitrary<YamlFuzz.CorpusFile> validCorpusFiles() {
        List<YamlFuzz.CorpusFile> valid = YamlFuzz.corpus().stream()
                .filter(f -> YamlParser.parse(f.text()).problems().isEmpty()).toList();
        Assume.that(!valid.isEmpty());
        return Arbitraries.of(valid);
    }
}
