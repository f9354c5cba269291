package dev.mx.engine.yaml;

import dev.mx.engine.text.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.mx.engine.yaml.YamlTestSupport.assertDeletionOnly;
import static dev.mx.engine.yaml.YamlTestSupport.assertInsertionOnly;
import static dev.mx.engine.yaml.YamlTestSupport.changedBlock;
import static dev.mx.engine.yaml.YamlTestSupport.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Edits every real devspace.yaml of the shared corpus (where {@code deployments} is a mapping or
 * absent; the older list-style files are skipped) and checks that nothing but the edited value
 * changes.
 */
class YamlEditorCorpusTest {
    static final String FRAGMENT = "# added by mx\nkubectl:\n  manifests:\n    - k8s/distributed-training.yaml\n";
    static final Map<String, Object> FRAGMENT_VALUE = Map.of("kubectl",
            Map.of("manifests", List.of("k8s/distributed-training.yaml")));

    static Path corpusDir() {
        return YamlTestSupport.sharedDir().resolve("corpus/devspace/real");
    }

    /** The files SOURCES.md lists, with the version it gives for each. */
    static Map<String, String> sources() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| ([^|\\s]+\\.yaml) \\|(?:[^|]*\\|){3} (v[0-9a-z]+) \\|");
        for (String line : Files.readAllLines(corpusDir().resolve("SOURCES.md"), StandardCharsets.UTF_8)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }

