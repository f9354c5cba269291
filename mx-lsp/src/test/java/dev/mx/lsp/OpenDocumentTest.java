package dev.mx.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.lint.FileKind;
import dev.mx.engine.service.DocumentModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/** Our copy of a document's text, kept in step with incremental changes. */
class OpenDocumentTest {
    private static final String URI = Path.of("/project/devspace.yaml").toUri().toString();

    private static TextDocumentContentChangeEvent edit(int sl, int sc, int el, int ec, String text) {
        return new TextDocumentContentChangeEvent(new Range(new Position(sl, sc), new Position(el, ec)), text);
    }

    private static String applied(String text, TextDocumentContentChangeEvent... changes) {
        OpenDocument d = new OpenDocument(URI, 1, text);
        assertTrue(d.apply(2, List.of(changes)));
        return d.text();
    }

    @Test
    void insertReplaceAndDeleteAcrossLines() {
        String text = "a: 1\nb: 2\nc: 3\n";
        assertEquals("a: 1\nb: 22\nc: 3\n", applied(text, edit(1, 4, 1, 4, "2")));
        assertEquals("a: 1\nc: 3\n", applied(text, edit(1, 0, 2, 0, "")));
        assertEquals("a: X3\n", applied(text, edit(0, 3, 2, 3, "X")));
        assertEquals("z\na: 1\nb: 2\nc: 3\n", applied(text, edit(0, 0, 0, 0, "z\n")));
        assertEquals("a: 1\nb: 2\nc: 3\nd: 4", applied(text, edit(3, 0, 3, 0, "d: 4")));
    }

    @Test
    void changesOfOneNotificationApplyInOrder() {
        // the second range is in the text as left by the first
        assertEquals("ab\ncd!\n", applied("a\nc\n", edit(0, 1, 0, 1, "b"), edit(1, 1, 1, 1, "d!")));
    }

    @Test
    void wholeTextChangesReplaceEverything() {
        assertEquals("new", applied("old\ntext", new TextDocumentContentChangeEvent("new")));
        assertEquals("newX", applied("old", new TextDocumentContentChangeEvent("new"), edit(0, 3, 0, 3, "X")));
    }

    @Test
    void crlfLineBreaksStayIntact() {
        String text = "a: 1\r\nb: 2\r\n";
        assertEquals("a: 1\r\nb: 2\r\nc: 3\r\n", applied(text, edit(2, 0, 2, 0, "c: 3\r\n")));
        assertEquals("a: 10\r\nb: 2\r\n", applied(text, edit(0, 4, 0, 4, "0")));
        // a column past the end of a CRLF line means before its line break
        assertEquals("a: 1!\r\nb: 2\r\n", applied(text, edit(0, 99, 0, 99, "!")));
        assertEquals("a: 1\r\nb: 2\r\n", applied("a: 1\r\nX\r\nb: 2\r\n", edit(1, 0, 2, 0, "")));
    }

    @Test
    void columnsCountUtf16UnitsAsLspDoes() {
        // é is one unit, 😀 is two (a surrogate pair), 中 is one
        String text = "name: é😀中\nnext: x\n";
        assertEquals("name: é😀中!\nnext: x\n", applied(text, edit(0, 10, 0, 10, "!")));
        assertEquals("name: é中\nnext: x\n", applied(text, edit(0, 7, 0, 9, "")));
        assertEquals("name: é😀中\nnext: ü\n", applied(text, edit(1, 6, 1, 7, "ü")));
    }

    @Test
    void positionsOutsideTheTextAreClamped() {
        assertEquals("a\nb!", applied("a\nb", edit(9, 0, 9, 5, "!")));
        assertEquals("!a\nb", applied("a\nb", edit(0, -1, 0, 0, "!")));
        // an end before the start deletes nothing
        assertEquals("aXbc", applied("abc", edit(0, 1, 0, 0, "X")));
    }

