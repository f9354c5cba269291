package dev.mx.engine.yaml;

import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser never throws, never hangs and never overflows the stack, whatever the input. */
class YamlParserLimitsTest {
    private static final Duration NO_HANG = Duration.ofSeconds(20);

    static String billionLaughs() {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(p);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }

    @Test
    void billionLaughsIsALimitProblemAndToJavaStopsEarly() {
        ParsedYaml y = assertTimeoutPreemptively(NO_HANG, () -> YamlParser.parse(billionLaughs()));
        assertTrue(y.problems().stream().anyMatch(p -> p.kind() == YamlProblem.Kind.LIMIT
                && p.message().contains("more than 50 aliases")), () -> y.problems().toString());
        YamlLimitException e = assertTimeoutPreemptively(NO_HANG,
                () -> assertThrows(YamlLimitException.class, () -> y.root().toJava()));
        assertTrue(e.getMessage().contains("100000"), e.getMessage());
        // small parts still convert, as copies of the anchored value
        List<?> c = (List<?>) y.find(List.of("c")).toJava();
        List<String> a = java.util.Collections.nCopies(9, "lol");
        assertEquals(java.util.Collections.nCopies(9, java.util.Collections.nCopies(9, a)), c);
    }

    @Test
    void billionLaughsWithAHighAliasLimitStillHitsTheExpansionBudget() {
        ParsedYaml y = YamlParser.parse(billionLaughs(), YamlLimits.DEFAULT.withMaxAliases(1000));
        assertEquals(List.of(), y.problems());
        YamlAliasNode alias = (YamlAliasNode) y.find(List.of("i", 0));
        assertTrue(alias.target() == y.find(List.of("h")), "the alias points at the anchored node, not a copy");
        assertTimeoutPreemptively(NO_HANG, () -> assertThrows(YamlLimitException.class, () -> y.root().toJava()));
    }

    private static int depthOfFirstChildren(YamlNode n) {
        int depth = 0;
        while (n != null) {
            depth++;
            if (n instanceof YamlSequence s && !s.items().isEmpty()) {
                n = s.items().get(0);
            } else if (n instanceof YamlMapping m && !m.entries().isEmpty()) {
                YamlEntry e = m.entries().get(0);
                n = e.key() instanceof YamlScalar && !(e.value() instanceof YamlScalar) ? e.value() : e.key();
            } else {
                n = null;
            }
        }
        return depth;
    }

    private static void assertNestingLimit(String text) {
        ParsedYaml y = assertTimeoutPreemptively(NO_HANG, () -> YamlParser.parse(text));
        assertTrue(y.problems().stream().anyMatch(p -> p.kind() == YamlProblem.Kind.LIMIT
                && p.message().contains("nesting deeper than 1000")), () -> y.problems().toString());
        assertNotNull(y.root());
        int depth = depthOfFirstChildren(y.root());
        assertTrue(depth >= 1000 && depth <= 1001, "depth " + depth);
        y.root().toJava();
        assertFalse(y.nodePathAt(new Position(0, 0)).isEmpty());
    }

    @Test
    void twentyThousandNestedFlowSequences() {
        assertNestingLimit("[".repeat(20_000));
    }

    @Test
    void twentyThousandNestedFlowMappings() {
        assertNestingLimit("{".repeat(20_000));
    }

    @Test
    void twentyThousandNestedBlockMappings() {
        assertNestingLimit("? ".repeat(20_000) + "x\n");
    }

    @Test
    void twentyThousandNestedBlockSequences() {
        assertNestingLimit("- ".repeat(20_000) + "x\n");
    }

