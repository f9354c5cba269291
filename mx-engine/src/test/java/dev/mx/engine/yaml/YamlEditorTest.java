package dev.mx.engine.yaml;

import dev.mx.engine.text.TextEdit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Targeted layouts for {@link YamlEditor}: exact expected text after each edit. */
class YamlEditorTest {
    static final String KUBECTL = "kubectl:\n  manifests:\n    - train.yaml\n";

    static String set(String text, List<String> path, String fragment) {
        ParsedYaml y = YamlParser.parse(text);
        String out = y.lines().apply(YamlEditor.setValue(y, path, fragment));
        assertValid(out);
        return out;
    }

    static String remove(String text, List<?> path) {
        ParsedYaml y = YamlParser.parse(text);
        String out = y.lines().apply(YamlEditor.remove(y, path));
        assertValid(out);
        return out;
    }

    static String append(String text, List<String> path, String fragment) {
        ParsedYaml y = YamlParser.parse(text);
        String out = y.lines().apply(YamlEditor.appendItem(y, path, fragment));
        assertValid(out);
        return out;
    }

    static void assertValid(String text) {
        assertEquals(List.of(), YamlParser.parse(text).problems(), () -> "result has problems:\n" + text);
    }

    @Test
    void insertGoesBeforeACommentThatBelongsToTheNextSection() {
        String text = """
                version: v2beta1
                deployments:
                  app:
                    helm:
                      chart: x
                    # helm values come later
                  # more deployments below

                # Development configuration
                dev:
                  app: {}
                """;
        assertEquals("""
                version: v2beta1
                deployments:
                  app:
                    helm:
                      chart: x
                    # helm values come later
                  train:
                    kubectl:
                      manifests:
                        - train.yaml
                  # more deployments below

                # Development configuration
                dev:
                  app: {}
                """, set(text, List.of("deployments", "train"), KUBECTL));
    }

    @Test
    void crlfFilesStayCrlf() {
        String text = "version: v2beta1\r\ndeployments:\r\n  app:\r\n    helm: {}\r\n# dev\r\ndev: {}\r\n";
        String out = set(text, List.of("deployments", "train"), KUBECTL);
        assertEquals("version: v2beta1\r\ndeployments:\r\n  app:\r\n    helm: {}\r\n  train:\r\n    kubectl:\r\n"
                + "      manifests:\r\n        - train.yaml\r\n# dev\r\ndev: {}\r\n", out);
        String removed = remove(out, List.of("deployments", "app"));
        assertEquals("version: v2beta1\r\ndeployments:\r\n  train:\r\n    kubectl:\r\n"
                + "      manifests:\r\n        - train.yaml\r\n# dev\r\ndev: {}\r\n", removed);
    }

    @Test
    void fileWithoutTrailingNewline() {
        assertEquals("deployments:\n  app:\n    x: 1\n  train:\n    kubectl:\n      manifests:\n        - train.yaml",
                set("deployments:\n  app:\n    x: 1", List.of("deployments", "train"), KUBECTL));
        assertEquals("a: 1\nb: 2", set("a: 1", List.of("b"), "2"));
        assertEquals("a: 1", remove("a: 1\nb: 2", List.of("b")));
    }

    @Test
    void emptyFileCommentOnlyFileAndNullRoots() {
        String expected = "deployments:\n  train:\n    kubectl:\n      manifests:\n        - train.yaml\n";
        assertEquals(expected, set("", List.of("deployments", "train"), KUBECTL));
        assertEquals("# my project\n\n" + expected, set("# my project\n\n", List.of("deployments", "train"), KUBECTL));
        assertEquals("# my project\n" + expected.stripTrailing(),
                set("# my project", List.of("deployments", "train"), KUBECTL));
        assertEquals(expected, set("~\n", List.of("deployments", "train"), KUBECTL));
        assertEquals("---\n" + expected, set("---\n", List.of("deployments", "train"), KUBECTL));
        assertEquals("name: x\n", set("null\n", List.of("name"), "x"));
    }

