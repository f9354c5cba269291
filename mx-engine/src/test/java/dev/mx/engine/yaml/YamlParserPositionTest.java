package dev.mx.engine.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.mx.engine.yaml.YamlTestSupport.node;
import static dev.mx.engine.yaml.YamlTestSupport.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Positions of keys and values, as zero-based {@code line:col-line:col} with UTF-16 columns,
 * for valid and broken YAML.
 */
class YamlParserPositionTest {

    /** Where a node is expected: the path, the key's span (null: not a mapping value), the value's span and text. */
    record Expect(List<Object> path, String keySpan, String valueSpan, String valueText) {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    static Expect at(String keySpan, String valueSpan, String valueText, Object... path) {
        return new Expect(Arrays.asList(path), keySpan, valueSpan, valueText);
    }

    record ValidCase(String name, String text, List<Expect> expects) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ValidCase> valid() {
        return Stream.of(
                new ValidCase("block", "a: 1\nb: two\n", List.of(
                        at("0:0-0:1", "0:3-0:4", "1", "a"),
                        at("1:0-1:1", "1:3-1:6", "two", "b"))),
                new ValidCase("nested block", "a:\n  b:\n    c: x\n", List.of(
                        at("2:4-2:5", "2:7-2:8", "x", "a", "b", "c"),
                        at("1:2-1:3", "2:4-2:8", "c: x", "a", "b"),
                        at("0:0-0:1", "1:2-2:8", "b:\n    c: x", "a"))),
                new ValidCase("flow", "m: {x: 1, y: [a, b]}\n", List.of(
                        at("0:0-0:1", "0:3-0:20", "{x: 1, y: [a, b]}", "m"),
                        at("0:10-0:11", "0:13-0:19", "[a, b]", "m", "y"),
                        at(null, "0:17-0:18", "b", "m", "y", 1))),
                new ValidCase("single quoted", "s: 'it''s'\n", List.of(
                        at("0:0-0:1", "0:3-0:10", "'it''s'", "s"))),
                new ValidCase("double quoted", "d: \"a\\tb\"\n", List.of(
                        at("0:0-0:1", "0:3-0:9", "\"a\\tb\"", "d"))),
                new ValidCase("quoted key", "\"k y\": 1\n", List.of(
                        at("0:0-0:5", "0:7-0:8", "1", "k y"))),
                new ValidCase("literal block ends at its last text", "run: |\n  echo 1\n  echo 2\n\nnext: x\n", List.of(
                        at("0:0-0:3", "0:5-2:8", "|\n  echo 1\n  echo 2", "run"),
                        at("4:0-4:4", "4:6-4:7", "x", "next"))),
                new ValidCase("folded keep", "f: >+\n  a\n  b\n\nn: 1\n", List.of(
                        at("0:0-0:1", "0:3-2:3", ">+\n  a\n  b", "f"),
                        at("4:0-4:1", "4:3-4:4", "1", "n"))),
                new ValidCase("multi-line plain", "p: one\n  two\nq: 3\n", List.of(
                        at("0:0-0:1", "0:3-1:5", "one\n  two", "p"),
                        at("2:0-2:1", "2:3-2:4", "3", "q"))),
                new ValidCase("comment after value", "a: 1 # c\nb: 2\n", List.of(
                        at("0:0-0:1", "0:3-0:4", "1", "a"))),
                new ValidCase("crlf", "a: 1\r\nb:\r\n  c: z\r\n", List.of(
                        at("0:0-0:1", "0:3-0:4", "1", "a"),
                        at("2:2-2:3", "2:5-2:6", "z", "b", "c"))),
                new ValidCase("bom", "\uFEFFa: 1\nb: 2\n", List.of(
                        at("0:1-0:2", "0:4-0:5", "1", "a"),
                        at("1:0-1:1", "1:3-1:4", "2", "b"))),
                new ValidCase("emoji value", "e: 😀😀 x\nf: 1\n", List.of(
                        at("0:0-0:1", "0:3-0:9", "😀😀 x", "e"),
                        at("1:0-1:1", "1:3-1:4", "1", "f"))),
                new ValidCase("emoji key", "😀: v\nw: 1\n", List.of(
                        at("0:0-0:2", "0:4-0:5", "v", "😀"),
                        at("1:0-1:1", "1:3-1:4", "1", "w"))),
                new ValidCase("emoji in flow", "l: [😀, b]\n", List.of(
                        at(null, "0:4-0:6", "😀", "l", 0),
                        at(null, "0:8-0:9", "b", "l", 1))),
                new ValidCase("emoji with crlf and bom", "\uFEFFx: \"😀\"\r\ny: [😀😀, z]\r\n", List.of(
                        at("0:1-0:2", "0:4-0:8", "\"😀\"", "x"),
                        at(null, "1:10-1:11", "z", "y", 1))),
                new ValidCase("missing value is right after the colon", "a:\nb: 1\nc:   \n", List.of(
                        at("0:0-0:1", "0:2-0:2", "", "a"),
                        at("2:0-2:1", "2:2-2:2", "", "c"))),
                new ValidCase("sequence of mappings", "- x\n- y: 1\n  z: 2\n", List.of(
                        at(null, "0:2-0:3", "x", 0),
                        at(null, "1:2-2:6", "y: 1\n  z: 2", 1),
                        at("2:2-2:3", "2:5-2:6", "2", 1, "z"))),
                new ValidCase("indentless sequence", "k:\n- a\n- b\n", List.of(
                        at("0:0-0:1", "1:0-2:3", "- a\n- b", "k"),
                        at(null, "2:2-2:3", "b", "k", 1))),
                new ValidCase("anchor and alias", "a: &x 1\nb: *x\n", List.of(
                        at("0:0-0:1", "0:3-0:7", "&x 1", "a"),
                        at("1:0-1:1", "1:3-1:5", "*x", "b"))),
                new ValidCase("document markers", "---\na: 1\n...\n", List.of(
                        at("1:0-1:1", "1:3-1:4", "1", "a"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validYamlHasExactPositions(ValidCase c) {
        ParsedYaml y = YamlParser.parse(c.text());
        assertEquals(List.of(), y.problems(), "problems");
        for (Expect e : c.expects()) {
            check(y, e);
        }
    }

    private static void check(ParsedYaml y, Expect e) {
        YamlNode v = node(y, e.path().toArray());
        assertEquals(e.valueSpan(), span(v.range()), () -> "value span of " + e);
        assertEquals(e.valueText(), y.textOf(v.range()), () -> "value text of " + e);
        if (e.keySpan() != null) {
            YamlMapping parent = (YamlMapping) v.parent();
            YamlEntry entry = parent.entry((String) e.path().get(e.path().size() - 1));
            assertEquals(e.keySpan(), span(entry.key().range()), () -> "key span of " + e);
        }
    }

    record BrokenCase(String name, String text, String problemSpan, String message, List<Expect> expects) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BrokenCase> broken() {
        return Stream.of(
                new BrokenCase("bare word inside a mapping", "a: 1\nsyn\nb:\n  c: 2\n", "1:0-1:3", "':'", List.of(
                        at("0:0-0:1", "0:3-0:4", "1", "a"),
                        at("3:2-3:3", "3:5-3:6", "2", "b", "c"))),
                new BrokenCase("bare word typed in a nested devspace section",
                        "deployments:\n  app:\n    helm: x\n  syn\n  other:\n    kubectl: y\ndev: 1\n", "3:2-3:5", "':'",
                        List.of(
                                at("2:4-2:8", "2:10-2:11", "x", "deployments", "app", "helm"),
                                at("5:4-5:11", "5:13-5:14", "y", "deployments", "other", "kubectl"),
                                at("6:0-6:3", "6:5-6:6", "1", "dev"))),
                new BrokenCase("unclosed flow sequence", "image: [\nname: x\nports:\n  - 80\n", "0:7-0:8", "not closed",
                        List.of(
                                at("0:0-0:5", "0:6-0:6", "", "image"),
                                at("1:0-1:4", "1:6-1:7", "x", "name"),
                                at(null, "3:4-3:6", "80", "ports", 0))),
                new BrokenCase("unclosed flow mapping", "a: {x: 1\nb: 2\n", "0:3-0:8", "not closed", List.of(
                        at("1:0-1:1", "1:3-1:4", "2", "b"))),
                new BrokenCase("bad indentation", "a:\n  b: 1\n c: 2\nd: 3\n", "2:1-2:5", "indentation", List.of(
                        at("1:2-1:3", "1:5-1:6", "1", "a", "b"),
                        at("3:0-3:1", "3:3-3:4", "3", "d"))),
                new BrokenCase("tab indentation", "a:\n\tb: 1\nc: 3\n", "1:0-1:5", "tabs are not allowed for indentation",
                        List.of(at("2:0-2:1", "2:3-2:4", "3", "c"))),
                new BrokenCase("unclosed quote", "k: 'abc\nnext: 1\n", "0:3-0:7", "quoted string is not closed", List.of(
                        at("0:0-0:1", "0:2-0:2", "", "k"),
                        at("1:0-1:4", "1:6-1:7", "1", "next"))),
                new BrokenCase("two colons", "a: b: c\nd: 1\n", "0:4-0:7", "mapping values are not allowed here",
                        List.of(at("1:0-1:1", "1:3-1:4", "1", "d"))),
                new BrokenCase("bare word with crlf", "a: 1\r\nsyn\r\nb: 2\r\n", "1:0-1:3", "':'", List.of(
                        at("2:0-2:1", "2:3-2:4", "2", "b"))),
                new BrokenCase("bare word with emoji", "a: 😀\nsyn😀\nb: 😀z\n", "1:0-1:5", "':'", List.of(
                        at("0:0-0:1", "0:3-0:5", "😀", "a"),
                        at("2:0-2:1", "2:3-2:6", "😀z", "b"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenYamlReportsTheLineAndKeepsTheRest(BrokenCase c) {
        ParsedYaml y = YamlParser.parse(c.text());
        List<YamlProblem> syntax = y.problems().stream().filter(p -> p.kind() == YamlProblem.Kind.SYNTAX).toList();
        assertEquals(1, syntax.size(), () -> "syntax problems: " + y.problems());
        YamlProblem p = syntax.get(0);
        assertEquals(c.problemSpan(), span(p.range()), () -> "problem span: " + p);
        assertTrue(p.message().contains(c.message()), () -> "message: " + p.message());
        assertMessageIsForPeople(p.message());
        for (Expect e : c.expects()) {
            check(y, e);
        }
    }

    /** One line, no Java or parser internals (class names, token names, character codes). */
    static void assertMessageIsForPeople(String message) {
        // names quoted from the file (a key, an alias) may hold any character: judge the rest
        String m = message.replaceAll("\\*\\S+", "*name").replaceAll("'[^']*'", "'text'");
        assertTrue(!message.isBlank() && !message.contains("\n") && !message.contains("\r") && message.length() < 200
                && !m.contains("Exception")
                && !m.contains("org.") && !m.contains("snakeyaml") && !m.contains("java.") && m.length() < 200
                && !m.contains("<") && !m.matches(".*\\(\\d+\\).*") && !m.contains("node content")
                && !m.contains("(TAB)") && !m.contains("null"), () -> "message: " + message);
    }

    @Test
    void duplicateKeysAreReportedAtTheSecondKeyAndTheFirstWins() {
        ParsedYaml y = YamlParser.parse("version: v2beta1\n\ndeployments:\n  a: 1\nname: x\ndeployments:\n  b: 2\n");
        assertEquals(1, y.problems().size(), () -> y.problems().toString());
        YamlProblem p = y.problems().get(0);
        assertEquals(YamlProblem.Kind.DUPLICATE_KEY, p.kind());
        assertEquals("5:0-5:11", span(p.range()));
        assertEquals("duplicate key 'deployments' (first defined on line 3)", p.message());
        YamlMapping root = (YamlMapping) y.root();
        assertEquals(4, root.entries().size());
        assertEquals(java.util.Map.of("a", 1L), root.get("deployments").toJava());
        assertEquals(2, root.entry("deployments").key().range().start().line());
    }

    @Test
    void afterTwentyRecoveriesThePartialTreeKeepsEverythingBeforeTheLastError() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            sb.append("k").append(i).append(": ").append(i).append('\n').append("bad").append(i).append('\n');
        }
        ParsedYaml y = YamlParser.parse(sb.toString());
        List<YamlProblem> syntax = y.problems().stream().filter(p -> p.kind() == YamlProblem.Kind.SYNTAX).toList();
        assertEquals(YamlParser.MAX_RECOVERIES + 1, syntax.size());
        for (int i = 0; i <= YamlParser.MAX_RECOVERIES; i++) {
            assertEquals(2 * i + 1, syntax.get(i).range().start().line());
            YamlNode v = node(y, "k" + i);
            assertEquals((long) i, v.toJava());
            assertEquals(2 * i, v.range().start().line());
        }
        assertNull(y.find(List.of("k" + (YamlParser.MAX_RECOVERIES + 1))));
        assertEquals(y.root().range().end(), node(y, "k" + YamlParser.MAX_RECOVERIES).range().end());
    }

    @Test
    void encodingProblemsAreReportedAndTheCharacterIsIgnored() {
        ParsedYaml y = YamlParser.parse("a: x\u0007y\nb: \uD800\nc: 3\n");
        List<String> encoding = y.problems().stream().filter(p -> p.kind() == YamlProblem.Kind.ENCODING)
                .map(p -> span(p.range()) + " " + p.message()).collect(Collectors.toList());
        assertEquals(List.of("0:4-0:5 control character U+0007 is not allowed in YAML",
                "1:3-1:4 unpaired surrogate U+D800 is not allowed in YAML"), encoding);
        assertEquals(3L, node(y, "c").toJava());
        assertEquals("2:3-2:4", span(node(y, "c").range()));
    }

    @Test
    void undefinedAndRecursiveAliasesAreProblemsWithoutTargets() {
        ParsedYaml y = YamlParser.parse("a: *nope\nb: &r [1, *r]\n");
        assertEquals(2, y.problems().size(), () -> y.problems().toString());
        assertEquals("0:3-0:8", span(y.problems().get(0).range()));
        assertEquals("alias *nope refers to an undefined anchor", y.problems().get(0).message());
        assertTrue(y.problems().get(1).message().contains("recursive"));
        YamlAliasNode alias = (YamlAliasNode) node(y, "a");
        assertEquals("nope", alias.anchor());
        assertNull(alias.target());
        assertEquals(Arrays.asList(1L, null), node(y, "b").toJava());
    }
}
