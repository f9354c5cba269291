package dev.mx.engine.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** quoteIfNeeded and renderBlock: output reads back as exactly the input. */
class YamlTextTest {

    private static Object readBack(String yamlValue) {
        ParsedYaml y = YamlParser.parse("k: " + yamlValue + "\n");
        assertEquals(List.of(), y.problems(), () -> "k: " + yamlValue);
        return y.find(List.of("k")).toJava();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "off", "y", "N", "true", "False", "null", "NULL", "~", "", "123", "-1",
            "1.5", "1e3", "0x1F", "0o17", ".inf", "-.inf", ".nan", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "12:30", "1_000", "0b101", "+.5", "1.", "6.8523015e+5", "*alias", "&anchor", "!tag",
            "|", ">", "'single'", "\"double\"", "%x", "@at", "`tick", "#not a comment", "- item", "-", "?", ":",
            "key: value", "trailing:", "a #comment", " leading", "trailing ", "line\nbreak", "tab\there", "[x]",
            "{x}", ",x", "---", "...", "<<", "=", "bell\u0007", "nel\u0085", "bom\uFEFF"})
    void stringsThatWouldChangeAreQuoted(String s) {
        String q = YamlEditor.quoteIfNeeded(s);
        assertTrue(q.startsWith("\""), () -> s + " -> " + q);
        assertEquals(s, readBack(q), () -> s + " -> " + q);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "k8s/train.yaml", "distributed-training", "${IMAGE}:${TAG}", "http://x:8080/p",
            "foo#bar", "a:b", "😀", "v1beta11", "ghcr.io/org/img", "--lr", "a b c", "run_dependencies --all",
            "$(cat x)", "1password", "O'Brien", "1.2.3", "10.0.0.1", "2024-01"})
    void safeStringsStayPlain(String s) {
        assertEquals(s, YamlEditor.quoteIfNeeded(s));
        assertEquals(s, readBack(s));
    }

    @Test
    void escapesAreYamlEscapes() {
        assertEquals("\"a\\nb\\t\\\"c\\\\\"", YamlEditor.quoteIfNeeded("a\nb\t\"c\\"));
        assertEquals("\"\\x07\"", YamlEditor.quoteIfNeeded("\u0007"));
        assertEquals("\"\"", YamlEditor.quoteIfNeeded(""));
    }

    @Test
    void randomStringsRoundTrip() {
        String alphabet = "ab1 :-#'\"\\\n\t*&!|>%@`[]{},?~.😀\u0085\u2028eEyYnN0x";
        Random r = new Random(7L);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(8);
            for (int k = 0; k < len; k++) {
                int at = r.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                if (Character.isHighSurrogate(c)) {
                    sb.append(c).append(alphabet.charAt(at + 1));
                } else if (!Character.isLowSurrogate(c)) {
                    sb.append(c);
                }
            }
            String s = sb.toString();
            String q = YamlEditor.quoteIfNeeded(s);
            assertEquals(s, readBack(q), () -> "[" + s + "] -> " + q);
            Map<String, Object> m = Map.of(s, s);
            assertEquals(m, YamlParser.parse(YamlEditor.renderBlock(m)).root().toJava(), () -> YamlEditor.renderBlock(m));
        }
    }

    @Test
    void renderBlockWritesIndentedBlockYaml() {
        Map<String, Object> deployment = new LinkedHashMap<>();
        deployment.put("kubectl", Map.of("manifests", List.of("k8s/train.yaml")));
        deployment.put("replicas", 2);
        deployment.put("enabled", true);
        deployment.put("ratio", 0.5);
        deployment.put("none", null);
        deployment.put("empty", Map.of());
        deployment.put("nothing", List.of());
        deployment.put("flag", "yes");
        deployment.put("matrix", List.of(List.of(1, 2), List.of(Map.of("a", 1))));
        deployment.put("items", List.of(Map.of("name", "x"), "plain"));
        assertEquals("""
                kubectl:
                  manifests:
                    - k8s/train.yaml
                replicas: 2
                enabled: true
                ratio: 0.5
                none: null
                empty: {}
                nothing: []
                flag: "yes"
                matrix:
                  - - 1
                    - 2
                  - - a: 1
                items:
                  - name: x
                  - plain
                """, YamlEditor.renderBlock(deployment));
        assertEquals("x\n", YamlEditor.renderBlock("x"));
        assertEquals("\"true\"\n", YamlEditor.renderBlock("true"));
        assertEquals("null\n", YamlEditor.renderBlock(null));
        assertEquals("{}\n", YamlEditor.renderBlock(Map.of()));
        assertEquals("- 1\n- a\n", YamlEditor.renderBlock(new Object[] {1, "a"}));
    }

    @Test
    void renderBlockRoundTripsThroughTheParser() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("long", Long.MAX_VALUE);
        m.put("big", new BigInteger("123456789012345678901234567890"));
        m.put("double", 1.0e20);
        m.put("inf", Double.POSITIVE_INFINITY);
        m.put("nan", Double.NaN);
        m.put("strings", new ArrayList<>(Arrays.asList("0.1", "on", "", " x ", "a\nb", "#", "k: v", null)));
        m.put("nested", Map.of("deeper", Map.of("deepest", List.of(Map.of("x", List.of())))));
        assertEquals(m, YamlParser.parse(YamlEditor.renderBlock(m)).root().toJava());
    }
}