    @Test
    void nullValueIsReplaced() {
        assertEquals("name: x\ndeployments:\n  train:\n    kubectl:\n      manifests:\n        - train.yaml\ndev: {}\n",
                set("name: x\ndeployments:\ndev: {}\n", List.of("deployments", "train"), KUBECTL));
        assertEquals("name: x\ndeployments: # none yet\n  train:\n    kubectl:\n      manifests:\n"
                        + "        - train.yaml\ndev: {}\n",
                set("name: x\ndeployments: # none yet\ndev: {}\n", List.of("deployments", "train"), KUBECTL));
        assertEquals("name: x\ndeployments:\n  train:\n    kubectl:\n      manifests:\n        - train.yaml\n",
                set("name: x\ndeployments: ~\n", List.of("deployments", "train"), KUBECTL));
        assertEquals("a: 5\nb: 1\n", set("a:\nb: 1\n", List.of("a"), "5"));
    }

    @Test
    void emptyFlowParentBecomesABlockMapping() {
        assertEquals("name: x\ndeployments:\n  train:\n    kubectl:\n      manifests:\n        - train.yaml\ndev: 1\n",
                set("name: x\ndeployments: {}\ndev: 1\n", List.of("deployments", "train"), KUBECTL));
        assertEquals("deployments:\n  train:\n    image: x\n", set("{}\n", List.of("deployments", "train", "image"), "x"));
    }

    @Test
    void nonEmptyFlowMappingsAreEditedInFlowStyle() {
        assertEquals("a: {b: 1, c: {k: v, l: [1, 2]}}\n", set("a: {b: 1}\n", List.of("a", "c"), "k: v\nl:\n  - 1\n  - 2\n"));
        assertEquals("a: {b: 2}\n", set("a: {b: 1}\n", List.of("a", "b"), "2"));
        assertEquals("a: {b: 1, c: \"x, y\"}\n", set("a: {b: 1}\n", List.of("a", "c"), "x, y"));
        assertEquals("a: {c: 2}\n", remove("a: {b: 1, c: 2}\n", List.of("a", "b")));
        assertEquals("a: [1, 2]\n", remove("a: [1, 2, 3]\n", List.of("a", 2)));
        assertEquals("a: []\n", remove("a: [1]\n", List.of("a", 0)));
    }

    @Test
    void indentlessSequencesFollowTheFile() {
        String text = "images:\n- name: a\ndeployments:\n  app:\n    args:\n    - x\n";
        assertEquals(text + "  train:\n    kubectl:\n      manifests:\n      - train.yaml\n",
                set(text, List.of("deployments", "train"), KUBECTL));
        assertEquals(text + "  other:\n    args:\n    - a\n    - b\n",
                set(text, List.of("deployments", "other", "args"), "- a\n- b\n"));
        assertEquals("images:\n- name: a\n- name: b\n  tag: c\ndeployments:\n  app:\n    args:\n    - x\n",
                append(text, List.of("images"), "name: b\ntag: c\n"));
    }

    @Test
    void fourSpaceIndentation() {
        String text = "deployments:\n    app:\n        helm:\n            args:\n                - x\n";
        assertEquals(text + "    train:\n        kubectl:\n            manifests:\n                - train.yaml\n",
                set(text, List.of("deployments", "train"), KUBECTL));
        assertEquals(text + "vars:\n    a:\n        b: 1\n", set(text, List.of("vars", "a", "b"), "1"));
    }

    @Test
    void replacingAValueKeepsCommentsAroundIt() {
        String text = """
                deployments:
                  # the app
                  app:
                    # how to deploy
                    helm: {chart: x}  # inline
                  # the trainer
                  train:
                    kubectl: {}
                """;
        assertEquals("""
                deployments:
                  # the app
                  app:
                    # how to deploy
                    kubectl:
                      manifests:
                        - train.yaml
                  # the trainer
                  train:
                    kubectl: {}
                """, set(text, List.of("deployments", "app"), KUBECTL));
        assertEquals("""
                deployments:
                  # the app
                  app:
                    # how to deploy
                    helm: {chart: y}  # inline
                  # the trainer
                  train:
                    kubectl: {}
                """, set(text, List.of("deployments", "app", "helm"), "{chart: y}"));
        assertEquals("""
                deployments:
                  # the app
                  app:
                    # how to deploy
                    helm: # inline
                      chart: y
                      version: 1.2.3
                  # the trainer
                  train:
                    kubectl: {}
                """, set(text, List.of("deployments", "app", "helm"), "chart: y\nversion: 1.2.3\n"));
    }

