package dev.mx.engine.service.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextDiffTest {
    /** Edits rendered as {@code line:col-line:col "new text"}, zero-based. */
    private static List<String> edits(String before, String after) {
        List<TextEdit> edits = TextDiff.edits(before, after);
        assertEquals(after, new LineMap(before).apply(edits), "the edits reproduce the text");
        return edits.stream().map(e -> e.range().start().line() + ":" + e.range().start().column() + "-"
                + e.range().end().line() + ":" + e.range().end().column() + " \"" + e.newText()
                .replace("\r", "\\r").replace("\n", "\\n") + "\"").toList();
    }

    @Test
    void insertionsDeletionsAndChangesAreNarrow() {
        assertEquals(List.of(), edits("a\nb\n", "a\nb\n"));
        assertEquals(List.of("2:0-2:0 \"c\\n\""), edits("a\nb\n", "a\nb\nc\n"));
        assertEquals(List.of("1:0-2:0 \"\""), edits("a\nb\nc\n", "a\nc\n"));
        assertEquals(List.of("1:6-1:8 \"42\""), edits("a\nhash: 00\nc\n", "a\nhash: 42\nc\n"));
        assertEquals(List.of("0:1-0:1 \"\\n\""), edits("a", "a\n"));
        assertEquals(List.of("0:0-0:0 \"x\""), edits("", "x"));
        assertEquals(List.of("0:0-1:0 \"\""), edits("x\n", ""));
    }

    @Test
    void aKeyAddedInTheMiddleOfAManifest() {
        String before = "deployments:\n  app:\n    kubectl: {}\nvars:\n  A: 1\n";
        String after = "deployments:\n  app:\n    kubectl: {}\n  serving:\n    helm: {}\nvars:\n  A: 1\n";
        assertEquals(List.of("3:0-3:0 \"  serving:\\n    helm: {}\\n\""), edits(before, after));
    }

    @Test
    void lineBreaksAndSurrogatePairsAreNeverSplit() {
        assertEquals(List.of("0:1-0:1 \"b\""), edits("a\r\n", "ab\r\n"));
        List<String> crlf = edits("a\r\nb\r\n", "a\nb\r\n");
        assertEquals(1, crlf.size(), crlf::toString);
        List<String> emoji = edits("x \uD83D\uDE00\n", "x \uD83D\uDE01\n");
        assertEquals(List.of("0:2-0:4 \"\uD83D\uDE01\""), emoji);
    }

    @Test
    void randomEditsAlwaysReproduceTheText() {
        Random random = new Random(7);
        String[] pieces = {"a", "b", "\n", "\r\n", "\r", "key: ", "\uD83D\uDE00", "  ", "#"};
        for (int round = 0; round < 500; round++) {
            String before = randomText(random, pieces);
            StringBuilder after = new StringBuilder(before);
            for (int k = random.nextInt(4); k >= 0; k--) {
                int at = after.length() == 0 ? 0 : random.nextInt(after.length() + 1);
                if (random.nextBoolean() && at < after.length()) {
                    after.delete(at, Math.min(after.length(), at + 1 + random.nextInt(5)));
                } else {
                    after.insert(at, pieces[random.nextInt(pieces.length)]);
                }
            }
            edits(before, after.toString());
        }
    }

    private static String randomText(Random random, String[] pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(30); i > 0; i--) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    @Test
    void hugeTextsAreReplacedWhole() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= TextDiff.MAX_LINES; i++) {
            lines.add("line " + i + "\n");
        }
        String before = String.join("", lines);
        List<TextEdit> edits = TextDiff.edits(before, before + "more\n");
        assertEquals(1, edits.size());
        assertEquals(before + "more\n", edits.get(0).newText());
    }
}
