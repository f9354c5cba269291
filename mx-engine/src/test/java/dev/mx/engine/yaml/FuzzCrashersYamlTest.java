package dev.mx.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.text.TextEdit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YAML model and editor bugs found by the property-based suites and the hostile-input matrix, kept as regressions. */
class FuzzCrashersYamlTest {

    private static String apply(ParsedYaml doc, List<TextEdit> edits) {
        return doc.lines().apply(edits);
    }

    @Test
    void editsOfAFileWithAByteOrderMarkKeepItsIndentation() {
        // found by YamlEditorPropertyTest (and `mx generate` on a devspace.yaml saved with a BOM):
        // the BOM put the top-level keys at column 1, so new keys were indented by one space
        ParsedYaml doc = YamlParser.parse("\uFEFFversion: v2beta1\r\nname: demo\r\n");
        String set = apply(doc, YamlEditor.setValue(doc, List.of("commands", "docs"), "command: make docs\n"));
        assertEquals("\uFEFFversion: v2beta1\r\nname: demo\r\ncommands:\r\n  docs:\r\n    command: make docs\r\n", set);

        String appended = apply(doc, YamlEditor.appendItem(doc, List.of("hooks"), "name: x\n"));
        assertEquals("\uFEFFversion: v2beta1\r\nname: demo\r\nhooks:\r\n  - name: x\r\n", appended);

        ParsedYaml two = YamlParser.parse("\uFEFFa: null\n# note\nb: {}\n");
        assertEquals("\uFEFF# note\nb: {}\n", apply(two, YamlEditor.remove(two, List.of("a"))));
        assertEquals("\uFEFFa: 1\n# note\nb: {}\n", apply(two, YamlEditor.setValue(two, List.of("a"), "1")));
    }

    @Test
    void aFiveMillionCharacterLineParsesInSeconds() {
        // found by the hostile-input matrix: the event parser's reader copied its whole window on every
        // 1 KB refill inside one long scalar (quadratic: `mx lint` did not finish in a minute)
        String text = "version: v2beta1\nname: " + "x".repeat(5_000_000) + "\nimages: {}\n";
        ParsedYaml y = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> YamlParser.parse(text));
        assertEquals(List.of(), y.problems());
        assertEquals(5_000_000, ((YamlScalar) y.find(List.of("name"))).value().length());
        assertEquals(Map.of(), y.find(List.of("images")).toJava());
        assertTrue(y.find(List.of("images")).range().start().line() == 2);
    }

    @Test
    void editingAnEntryThatIsMostOfTheFileParsesItAllAgain() {
        // found by MxLanguageServerHostileIT: renaming the key of a 250,000-line entry re-parsed that
        // entry alone and then copied it down to its lines, three trees at once in a 256 MB server
        StringBuilder sb = new StringBuilder("version: v2beta1\nname: big\ndeployments:\n");
        for (int i = 0; i < 1000; i++) {
            sb.append("  app-").append(i).append(":\n    helm: {chart: {name: x}}\n");
        }
        String before = sb.toString();
        ParsedYaml old = YamlParser.parse(before);
        String after = before.replace("\ndeployments:", "\ndeploymentz:");
        ParsedYaml next = YamlParser.reparse(old, after);
        ParsedYaml full = YamlParser.parse(after);
        assertEquals(full.root().toJava(), next.root().toJava());
        YamlMapping oldRoot = (YamlMapping) old.root();
        YamlMapping newRoot = (YamlMapping) next.root();
        assertTrue(oldRoot.entries().get(0).key() != newRoot.entries().get(0).key(), "parsed again as a whole");
        // a small edit still re-parses only its entry
        ParsedYaml small = YamlParser.reparse(old, before.replace("app-999:", "app-x:"));
        assertTrue(oldRoot.entries().get(0).key() == ((YamlMapping) small.root()).entries().get(0).key());
    }

    @Test
    void removingTheFirstKeyOfACompactItemKeepsTheCommentsBelowIt() {
        // found by YamlEditorPropertyTest on a corpus devspace.yaml: the comment above the next key went with
        // the removed one
        ParsedYaml doc = YamlParser.parse("profiles:\n- name: production\n# adds the image\n  merge:\n    images: {}\n");
        assertEquals("profiles:\n# adds the image\n- merge:\n    images: {}\n",
                apply(doc, YamlEditor.remove(doc, List.of("profiles", 0, "name"))));
    }
}