    @Test
    void scalarReplacementTouchesOnlyTheValue() {
        assertEquals("image: nginx:1.27 # pinned\nport: 80\n",
                set("image: nginx # pinned\nport: 80\n", List.of("image"), "nginx:1.27"));
        assertEquals("a: 'quoted'\nb: \"kept\"\n", set("a: plain\nb: \"kept\"\n", List.of("a"), "'quoted'"));
        assertEquals("a: 5\nb: 2\n", set("a:\n  x: 1\n  y: 2\nb: 2\n", List.of("a"), "5"));
        assertEquals("a: # keep me\n  5\nb: 2\n", set("a: # keep me\n  x: 1\nb: 2\n", List.of("a"), "5"));
        // the blank line after the old block scalar is kept
        assertEquals("s: |\n  new\n  text\n\nt: 1\n", set("s: |\n  old\n\nt: 1\n", List.of("s"), "|\n  new\n  text\n"));
    }

    @Test
    void multiLineScalarFragmentsAreIndentedUnderTheirKey() {
        assertEquals("a: 1\ns:\n  script: |\n    echo 1\n    echo 2\n",
                set("a: 1\n", List.of("s", "script"), "|\n  echo 1\n  echo 2\n"));
        String text = set("a: 1\n", List.of("s", "script"), ">-\n  one\n  two");
        assertEquals("one two", YamlParser.parse(text).find(List.of("s", "script")).toJava());
    }

    @Test
    void keysAreQuotedWhenNeeded() {
        assertEquals("a: 1\n\"yes\":\n  \"x: y\": q\n  \"123\": 1\n",
                set(set("a: 1\n", List.of("yes", "x: y"), "q"), List.of("yes", "123"), "1"));
        Map<?, ?> m = (Map<?, ?>) YamlParser.parse("a: 1\n\"yes\":\n  \"x: y\": q\n").root().toJava();
        assertEquals(Map.of("x: y", "q"), m.get("yes"));
    }

    @Test
    void removeTakesTheEntryWithItsOwnCommentsOnly() {
        String text = """
                deployments:
                  # the app
                  app:
                    helm: {}
                    # helm: old
                  # the trainer
                  train:
                    kubectl: {}

                dev: {}
                """;
        assertEquals("""
                deployments:
                  # the trainer
                  train:
                    kubectl: {}

                dev: {}
                """, remove(text, List.of("deployments", "app")));
        assertEquals("""
                deployments:
                  # the app
                  app:
                    helm: {}
                    # helm: old

                dev: {}
                """, remove(text, List.of("deployments", "train")));
        assertEquals("dev: {}\n", remove("deployments:\n  app: 1\n\ndev: {}\n", List.of("deployments")));
    }

    @Test
    void removingTheLastChildLeavesAnEmptyCollection() {
        assertEquals("deployments: {}\ndev: 1\n", remove("deployments:\n  # only\n  app:\n    x: 1\ndev: 1\n",
                List.of("deployments", "app")));
        assertEquals("deployments: {} # all of them\ndev: 1\n", remove("deployments: # all of them\n  app: 1\ndev: 1\n",
                List.of("deployments", "app")));
        assertEquals("images: []\nx: 1\n", remove("images:\n- a\nx: 1\n", List.of("images", 0)));
        assertEquals("list:\n  - {}\n  - b: 2\n", remove("list:\n  - a: 1\n  - b: 2\n", List.of("list", 0, "a")));
        assertEquals("{}\n", remove("a: 1\n", List.of("a")));
    }

    @Test
    void removeSequenceItemsAndCompactEntries() {
        String text = "ports:\n  # http\n  - port: 80\n    name: http\n  - port: 443\n";
        assertEquals("ports:\n  - port: 443\n", remove(text, List.of("ports", 0)));
        assertEquals("ports:\n  # http\n  - port: 80\n    name: http\n", remove(text, List.of("ports", 1)));
        assertEquals("ports:\n  # http\n  - name: http\n  - port: 443\n", remove(text, List.of("ports", 0, "port")));
        assertEquals("ports:\n  # http\n  - port: 80\n  - port: 443\n", remove(text, List.of("ports", 0, "name")));
    }

    @Test
    void removingSomethingAbsentIsNoEdit() {
        ParsedYaml y = YamlParser.parse("a:\n  b: 1\nc:\n");
        assertEquals(List.of(), YamlEditor.remove(y, List.of("x")));
        assertEquals(List.of(), YamlEditor.remove(y, List.of("a", "x", "y")));
        assertEquals(List.of(), YamlEditor.remove(y, List.of("c", "d")));
        assertEquals(List.of(), YamlEditor.remove(YamlParser.parse(""), List.of("a")));
    }