    static Stream<String> files() throws IOException {
        try (Stream<Path> s = Files.list(corpusDir())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /** Files whose {@code deployments} is a mapping or absent (the older list-style files are left out). */
    static Stream<String> mapStyleFiles() throws IOException {
        return files().filter(f -> {
            YamlNode d = parse(f).find(List.of("deployments"));
            return d == null || d instanceof YamlMapping;
        });
    }

    /** Files with at least one map-style deployment. */
    static Stream<String> filesWithDeployments() throws IOException {
        return files().filter(f -> parse(f).find(List.of("deployments")) instanceof YamlMapping m && !m.entries().isEmpty());
    }

    static ParsedYaml parse(String file) {
        try {
            return YamlParser.parse(read(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theCorpusIsWhatSourcesMdDescribes() throws IOException {
        Map<String, String> sources = sources();
        List<String> files = files().toList();
        assertEquals(38, files.size());
        assertEquals(List.copyOf(sources.keySet()).stream().sorted().toList(), files);
        int editable = 0;
        for (String f : files) {
            ParsedYaml y = YamlParser.parse(read(f));
            assertEquals(List.of(), y.problems(), f);
            YamlNode d = y.find(List.of("deployments"));
            if (d == null || d instanceof YamlMapping) {
                editable++;
                assertEquals("v2beta1", sources.get(f), f + " has map-style deployments, so it should be v2beta1");
            }
        }
        assertEquals(29, editable, "all v2beta1 files use map-style deployments or none");
        assertEquals(29, mapStyleFiles().count());
        assertEquals(18, filesWithDeployments().count());
    }

    static String read(String file) throws IOException {
        return Files.readString(corpusDir().resolve(file), StandardCharsets.UTF_8);
    }

    static String apply(ParsedYaml y, List<TextEdit> edits) {
        return y.lines().apply(edits);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> javaRoot(ParsedYaml y) {
        return (Map<String, Object>) y.root().toJava();
    }

    /** Every top-level value except deployments is equal; in deployments, all but {@code changed}. */
    @SuppressWarnings("unchecked")
    static void assertOnlyDeploymentChanged(ParsedYaml before, ParsedYaml after, String changed) {
        Map<String, Object> a = javaRoot(before);
        Map<String, Object> b = javaRoot(after);
        assertEquals(new ArrayList<>(a.keySet()).stream().filter(k -> !k.equals("deployments")).toList(),
                new ArrayList<>(b.keySet()).stream().filter(k -> !k.equals("deployments")).toList(), "top-level keys");
        for (String k : a.keySet()) {
            if (!k.equals("deployments")) {
                assertEquals(a.get(k), b.get(k), "top-level value " + k);
            }
        }
        Map<String, Object> da = a.get("deployments") instanceof Map ? (Map<String, Object>) a.get("deployments") : Map.of();
        Map<String, Object> db = (Map<String, Object>) b.get("deployments");
        for (String k : da.keySet()) {
            if (!k.equals(changed)) {
                assertEquals(da.get(k), db.get(k), "deployment " + k);
            }
        }
        List<String> keysA = new ArrayList<>(da.keySet());
        keysA.remove(changed);
        List<String> keysB = new ArrayList<>(db.keySet());
        keysB.remove(changed);
        assertEquals(keysA, keysB, "other deployments keep their order");
    }

    static void assertNoNewProblems(ParsedYaml before, ParsedYaml after) {
        assertEquals(before.problems().stream().map(YamlProblem::message).toList(),
                after.problems().stream().map(YamlProblem::message).toList(), () -> "problems after edit:\n" + after.text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mapStyleFiles")
    void insertADeployment(String file) {
        ParsedYaml before = parse(file);
        List<String> path = List.of("deployments", "distributed-training");
        List<TextEdit> edits = YamlEditor.setValue(before, path, FRAGMENT);
        assertEquals(1, edits.size());
        String text = apply(before, edits);
        ParsedYaml after = YamlParser.parse(text);

        assertNoNewProblems(before, after);
        assertEquals(FRAGMENT_VALUE, after.find(path).toJava());
        List<String> inserted = assertInsertionOnly(before.text(), text);
        assertTrue(inserted.stream().anyMatch(l -> l.strip().equals("distributed-training:")), inserted::toString);
        assertTrue(inserted.stream().anyMatch(l -> l.strip().equals("# added by mx")), "the fragment's comment is kept");
        assertOnlyDeploymentChanged(before, after, "distributed-training");
        assertEquals(before.text().endsWith("\n"), text.endsWith("\n"), "trailing line break kept as it was");

        YamlNode deployments = after.find(List.of("deployments"));
        YamlMapping mapping = (YamlMapping) deployments;
        assertEquals("distributed-training", mapping.entries().get(mapping.entries().size() - 1).keyText(),
                "appended as the last deployment");
        if (before.find(List.of("deployments")) instanceof YamlMapping old && !old.entries().isEmpty()) {
            int oldColumn = old.entries().get(0).key().range().start().column();
            assertEquals(oldColumn, mapping.entry("distributed-training").key().range().start().column(),
                    "same indentation as the other deployments");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesWithDeployments")
    void replaceADeployment(String file) {
        ParsedYaml before = parse(file);
        YamlMapping deployments = (YamlMapping) before.find(List.of("deployments"));
        YamlEntry first = deployments.entries().get(0);
        String name = first.keyText();
        List<String> path = List.of("deployments", name);

        String text = apply(before, YamlEditor.setValue(before, path, FRAGMENT));
        ParsedYaml after = YamlParser.parse(text);

        assertNoNewProblems(before, after);
        assertEquals(FRAGMENT_VALUE, after.find(path).toJava());
        assertOnlyDeploymentChanged(before, after, name);
        assertEquals(0, ((YamlMapping) after.find(List.of("deployments"))).entries().indexOf(
                ((YamlMapping) after.find(List.of("deployments"))).entry(name)), "stays the first deployment");
        // only the old value's lines changed
        List<List<String>> block = changedBlock(before.text(), text);
        List<String> beforeLines = lines(before.text());
        int firstValueLine = first.value().range().start().line();
        int lastValueLine = first.value().range().end().line();
        int prefix = indexOfSubList(beforeLines, block.get(0), firstValueLine);
        assertTrue(prefix >= firstValueLine && prefix + block.get(0).size() <= lastValueLine + 1,
                () -> "changed lines " + block.get(0) + " are outside the old value (lines " + firstValueLine + "-"
                        + lastValueLine + ")");
    }

    private static int indexOfSubList(List<String> all, List<String> part, int from) {
        for (int i = Math.max(0, from - part.size()); i <= all.size() - part.size(); i++) {
            if (all.subList(i, i + part.size()).equals(part)) {
                return i;
            }
        }
        return -1;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesWithDeployments")
    void removeADeployment(String file) {
        ParsedYaml before = parse(file);
        YamlMapping deployments = (YamlMapping) before.find(List.of("deployments"));
        YamlEntry last = deployments.entries().get(deployments.entries().size() - 1);
        String name = last.keyText();
        List<String> path = List.of("deployments", name);

        String text = apply(before, YamlEditor.remove(before, path));
        ParsedYaml after = YamlParser.parse(text);

        assertNoNewProblems(before, after);
        assertNull(after.find(path));
        assertOnlyDeploymentChanged(before, after, name);
        if (deployments.entries().size() == 1) {
            assertEquals(Map.of(), after.find(List.of("deployments")).toJava());
            return;
        }
        List<String> removed = assertDeletionOnly(before.text(), text);
        assertTrue(removed.stream().anyMatch(l -> l.strip().startsWith(name + ":")), removed::toString);
        int keyLine = last.key().range().start().line();
        int valueEnd = last.value().range().end().line();
        for (String l : removed) {
            assertTrue(l.isBlank() || l.strip().startsWith("#") || lines(before.text()).subList(keyLine, valueEnd + 1)
                    .contains(l), () -> "removed a line outside the entry: " + l);
        }
        assertNotNull(after.find(List.of("deployments", deployments.entries().get(0).keyText())));
    }
}