    @Test
    void staleAndRepeatedVersionsAreIgnored() {
        OpenDocument d = new OpenDocument(URI, 5, "v5");
        assertFalse(d.apply(5, List.of(new TextDocumentContentChangeEvent("again"))));
        assertFalse(d.apply(3, List.of(new TextDocumentContentChangeEvent("old"))));
        assertEquals("v5", d.text());
        assertTrue(d.apply(9, List.of(new TextDocumentContentChangeEvent("v9"))), "versions may skip numbers");
        assertEquals(9, d.version());
        assertTrue(d.apply(null, List.of(new TextDocumentContentChangeEvent("v10"))), "no version: the next one");
        assertEquals(10, d.version());
    }

    @Test
    void randomEditsMatchAReferenceModel() {
        Random r = new Random(42);
        StringBuilder reference = new StringBuilder("version: v2beta1\r\nname: démo\ndev:\n  app: {}\n");
        OpenDocument d = new OpenDocument(URI, 0, reference.toString());
        String[] pieces = {"x", "\n", "\r\n", "😀", "é", "  key: value\n", ""};
        for (int v = 1; v <= 500; v++) {
            int a = r.nextInt(reference.length() + 1);
            int b = Math.min(reference.length(), a + r.nextInt(4));
            // never split a CRLF or a surrogate pair: the positions would not be distinct
            if (splits(reference, a) || splits(reference, b)) {
                continue;
            }
            String piece = pieces[r.nextInt(pieces.length)];
            Position pa = position(reference, a);
            Position pb = position(reference, b);
            reference.replace(a, b, piece);
            assertTrue(d.apply(v, List.of(new TextDocumentContentChangeEvent(new Range(pa, pb), piece))));
            assertEquals(reference.toString(), d.text(), "after edit " + v);
        }
    }

    private static boolean splits(CharSequence s, int i) {
        return i > 0 && i < s.length() && ((s.charAt(i - 1) == '\r' && s.charAt(i) == '\n')
                || (Character.isHighSurrogate(s.charAt(i - 1)) && Character.isLowSurrogate(s.charAt(i))));
    }

    private static Position position(CharSequence s, int offset) {
        int line = 0;
        int start = 0;
        for (int i = 0; i < offset; i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                line++;
                start = i + 1;
            }
        }
        return new Position(line, offset - start);
    }

    @Test
    void routesByFileNameNotLanguageId() {
        assertEquals(FileKind.DEVSPACE, new OpenDocument(URI, 1, "").kind());
        assertEquals(FileKind.DEVSPACE, kindOf("/p/devspace.yml"));
        assertEquals(FileKind.MLPROJECT, kindOf("/p/MLproject"));
        assertEquals(FileKind.MLPROJECT, kindOf("/p/mlproject"));
        assertEquals(FileKind.STATE, kindOf("/p/.mx/state.yaml"));
        assertEquals(FileKind.LINT_CONFIG, kindOf("/p/.mx/lint.yaml"));
        assertNull(kindOf("/p/state.yaml"));
        assertNull(kindOf("/p/values.yaml"));
        assertNull(new OpenDocument("untitled:Untitled-1", 1, "").kind());
        assertNull(new OpenDocument("not a uri", 1, "").kind());
        assertEquals(Path.of("/p/with space/devspace.yaml"),
                new OpenDocument("file:///p/with%20space/devspace.yaml", 1, "").path());
    }

    private static FileKind kindOf(String path) {
        return new OpenDocument(Path.of(path).toUri().toString(), 1, "").kind();
    }

    @Test
    void oneModelPerVersionSharedByConcurrentReaders() throws Exception {
        OpenDocument d = new OpenDocument(URI, 1, "version: v2beta1\n");
        OpenDocument.Snapshot s = d.snapshot();
        List<DocumentModel> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> seen.add(d.model(s)));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        seen.forEach(m -> assertSame(seen.get(0), m));
        assertTrue(d.apply(2, List.of(new TextDocumentContentChangeEvent("version: v2beta1\nname: x\n"))));
        DocumentModel next = d.model(d.snapshot());
        assertEquals(2, next.version());
        assertEquals("version: v2beta1\nname: x\n", next.text());
    }
}
