package dev.mx.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.text.Position;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Properties of the positioned YAML model: a valid document in any style parses to its value with
 * every node where its text is; any text at all (real files mutated, YAML-like garbage) parses
 * without throwing or hanging, with every range inside the text. Budget: see {@link FuzzBudget}.
 */
@AddLifecycleHook(FuzzBudget.class)
class YamlParserPropertyTest {
    private static final Duration NO_HANG = Duration.ofSeconds(10);

    @Property(tries = 3000, seed = "20251129")
    void validDocumentsParseToTheirValue(@ForAll("documents") YamlFuzz.Doc doc) {
        ParsedYaml y = YamlParser.parse(doc.text());
        assertEquals(List.of(), y.problems(), doc::toString);
        assertEquals(doc.value(), y.root().toJava(), doc::toString);
        YamlParserLimitsTest.assertSane(y);
        assertNodesAreWhereTheirTextIs(y, doc);
    }

    /**
     * Every scalar and flow collection's range holds exactly its source: parsed on its own it gives
     * the same value. Every mapping key is what {@link ParsedYaml#nodePathAt} finds at its start.
     */
    private static void assertNodesAreWhereTheirTextIs(ParsedYaml y, YamlFuzz.Doc doc) {
        Deque<YamlNode> todo = new ArrayDeque<>();
        todo.push(y.root());
        while (!todo.isEmpty()) {
            YamlNode n = todo.pop();
            boolean flow = (n instanceof YamlMapping m && m.flow()) || (n instanceof YamlSequence s && s.flow());
            if (n instanceof YamlScalar || flow) {
                String source = y.textOf(n.range());
                ParsedYaml alone = YamlParser.parse(source);
                assertEquals(List.of(), alone.problems(), () -> "range " + n.range() + " holds [" + source + "]\n" + doc);
                Object value = alone.root() == null ? null : alone.root().toJava();
                assertEquals(n.toJava(), value, () -> "range " + n.range() + " holds [" + source + "]\n" + doc);
            }
            if (n instanceof YamlMapping m) {
                for (YamlEntry e : m.entries()) {
                    List<YamlNode> at = y.nodePathAt(e.key().range().start());
                    assertTrue(!at.isEmpty() && at.get(at.size() - 1) == e.key(),
                            () -> "nodePathAt(" + e.key().range().start() + ") misses key " + e.keyText() + "\n" + doc);
                    todo.push(e.key());
                    todo.push(e.value());
                }
            } else if (n instanceof YamlSequence s) {
                s.items().forEach(todo::push);
            }
        }
    }

    @Property(tries = 2000, seed = "20251129", shrinking = ShrinkingMode.OFF)
    void mutatedCorpusFilesParseWithoutThrowing(@ForAll("corpusFiles") YamlFuzz.CorpusFile file,
            @ForAll long seed) {
        String text = YamlFuzz.mutate(file.text(), seed);
        ParsedYaml y = assertTimeoutPreemptively(NO_HANG, () -> YamlParser.parse(text), () -> file + " seed " + seed);
        YamlParserLimitsTest.assertSane(y);
        assertEquals(text, y.text());
        Position end = y.lines().position(text.length());
        for (int i = 0; i < 20; i++) {
            // any position, even past the end, is a valid query
            y.nodePathAt(new Position((int) ((seed >>> i) & 0xFFF) % (end.line() + 2), i * 7));
        }
    }

    @Property(tries = 3000, seed = "20251129")
    void yamlLikeGarbageParsesWithoutThrowing(@ForAll("garbage") String text) {
        ParsedYaml y = assertTimeoutPreemptively(NO_HANG, () -> YamlParser.parse(text));
        YamlParserLimitsTest.assertSane(y);
    }

    @Property(tries = 600, seed = "20251129")
    void mutatedGeneratedDocumentsParseWithoutThrowing(@ForAll("documents") YamlFuzz.Doc doc, @ForAll long seed) {
        String text = YamlFuzz.mutate(doc.text(), seed);
        ParsedYaml y = assertTimeoutPreemptively(NO_HANG, () -> YamlParser.parse(text));
        YamlParserLimitsTest.assertSane(y);
    }

    @Provide
    Arbitrary<YamlFuzz.Doc> documents() {
        return YamlFuzz.documents();
    }

    @Provide
    Arbitrary<YamlFuzz.CorpusFile> corpusFiles() {
        List<YamlFuzz.CorpusFile> files = YamlFuzz.corpus();
        Assume.that(!files.isEmpty());
        return Arbitraries.of(files);
    }

    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> tokens = Arbitraries.of("a", "key", ":", ": ", "- ", "-", " ", "  ", "\t", "\n", "\r\n", "\r",
                "[", "]", "{", "}", ",", "&a ", "*a", "!t ", "!!str ", "|", ">-", "|2", "'", "\"", "#", "? ", "%YAML 1.2",
                "---", "...", "<<: ", "\\", "😀", "\uD83D", "\uFEFF", "\u0000", "\u0085", "1", "~", "null", "@", "`");
        return tokens.list().ofMaxSize(60).map(l -> String.join("", l));
    }
}