    @Test
    void indentedBlockMappingsBeyondTheLimit() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1_500; i++) {
            sb.append(" ".repeat(i)).append("k:\n");
        }
        ParsedYaml y = YamlParser.parse(sb.toString());
        YamlProblem limit = y.problems().stream().filter(p -> p.kind() == YamlProblem.Kind.LIMIT).findFirst().orElseThrow();
        assertEquals(new Position(1000, 1000), limit.range().start());
        YamlNode deepest = y.find(java.util.Collections.nCopies(999, "k"));
        assertNotNull(deepest);
        assertEquals(999, deepest.range().start().line());
    }

    @Test
    void deepTreesWithinARaisedLimitConvertAndQueryWithoutRecursion() {
        int n = 20_000;
        ParsedYaml y = YamlParser.parse("- ".repeat(n) + "x\n", YamlLimits.DEFAULT.withMaxNestingDepth(n + 10));
        assertEquals(List.of(), y.problems());
        Object v = y.root().toJava();
        int depth = 0;
        while (v instanceof List<?> l) {
            depth++;
            v = l.get(0);
        }
        assertEquals(n, depth);
        assertEquals("x", v);
        List<YamlNode> path = y.nodePathAt(new Position(0, 2 * n));
        assertEquals(n + 1, path.size());
        assertEquals(Range.of(0, 2 * n, 0, 2 * n + 1), path.get(n).range());
        assertNull(y.find(List.of(1)));
        assertEquals("x", ((YamlScalar) y.find(java.util.Collections.nCopies(n, 0))).value());
    }

    @Test
    void deeplyNestedComplexKeysConvertWithoutRecursion() {
        int n = 20_000;
        ParsedYaml y = YamlParser.parse("? ".repeat(n) + "x\n", YamlLimits.DEFAULT.withMaxNestingDepth(n + 10));
        assertEquals(List.of(), y.problems());
        java.util.Map<?, ?> m = (java.util.Map<?, ?>) y.root().toJava();
        String key = (String) m.keySet().iterator().next();
        assertTrue(key.startsWith("{{{{") && key.endsWith("..."), key.substring(0, 20));
        assertEquals(JavaConverter.MAX_KEY_CHARS + 3, key.length());
        java.util.Map<?, ?> small = (java.util.Map<?, ?>) YamlParser.parse("? ? ? x\n").root().toJava();
        assertEquals(java.util.Set.of("{{x=null}=null}"), small.keySet());
    }

    @Test
    void randomBytesNeverThrow() {
        Random r = new Random(20240601L);
        for (int i = 0; i < 40; i++) {
            byte[] bytes = new byte[1 + r.nextInt(4096)];
            r.nextBytes(bytes);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            ParsedYaml y = YamlParser.parse(text);
            assertNotNull(y);
            assertSane(y);
        }
    }

    @Test
    void yamlLikeGarbageNeverThrowsAndKeepsRangesInsideTheText() {
        String alphabet = "ab:- \n\n  [ ] { } , & * ! | > ' \" # ? % @ ` \t\r\n 😀 \uFEFF 1 ~ : - ";
        Random r = new Random(42L);
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(300);
            for (int k = 0; k < len; k++) {
                int at = r.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                if (Character.isHighSurrogate(c)) {
                    sb.append(c).append(alphabet.charAt(at + 1));
                } else if (!Character.isLowSurrogate(c)) {
                    sb.append(c);
                }
            }
            ParsedYaml y = assertTimeoutPreemptively(NO_HANG, () -> YamlParser.parse(sb.toString()));
            assertSane(y);
        }
    }

    /** Every range is ordered and inside the text; queries and conversions do not fail unexpectedly. */
    static void assertSane(ParsedYaml y) {
        Position end = y.lines().position(y.text().length());
        Deque<YamlNode> todo = new ArrayDeque<>();
        for (YamlDocument d : y.documents()) {
            assertInside(d.range(), end);
            if (d.root() != null) {
                todo.add(d.root());
            }
        }
        while (!todo.isEmpty()) {
            YamlNode n = todo.pop();
            assertInside(n.range(), end);
            if (n instanceof YamlMapping m) {
                for (YamlEntry e : m.entries()) {
                    todo.push(e.key());
                    todo.push(e.value());
                }
            } else if (n instanceof YamlSequence s) {
                s.items().forEach(todo::push);
            }
        }
        for (YamlProblem p : y.problems()) {
            assertInside(p.range(), end);
            YamlParserPositionTest.assertMessageIsForPeople(p.message());
        }
        try {
            if (y.root() != null) {
                y.root().toJava();
            }
        } catch (YamlLimitException expected) {
            // aliases in garbage may expand too far; that is the documented outcome
        }
        y.nodePathAt(new Position(0, 0));
        y.nodePathAt(end);
    }

    private static void assertInside(Range r, Position end) {
        assertTrue(r.start().compareTo(r.end()) <= 0 && r.end().compareTo(end) <= 0, () -> "range " + r + " end " + end);
    }

    @Test
    void aQuarterMillionLineFileParses() {
        int deployments = 50_000;
        StringBuilder sb = new StringBuilder(16 * 1024 * 1024);
        sb.append("version: v2beta1\nname: big\ndeployments:\n");
        for (int i = 0; i < deployments; i++) {
            sb.append("  app-").append(i).append(":\n    helm:\n      chart:\n        name: chart-").append(i)
                    .append("\n        version: \"1.").append(i).append("\"\n");
        }
        String text = sb.toString();
        ParsedYaml y = YamlParser.parse(text);
        assertEquals(250_004, y.lines().lineCount());
        assertEquals(List.of(), y.problems());
        YamlNode last = y.find(List.of("deployments", "app-49999", "helm", "chart", "version"));
        assertEquals("1.49999", ((YamlScalar) last).value());
        assertEquals(250_002, last.range().start().line());
        assertEquals(deployments, ((YamlMapping) y.find(List.of("deployments"))).entries().size());
        List<YamlNode> path = y.nodePathAt(new Position(250_001, 15));
        assertEquals("chart-49999", ((YamlScalar) path.get(path.size() - 1)).value());
    }

    @Test
    void textsLongerThanTheCodePointLimitAreCutAtALine() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            sb.append(String.format("k%02d: v\n", i));
        }
        ParsedYaml y = YamlParser.parse(sb.toString(), YamlLimits.DEFAULT.withMaxCodePoints(300));
        YamlProblem p = y.problems().stream().filter(x -> x.kind() == YamlProblem.Kind.LIMIT).findFirst().orElseThrow();
        // 7 characters a line: 42 whole lines fit in 300 code points
        assertEquals(new Position(42, 0), p.range().start());
        assertEquals(Range.of(42, 0, 100, 0), p.range());
        assertEquals(42, ((YamlMapping) y.root()).entries().size());
        assertEquals("v", ((YamlScalar) y.find(List.of("k41"))).value());
        assertNull(y.find(List.of("k42")));
    }

    @Test
    void documentsBeyondTheLimitAreIgnored() {
        ParsedYaml y = YamlParser.parse("---\na: 1\n".repeat(5), YamlLimits.DEFAULT.withMaxDocuments(3));
        assertEquals(3, y.documents().size());
        assertEquals(1, y.problems().size());
        assertEquals(YamlProblem.Kind.LIMIT, y.problems().get(0).kind());
        assertEquals(6, y.problems().get(0).range().start().line());
    }

    @Test
    void oddInputsDoNotThrow() {
        for (String s : new String[] {null, "", "\n", "\uFEFF", "\r\r\r", "%YAML 1.1\n%YAML 1.2\n---\n", "!<!> x",
                "&a &b x", "? - a\n", "\u0085\u2028\u2029", "a: \"\\x\"", "--- |\n\tx", "*", "&", "!", "[", "]",
                "{]", "'", "\"", "a:\n  - b\n c", "\uD83D", "\uDE00a: 1"}) {
            ParsedYaml y = YamlParser.parse(s);
            assertNotNull(y);
            assertSane(y);
        }
    }
}
