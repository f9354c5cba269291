package dev.mx.engine.yaml;

import dev.mx.engine.text.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.mx.engine.yaml.YamlTestSupport.node;
import static dev.mx.engine.yaml.YamlTestSupport.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scalar resolution, toJava, find and nodePathAt. */
class YamlTreeTest {

    private static Object scalar(String yamlValue) {
        ParsedYaml y = YamlParser.parse("v: " + yamlValue + "\n");
        assertEquals(List.of(), y.problems(), yamlValue);
        return node(y, "v").toJava();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "1|Long|1",
            "-12|Long|-12",
            "+7|Long|7",
            "0o17|Long|15",
            "0x1F|Long|31",
            "12345678901234567890|BigInteger|12345678901234567890",
            "1.5|Double|1.5",
            "1e3|Double|1000.0",
            "-.5|Double|-0.5",
            ".inf|Double|Infinity",
            "-.Inf|Double|-Infinity",
            ".NaN|Double|NaN",
            "true|Boolean|true",
            "False|Boolean|false",
            "TRUE|Boolean|true",
            "yes|String|yes",
            "on|String|on",
            "0777|Long|777",
            "1_000|String|1_000",
            "'1'|String|1",
            "\"true\"|String|true",
            "!!str 1|String|1",
            "!!int '7'|Long|7",
            "!!float 1|Double|1.0",
            "!!bool true|Boolean|true",
            "! 12|String|12",
            "v1beta11|String|v1beta11",
            "1.2.3|String|1.2.3",
    })
    void coreSchemaResolution(String yaml, String type, String expected) {
        Object v = scalar(yaml);
        assertEquals(type, v.getClass().getSimpleName(), yaml);
        assertEquals(expected, String.valueOf(v), yaml);
    }

    @Test
    void blockScalarValues() {
        assertEquals("a\nb\n", scalar("|\n  a\n  b"));
        assertEquals("a b", scalar(">-\n  a\n  b"));
        // the helper adds a final line break: "a", then two empty lines, all kept
        assertEquals("a\n\n\n", scalar("|+\n  a\n\n"));
        assertEquals("  x\n", scalar("|2\n    x"));
    }

    @Test
    void nullsAndStyles() {
        ParsedYaml y = YamlParser.parse("a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: 'null'\ng: \"\"\nh: !!null x\n"
                + "i: |\n  t\nj: >\n  t\nk: nil\n");
        for (String k : List.of("a", "b", "c", "d", "e", "h")) {
            YamlScalar s = (YamlScalar) node(y, k);
            assertTrue(s.isNull(), k);
            assertNull(s.toJava(), k);
        }
        for (String k : List.of("f", "g", "i", "j", "k")) {
            assertFalse(((YamlScalar) node(y, k)).isNull(), k);
        }
        assertEquals(ScalarStyle.PLAIN, ((YamlScalar) node(y, "a")).style());
        assertEquals(ScalarStyle.SINGLE_QUOTED, ((YamlScalar) node(y, "f")).style());
        assertEquals(ScalarStyle.DOUBLE_QUOTED, ((YamlScalar) node(y, "g")).style());
        assertEquals(ScalarStyle.LITERAL, ((YamlScalar) node(y, "i")).style());
        assertEquals(ScalarStyle.FOLDED, ((YamlScalar) node(y, "j")).style());
        assertEquals("null", ((YamlScalar) node(y, "f")).value());
        assertEquals("tag:yaml.org,2002:null", node(y, "h").tag());
        assertNull(node(y, "a").tag());
    }

    @Test
    void toJavaStringifiesKeysAndKeepsTheFirstDuplicate() {
        ParsedYaml y = YamlParser.parse("1: a\ntrue: b\n0x10: c\n[x, y]: d\n{k: v}: e\nkey: first\nkey: second\n");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("1", "a");
        expected.put("true", "b");
        expected.put("0x10", "c");
        expected.put("[x, y]", "d");
        expected.put("{k=v}", "e");
        expected.put("key", "first");
        Object actual = y.root().toJava();
        assertEquals(expected, actual);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(((Map<?, ?>) actual).keySet()));
        assertInstanceOf(LinkedHashMap.class, actual);
    }

    @Test
    void aliasesPointAtTheAnchoredNodeAndToJavaCopiesIt() {
        ParsedYaml y = YamlParser.parse("base: &b\n  image: x\n  ports: [1, 2]\napp: *b\nlist:\n  - *b\n");
        YamlAliasNode alias = (YamlAliasNode) node(y, "app");
        assertSame(node(y, "base"), alias.target());
        assertEquals("b", alias.anchor());
        assertEquals("b", node(y, "base").anchor());
        assertEquals("3:5-3:7", span(alias.range()));
        Map<?, ?> root = (Map<?, ?>) y.root().toJava();
        assertEquals(root.get("base"), root.get("app"));
        assertNotSame(root.get("base"), root.get("app"));
        assertEquals(List.of(root.get("base")), root.get("list"));
        // find follows aliases on the way, but returns the alias itself at the end of the path
        assertEquals(Arrays.asList("x"), List.of(((YamlScalar) node(y, "app", "image")).value()));
        assertSame(alias, y.find(List.of("app")));
        assertEquals(2L, node(y, "list", 0, "ports", 1).toJava());
    }

    @Test
    void findHandlesMissingAndWrongKinds() {
        ParsedYaml y = YamlParser.parse("a:\n  - x\n  - y\nb: 1\n");
        assertEquals("y", ((YamlScalar) node(y, "a", 1)).value());
        assertNull(y.find(List.of("a", 2)));
        assertNull(y.find(List.of("a", -1)));
        assertNull(y.find(List.of("a", "0")));
        assertNull(y.find(List.of("b", "c")));
        assertNull(y.find(List.of("c")));
        assertSame(y.root(), y.find(List.of()));
        assertNull(YamlParser.parse("").find(List.of("a")));
    }

    @Test
    void mappingAccessors() {
        ParsedYaml y = YamlParser.parse("m: {a: 1}\nn:\n  a: 2\n  b:\n");
        YamlMapping flow = (YamlMapping) node(y, "m");
        YamlMapping block = (YamlMapping) node(y, "n");
        assertTrue(flow.flow());
        assertFalse(block.flow());
        assertEquals(2L, block.get("a").toJava());
        assertNull(block.get("zzz"));
        YamlEntry b = block.entry("b");
        assertEquals("b", b.keyText());
        assertTrue(((YamlScalar) b.value()).isEmpty());
        assertEquals("3:4-3:4", span(b.value().range()));
        assertSame(block, b.value().parent());
        assertSame(y.root(), block.parent());
        assertNull(y.root().parent());
    }

    @Test
    void nodePathAtGoesFromRootToTheInnermostNode() {
        String text = "deployments:\n  app:\n    image: nginx\n    ports: [80, 443]\n  other:\n";
        ParsedYaml y = YamlParser.parse(text);
        YamlMapping root = (YamlMapping) y.root();

        List<YamlNode> inKey = y.nodePathAt(new Position(2, 6));
        assertEquals(4, inKey.size());
        assertSame(root, inKey.get(0));
        assertSame(node(y, "deployments"), inKey.get(1));
        assertSame(node(y, "deployments", "app"), inKey.get(2));
        assertEquals("image", ((YamlScalar) inKey.get(3)).value());

        List<YamlNode> inValue = y.nodePathAt(new Position(2, 13));
        assertSame(node(y, "deployments", "app", "image"), inValue.get(inValue.size() - 1));

        List<YamlNode> inFlow = y.nodePathAt(new Position(3, 17));
        assertEquals(5, inFlow.size());
        assertEquals(443L, inFlow.get(4).toJava());

        List<YamlNode> afterColon = y.nodePathAt(new Position(4, 8));
        assertSame(node(y, "deployments", "other"), afterColon.get(afterColon.size() - 1));

        assertEquals(List.of(), y.nodePathAt(new Position(10, 0)));
        assertEquals(List.of(), YamlParser.parse("# only a comment\n").nodePathAt(new Position(0, 3)));
    }

    @Test
    void documentsAndRoots() {
        ParsedYaml y = YamlParser.parse("# head\na: 1\n---\nb: 2\n--- ~\n");
        assertEquals(3, y.documents().size());
        assertEquals(1L, node(y, "a").toJava());
        YamlDocument second = y.documents().get(1);
        assertEquals(Map.of("b", 2L), second.root().toJava());
        assertEquals(2, second.range().start().line());
        List<YamlNode> path = y.nodePathAt(new Position(3, 3));
        assertSame(second.root(), path.get(0));
        assertTrue(((YamlScalar) y.documents().get(2).root()).isNull());

        assertNull(YamlParser.parse("").root());
        assertEquals(List.of(), YamlParser.parse("").documents());
        ParsedYaml marker = YamlParser.parse("---\n");
        assertEquals(1, marker.documents().size());
        assertNull(marker.root());
    }

    @Test
    void bigIntegersStayExact() {
        assertEquals(new BigInteger("-99999999999999999999"), scalar("-99999999999999999999"));
        assertEquals(Long.MAX_VALUE, scalar(String.valueOf(Long.MAX_VALUE)));
    }
}
