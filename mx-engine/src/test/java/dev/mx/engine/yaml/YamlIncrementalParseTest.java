package dev.mx.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Property: re-parsing a newer text from an older tree ({@link YamlParser#reparse}) builds exactly
 * the tree a full parse builds (every node's kind, range, value, style, tag, flags and parent, the
 * document ranges and the problems), over chains of random edits of the shared corpus files and of
 * a few constructed texts. The chains continue from the incremental result, as the language server does.
 */
class YamlIncrementalParseTest {
    private static final String[] SNIPPETS = {"x", " ", "\n", "# c", ":", "- ", "  ", "key: v\n", "'", "\"", "[",
        "{", "}", "&a ", "*a", "---\n", "...\n", "\t", "|\n", "\r\n", "a", "1", ": ", "? ", "!!str ", "%YAML 1.2\n",
        "  - item\n", "    nested: 1\n", "#", "\\", ",", "\u00e9", "\u0007"};

    @Test
    void incrementalEqualsFullOnRandomEditsOfTheCorpus() throws IOException {
        List<String> texts = new ArrayList<>(samples());
        Path corpus = YamlTestSupport.sharedDir().resolve("corpus");
        try (Stream<Path> s = Files.walk(corpus)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".yaml") || name.endsWith(".yml") || name.equals("MLproject")) {
                    texts.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        int incremental = 0;
        int edits = 0;
        for (int f = 0; f < texts.size(); f++) {
            Random rnd = new Random(31L * f + 7);
            String text = texts.get(f);
            ParsedYaml prev = YamlParser.parse(text);
            for (int i = 0; i < 40; i++) {
                String next = edit(rnd, text);
                ParsedYaml full = YamlParser.parse(next);
                String where = "file #" + f + ", edit " + i;
                assertEquals(dump(full), dump(YamlParser.reparse(prev, next)), where);
                // (last: reused nodes belong to the tree built last, see YamlParser.reparse)
                ParsedYaml inc = IncrementalParse.reparse(prev, next, YamlLimits.DEFAULT);
                if (inc != null) {
                    incremental++;
                    assertEquals(dump(full), dump(inc), where + ":\n--- before\n" + text + "\n--- after\n" + next);
                    assertParents(inc);
                    assertTrue(inc.sectionable(), where);
                }
                edits++;
                // mostly keep edits that leave valid YAML, so chains stay on the incremental path
                if (full.problems().isEmpty() || rnd.nextInt(10) < 3) {
                    text = next;
                    prev = inc != null ? inc : YamlParser.reparse(prev, next);
                }
            }
        }
        assertTrue(incremental > edits / 10, "only " + incremental + " of " + edits + " edits took the incremental path");
    }

    @Test
    void reusesTheUntouchedEntriesAndParsesOnlyTheEditedOne() {
        StringBuilder sb = new StringBuilder("version: v2beta1\nimages:\n");
        for (int i = 0; i < 50; i++) {
            sb.append("  svc-").append(i).append(":\n    image: r/svc-").append(i).append("\n    context: ./\n");
        }
        sb.append("dev:\n  a:\n    imageSelector: x\n");
        String text = sb.toString();
        ParsedYaml prev = YamlParser.parse(text);
        String next = text.replace("image: r/svc-10\n", "image: r/svc-10b\n    dockerfile: D\n");
        ParsedYaml inc = IncrementalParse.reparse(prev, next, YamlLimits.DEFAULT);
        assertNotNull(inc);
        assertEquals(dump(YamlParser.parse(next)), dump(inc));
        YamlMapping oldImages = (YamlMapping) prev.find(List.of("images"));
        YamlMapping newImages = (YamlMapping) inc.find(List.of("images"));
        assertSame(oldImages.entries().get(9).value(), newImages.entries().get(9).value(), "entries before the edit are reused");
        assertEquals(oldImages.entries().get(11).value().range().start().line() + 1,
                newImages.entries().get(11).value().range().start().line(), "entries after it move down a line");
        // appending a comment (what the LSP benchmark does) reuses everything but the last entry
        ParsedYaml appended = IncrementalParse.reparse(prev, text + "# e0\n", YamlLimits.DEFAULT);
        assertNotNull(appended);
        assertSame(oldImages, appended.find(List.of("images")));
        assertEquals(dump(YamlParser.parse(text + "# e0\n")), dump(appended));
    }

    @Test
    void fallsBackWhereOnlyAFullParseIsExact() {
        String text = "a:\n  x: 1\nb:\n  y: 2\n";
        ParsedYaml prev = YamlParser.parse(text);
        assertTrue(prev.sectionable());
        assertNull(IncrementalParse.reparse(prev, text.replace("y: 2", "y: &k 2"), YamlLimits.DEFAULT), "anchor");
        assertNull(IncrementalParse.reparse(prev, text.replace("b:\n", "a:\n"), YamlLimits.DEFAULT), "duplicate key");
        assertNull(IncrementalParse.reparse(prev, text.replace("y: 2", "y: [2"), YamlLimits.DEFAULT), "syntax error");
        assertNull(IncrementalParse.reparse(prev, "%YAML 1.2\n---\n" + text, YamlLimits.DEFAULT), "directive");
        for (String next : List.of("# top\n" + text, text.replace("b:\n  y: 2\n", ""), text.replace("a:\n  x: 1\n", ""))) {
            ParsedYaml r = IncrementalParse.reparse(prev, next, YamlLimits.DEFAULT);
            assertEquals(dump(YamlParser.parse(next)), r == null ? dump(YamlParser.parse(next)) : dump(r), next);
        }
        assertTrue(!YamlParser.parse("a: &x 1\nb: *x\n").sectionable());
        assertTrue(!YamlParser.parse("---\na: 1\n---\nb: 2\n").sectionable());
        assertTrue(!YamlParser.parse("- a\n- b\n").sectionable());
    }

    private static List<String> samples() {
        String nested = "version: v2beta1\nname: demo # c\n\nvars:\n  A: 1\n  B: \"two\"\n\nimages:\n  app:\n"
                + "    image: x/app\n    buildArgs:\n      K: v\n\n  # between\n  web:\n    image: x/web\n\n"
                + "pipelines:\n  deploy: |-\n    run_dependencies --all\n    build_images --all\n\n"
                + "dev:\n  app:\n    sync:\n      - path: ./:/app\n    ports: [{port: \"8080\"}]\n# trailing\n";
        StringBuilder big = new StringBuilder("version: v2beta1\nimages:\n");
        for (int i = 0; i < 20; i++) {
            big.append("  svc-").append(i).append(":\n    image: r/svc-").append(i).append("\n    context: ./\n");
        }
        big.append("\ndev:\n");
        for (int i = 0; i < 20; i++) {
            big.append("  svc-").append(i).append(":\n    sync:\n      - path: ./src:/app\n    ports:\n      - port: \"")
                    .append(8000 + i).append("\"\n");
        }
        big.append("\npipelines:\n  deploy: |-\n    build_images --all\n");
        return List.of(nested, nested.replace("\n", "\r\n"), big.toString(), "a: 1\n", "a:\n  b:\n    c:\n      d: 1\n");
    }

    private static String edit(Random rnd, String text) {
        int len = text.length();
        int at = rnd.nextInt(len + 1);
        int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (at == 0) {
            lineStart = 0;
        }
        switch (rnd.nextInt(8)) {
            case 0 -> {
                return text.substring(0, at) + SNIPPETS[rnd.nextInt(SNIPPETS.length)] + text.substring(at);
            }
            case 1 -> {
                int end = Math.min(len, at + 1 + rnd.nextInt(30));
                return text.substring(0, at) + text.substring(end);
            }
            case 2 -> { // duplicate a line
                int e = text.indexOf('\n', lineStart);
                e = e < 0 ? len : e + 1;
                return text.substring(0, lineStart) + text.substring(lineStart, e) + text.substring(lineStart);
            }
            case 3 -> { // delete a line
                int e = text.indexOf('\n', lineStart);
                e = e < 0 ? len : e + 1;
                return text.substring(0, lineStart) + text.substring(e);
            }
            case 4 -> { // replace one character with a letter
                return at < len ? text.substring(0, at) + (char) ('a' + rnd.nextInt(26)) + text.substring(at + 1) : text + "z";
            }
            case 5 -> {
                return text + "# e" + rnd.nextInt(100) + "\n";
            }
            case 6 -> { // a new key at the same indentation as a line
                int indent = 0;
                while (lineStart + indent < len && text.charAt(lineStart + indent) == ' ') {
                    indent++;
                }
                return text.substring(0, lineStart) + " ".repeat(indent) + "k" + rnd.nextInt(1000) + ": v\n"
                        + text.substring(lineStart);
            }
            default -> { // type inside a value: a letter before a line's end
                int e = text.indexOf('\n', at);
                e = e < 0 ? len : e;
                if (e > 0 && text.charAt(e - 1) == '\r') {
                    e--;
                }
                return text.substring(0, e) + "q" + text.substring(e);
            }
        }
    }

    static String dump(ParsedYaml y) {
        StringBuilder sb = new StringBuilder();
        for (YamlDocument d : y.documents()) {
            sb.append("doc ").append(d.range()).append('\n');
            dump(d.root(), 1, sb);
        }
        for (YamlProblem p : y.problems()) {
            sb.append("problem ").append(p.range()).append(' ').append(p.kind()).append(' ').append(p.message()).append('\n');
        }
        return sb.toString();
    }

    private static void dump(YamlNode n, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth));
        if (n == null) {
            sb.append("null\n");
            return;
        }
        sb.append(n.kind()).append(' ').append(n.range()).append(" a=").append(n.anchor()).append(" t=").append(n.tag());
        if (n instanceof YamlScalar s) {
            sb.append(' ').append(s.style()).append(" [").append(s.value()).append("]\n");
        } else if (n instanceof YamlMapping m) {
            sb.append(" complete=").append(m.complete()).append('\n');
            for (YamlEntry e : m.entries()) {
                dump(e.key(), depth + 1, sb);
                dump(e.value(), depth + 2, sb);
            }
        } else if (n instanceof YamlSequence q) {
            sb.append(" complete=").append(q.complete()).append('\n');
            for (YamlNode i : q.items()) {
                dump(i, depth + 1, sb);
            }
        } else if (n instanceof YamlAliasNode a) {
            sb.append(" -> ").append(a.target() == null ? null : a.target().range()).append('\n');
        }
    }

    private static void assertParents(ParsedYaml y) {
        for (YamlDocument d : y.documents()) {
            if (d.root() != null) {
                assertNull(d.root().parent());
                assertParents(d.root());
            }
        }
    }

    private static void assertParents(YamlNode n) {
        if (n instanceof YamlMapping m) {
            for (YamlEntry e : m.entries()) {
                assertSame(m, e.key().parent());
                assertSame(m, e.value().parent());
                assertParents(e.value());
            }
        } else if (n instanceof YamlSequence q) {
            for (YamlNode i : q.items()) {
                assertSame(q, i.parent());
                assertParents(i);
            }
        }
    }
}
