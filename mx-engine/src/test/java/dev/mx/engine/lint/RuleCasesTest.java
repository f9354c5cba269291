package dev.mx.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Fix;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.yaml.YamlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Rule tests as data: every {@code src/test/resources/lint/**}{@code /*.yaml} holds cases for one
 * rule. A case is a file text (its name decides the file kind), optional other project files,
 * and the expected diagnostics of that rule (1-based {@code line:col-line:col}, a message
 * fragment) and, optionally, the text after applying the first diagnostic's first fix.
 *
 * <pre>
 * rule: devspace/unknown-key
 * cases:
 *   - name: a typo in a deployment
 *     file: devspace.yaml            # default devspace.yaml
 *     files: {k8s/app.yaml: "kind: x"}
 *     text: |
 *       version: v2beta1
 *     expect:
 *       - range: 5:5-5:11
 *         message: did you mean 'kubectl'
 *         severity: error             # optional, default: the rule's default
 *     fixed: |                        # optional
 *       ...
 *     clean: true                     # optional: no diagnostics of ANY rule besides the expected ones
 * </pre>
 */
class RuleCasesTest {
    private static final Path CASES = Path.of("src/test/resources/lint");

    @TestFactory
    Stream<DynamicNode> ruleCases() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(CASES)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<DynamicNode> out = new ArrayList<>();
        for (Path f : files) {
            out.add(container(f));
        }
        return out.stream();
    }

    @SuppressWarnings("unchecked")
    private static DynamicContainer container(Path caseFile) throws IOException {
        Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(caseFile));
        String rule = (String) doc.get("rule");
        List<Map<String, Object>> cases = (List<Map<String, Object>>) doc.get("cases");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : cases) {
            tests.add(DynamicTest.dynamicTest(String.valueOf(c.get("name")), () -> run(rule, c)));
        }
        return DynamicContainer.dynamicContainer(CASES.relativize(caseFile).toString(), tests);
    }

    @SuppressWarnings("unchecked")
    private static void run(String rule, Map<String, Object> c) throws IOException {
        assertTrue(RuleRegistry.standard().isKnown(rule), "unknown rule in test data: " + rule);
        Path dir = Files.createTempDirectory("mx-rule-case");
        try {
            String name = (String) c.getOrDefault("file", "devspace.yaml");
            Map<String, Object> others = (Map<String, Object>) c.getOrDefault("files", Map.of());
            for (var e : others.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                if (e.getKey().endsWith("/")) {
                    Files.createDirectories(p);
                } else {
                    Files.writeString(p, String.valueOf(e.getValue()), StandardCharsets.UTF_8);
                }
            }
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            String text = (String) c.get("text");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<Diagnostic> all = Linter.lintFile(file, name);
            List<Diagnostic> mine = all.stream().filter(d -> d.rule().equals(rule)).toList();
            List<Map<String, Object>> expect = (List<Map<String, Object>>) c.getOrDefault("expect", List.of());
            String actual = describe(mine);
            assertEquals(expect.size(), mine.size(), "diagnostics of " + rule + ":\n" + actual);
            for (int i = 0; i < expect.size(); i++) {
                Map<String, Object> e = expect.get(i);
                Diagnostic d = mine.get(i);
                if (e.containsKey("range")) {
                    assertEquals(e.get("range"), range(d), "range of #" + (i + 1) + ":\n" + actual);
                }
                if (e.containsKey("message")) {
                    assertTrue(d.message().contains((String) e.get("message")),
                            "message of #" + (i + 1) + " should contain '" + e.get("message") + "':\n" + actual);
                }
                if (e.containsKey("severity")) {
                    assertEquals(e.get("severity"), d.severity().label(), actual);
                }
            }
            if (Boolean.TRUE.equals(c.get("clean"))) {
                List<Diagnostic> extra = all.stream().filter(d -> !d.rule().equals(rule)).toList();
                assertTrue(extra.isEmpty(), "expected no other diagnostics:\n" + describe(extra));
            }
            if (c.containsKey("fixed")) {
                assertFalse(mine.isEmpty() || mine.get(0).fixes().isEmpty(), "expected a fix:\n" + actual);
                Fix fix = mine.get(0).fixes().get(0);
                String after = new LineMap(text).apply(fix.edits());
                assertEquals(c.get("fixed"), after, "text after fix '" + fix.title() + "'");
                assertTrue(YamlParser.parse(after).problems().isEmpty(), "the fixed text must parse");
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static String range(Diagnostic d) {
        return (d.range().start().line() + 1) + ":" + (d.range().start().column() + 1) + "-"
                + (d.range().end().line() + 1) + ":" + (d.range().end().column() + 1);
    }

    private static String describe(List<Diagnostic> ds) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : ds) {
            sb.append("  ").append(range(d)).append(' ').append(d.severity().label()).append(" [").append(d.rule())
                    .append("] ").append(d.message()).append('\n');
        }
        return sb.isEmpty() ? "  (none)\n" : sb.toString();
    }

    @org.junit.jupiter.api.Test
    void everyRuleHasCasesAndDocs() throws IOException {
        List<String> covered = new ArrayList<>();
        try (Stream<Path> s = Files.walk(CASES)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".yaml")).toList()) {
                Object r = ((Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(p)))
                        .get("rule");
                covered.add(String.valueOf(r));
            }
        }
        for (LintRule r : RuleRegistry.standard().all()) {
            RuleMeta m = r.meta();
            assertFalse(m.summary().isBlank() || m.why().isBlank(), m.id() + " needs a summary and a why");
            if (!List.of("io/encoding", "mx/rule-crashed").contains(m.id()) && !covered.contains(m.id())) {
                fail("rule " + m.id() + " has no test cases under " + CASES);
            }
        }
    }
}