    @Test
    void appendItems() {
        assertEquals("ports:\n  - 80\n  - 443\nx: 1\n", append("ports:\n  - 80\nx: 1\n", List.of("ports"), "443"));
        // a comment at the items' column stays last, as for mappings; a deeper one belongs to the item
        assertEquals("ports:\n  - 80\n  - 443\n  # end\n", append("ports:\n  - 80\n  # end\n", List.of("ports"), "443"));
        assertEquals("ports:\n  - 80\n    # eighty\n  - 443\n",
                append("ports:\n  - 80\n    # eighty\n", List.of("ports"), "443"));
        assertEquals("a: 1\nports:\n  - port: 80\n    name: http\n",
                append("a: 1\n", List.of("ports"), "port: 80\nname: http\n"));
        assertEquals("ports: [80, 443]\n", append("ports: [80]\n", List.of("ports"), "443"));
        assertEquals("ports:\n  - 443\n", append("ports: []\n", List.of("ports"), "443"));
        assertEquals("ports:\n  - 443\n", append("ports:\n", List.of("ports"), "443"));
        assertEquals("- a\n- b\n", append("- a\n", List.of(), "b"));
        assertEquals("- a\n", append("", List.of(), "a"));
    }

    @Test
    void blankLinesKeptByABlockScalarStayWithIt() {
        assertEquals("deployments:\n  app:\n    script: |+\n      echo\n\n  train:\n    x: 1\ndev: 1\n",
                set("deployments:\n  app:\n    script: |+\n      echo\n\ndev: 1\n", List.of("deployments", "train"), "x: 1"));
        assertEquals("l:\n  - |+\n    a\n\n  - z\nb: 1\n", append("l:\n  - |+\n    a\n\nb: 1\n", List.of("l"), "z"));
        assertEquals("l:\n  - x\nb: 1\n", remove("l:\n  - |+\n    a\n\n  - x\nb: 1\n", List.of("l", 0)));
        // without '+' the blank line is just spacing between entries
        assertEquals("a:\n  s: |\n    t\n  u: 1\n\nb: 1\n", set("a:\n  s: |\n    t\n\nb: 1\n", List.of("a", "u"), "1"));
    }

    @Test
    void blockScalarOnTheLastLineWithoutALineBreakKeepsItsValue() {
        // "|" at the very end of a file has no final newline; lines added after it must not give it one
        assertEquals("a:\n  run: |-\n    one\n    two\n  b: 1", set("a:\n  run: |\n    one\n    two", List.of("a", "b"), "1"));
        assertEquals("l:\n  - >2-\n     x\n  - y", append("l:\n  - >2\n     x", List.of("l"), "y"));
        // and removing the last entry keeps the line break that ends the scalar before it
        assertEquals("a: |\n  one\n", remove("a: |\n  one\nb: 1", List.of("b")));
        assertEquals("a: 1", remove("a: 1\nb: 1", List.of("b")));
    }

    @Test
    void removingTheOnlyItemOnTheLastLine() {
        assertEquals("x y: []", remove("x y:\n   - {}", List.of("x y", 0)));
        assertEquals("k: {}", remove("k:\n  a: 1", List.of("k", "a")));
    }

    @Test
    void fragmentsMayBeIndentedOrCarryDocumentMarkers() {
        assertEquals("a: 1\nb:\n  c: 2\n  d: 3\n", set("a: 1\n", List.of("b"), "---\n    c: 2\n    d: 3\n...\n"));
        assertEquals("a: 1\nb: x\n", set("a: 1\n", List.of("b"), "\n\n  x  \n\n"));
        assertEquals("a: 1\nb:\n", set("a: 1\n", List.of("b"), ""));
        assertEquals("a: 1\nb:\n", set("a: 1\n", List.of("b"), "# nothing here\n"));
        assertEquals("a: 1\nb:\n  c: 2 # note\n", set("a: 1\n", List.of("b"), "c: 2 # note \t\n"));
        // trailing spaces inside block scalar content are content and stay
        String out = set("a: 1\n", List.of("b"), "|\n  x  \n  y\n");
        assertEquals("x  \ny\n", YamlParser.parse(out).find(List.of("b")).toJava());
    }

    @Test
    void impossibleEditsThrowAndNameThePath() {
        ParsedYaml y = YamlParser.parse("name: x\nimages:\n  - a\nbase: &b {x: 1}\nref: *b\n");
        YamlEditException e = assertThrows(YamlEditException.class,
                () -> YamlEditor.setValue(y, List.of("name", "deep"), "1"));
        assertEquals("cannot edit 'name.deep': 'name' is a scalar value, not a mapping", e.getMessage());
        e = assertThrows(YamlEditException.class, () -> YamlEditor.setValue(y, List.of("images", "x"), "1"));
        assertEquals("cannot edit 'images.x': 'images' is a sequence, not a mapping", e.getMessage());
        e = assertThrows(YamlEditException.class, () -> YamlEditor.remove(y, List.of("images", "x")));
        assertTrue(e.getMessage().contains("'images' is a sequence"), e.getMessage());
        e = assertThrows(YamlEditException.class, () -> YamlEditor.remove(y, List.of("name", 0)));
        assertTrue(e.getMessage().contains("'name' is a scalar value, not a sequence"), e.getMessage());
        e = assertThrows(YamlEditException.class, () -> YamlEditor.appendItem(y, List.of("name"), "1"));
        assertTrue(e.getMessage().contains("not a sequence"), e.getMessage());
        e = assertThrows(YamlEditException.class, () -> YamlEditor.setValue(y, List.of("ref", "x"), "2"));
        assertTrue(e.getMessage().contains("alias (*b)"), e.getMessage());
        e = assertThrows(YamlEditException.class, () -> YamlEditor.setValue(y, List.of("base", "x"), "2"));
        assertTrue(e.getMessage().contains("other values"), "editing an aliased value is refused: " + e.getMessage());
        e = assertThrows(YamlEditException.class, () -> YamlEditor.remove(y, List.of("base")));
        assertTrue(e.getMessage().contains("defines an anchor that other parts of the file refer to"), e.getMessage());
        e = assertThrows(YamlEditException.class, () -> YamlEditor.setValue(y, List.of("x"), "a: [\n"));
        assertTrue(e.getMessage().startsWith("the value for 'x' is not valid YAML"), e.getMessage());
        assertThrows(YamlEditException.class, () -> YamlEditor.setValue(y, List.of(), "1"));
    }

    @Test
    void syntaxErrorsBlockEditsNearThemOnly() {
        String text = "deployments:\n  app:\n    x: 1\n  syn\ndev:\n  a: 1\n";
        ParsedYaml y = YamlParser.parse(text);
        YamlEditException e = assertThrows(YamlEditException.class,
                () -> YamlEditor.setValue(y, List.of("deployments", "train"), KUBECTL));
        assertTrue(e.getMessage().contains("line 4 has a YAML error"), e.getMessage());
        assertThrows(YamlEditException.class, () -> YamlEditor.remove(y, List.of("deployments", "app")));
        // far from the broken line, edits still work and keep it as it is
        String out = y.lines().apply(YamlEditor.setValue(y, List.of("dev", "a"), "2"));
        assertEquals("deployments:\n  app:\n    x: 1\n  syn\ndev:\n  a: 2\n", out);

        ParsedYaml unclosed = YamlParser.parse("a: 1\nb: [1, 2\n");
        assertThrows(YamlEditException.class, () -> YamlEditor.setValue(unclosed, List.of("b"), "3"));
    }

    @Test
    void editsAreMinimal() {
        String text = "# head\nname: x # the name\n\nvars:\n  A: \"1\"\n  B: 'two'\n\n# tail\n";
        ParsedYaml y = YamlParser.parse(text);
        List<TextEdit> edits = YamlEditor.setValue(y, List.of("vars", "B"), "'three'");
        assertEquals(1, edits.size());
        assertEquals("5:5-5:10", YamlTestSupport.span(edits.get(0).range()));
        assertEquals("'three'", edits.get(0).newText());
        assertFalse(y.lines().apply(edits).contains("two"));
    }

    @Test
    void renderedBlocksAreValidInputForTheEditor() {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("image", "yes");
        value.put("args", List.of("--lr", "0.1", 3L, true));
        value.put("env", Map.of("A", "x: y"));
        String out = set("name: x\n", List.of("deployments", "t"), YamlEditor.renderBlock(value));
        assertEquals(value, YamlParser.parse(out).find(List.of("deployments", "t")).toJava());
    }
}
