package dev.mx.engine.service.completion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.devspace.DevspaceSchema;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.CompletionItem;
import dev.mx.engine.service.CompletionResult;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real-world files of the shared corpus (see its SOURCES.md), typed again key by key: cut a
 * key to its first letters (the line no longer parses) and completion there must offer that key
 * whenever DevSpace's model has it at that place. Completion and hover at every position must not
 * fail, and every edit must hold the cursor.
 */
class CorpusCompletionTest {
    static Path shared() {
        String shared = System.getProperty("mx.shared.dir");
        assertTrue(shared != null, "mx.shared.dir is not set (surefire sets it)");
        return Path.of(shared, "corpus");
    }

    static List<Path> files(Path dir, String glob) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName()))
                    .sorted().toList();
        }
    }

    @Test
    void devspaceKeysAreOfferedWhereTheyAreTyped() throws IOException {
        List<Path> files = files(shared().resolve("devspace").resolve("real"), "*.yaml");
        assertTrue(files.size() >= 20, "corpus too small: " + files.size());
        Spec root = Spec.of(DevspaceSchema.v2beta1().root());
        int checked = 0;
        List<String> missed = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            if (!text.contains("v2beta1")) {
                continue;
            }
            LineMap lines = new LineMap(text);
            for (int l = 0; l < lines.lineCount(); l++) {
                String line = lines.line(l);
                LineShape sh = LineShape.of(line);
                if (!sh.hasKey() || sh.key().length() < 3 || !CursorContext.isKeyWord(sh.key())) {
                    continue;
                }
                CursorContext at = CursorContext.forHover(lines, new Position(l, sh.contentStart()));
                if (at.kind() != CursorContext.Kind.KEY) {
                    continue;
                }
                List<String> path = at.path();
                Spec parent = root.at(path.subList(0, path.size() - 1));
                if (parent == null || parent.shape() != Spec.Shape.OBJECT || !parent.keyNames().contains(sh.key())) {
                    continue;
                }
                Set<String> siblings = at.outline().siblings(l, sh.contentStart(), sh.dashes().length > 0).keySet();
                boolean excluded = siblings.contains(sh.key()) || parent.exclusive().stream().anyMatch(g ->
                        g.keys().contains(sh.key()) && g.keys().stream().anyMatch(siblings::contains));
                if (excluded) {
                    continue;
                }
                int cut = sh.contentStart() + 2;
                String typed = text.substring(0, lines.lineStart(l) + cut)
                        + text.substring(lines.lineContentEnd(l));
                DocumentModel doc = ServiceAssert.model(typed, "devspace.yaml", null);
                CompletionResult r = complete(doc, new Position(l, cut));
                checked++;
                if (r.items().stream().noneMatch(i -> i.label().equals(sh.key()))) {
                    missed.add(f.getFileName() + ":" + (l + 1) + " " + sh.key() + " at " + path + " got "
                            + r.items().stream().map(CompletionItem::label).collect(Collectors.joining(",")));
                }
            }
        }
        System.out.println("[corpus] keys typed again: " + checked + ", missed: " + missed.size());
        assertTrue(checked > 300, "too few keys checked: " + checked);
        assertTrue(missed.isEmpty(), String.join("\n", missed));
    }

    @Test
    void everyPositionOfEveryFileIsSafe() throws IOException {
        List<Path> all = new ArrayList<>(files(shared().resolve("devspace").resolve("real"), "*.yaml"));
        List<Path> ml = files(shared().resolve("mlproject").resolve("real"), "MLproject");
        int calls = 0;
        for (Path f : all) {
            calls += everyPosition(Files.readString(f), "devspace.yaml");
        }
        for (Path f : ml) {
            calls += everyPosition(Files.readString(f), "MLproject");
        }
        System.out.println("[corpus] completion and hover calls: " + calls + " in " + (all.size() + ml.size())
                + " files");
        assertTrue(ml.size() >= 10, "MLproject corpus too small: " + ml.size());
    }

    private static int everyPosition(String text, String name) {
        DocumentModel doc = ServiceAssert.model(text, name, null);
        LineMap lines = doc.lines();
        int calls = 0;
        for (int l = 0; l < lines.lineCount(); l++) {
            int len = lines.line(l).length();
            for (int col : new int[] {0, len / 2, len}) {
                Position p = new Position(l, col);
                CompletionResult r = complete(doc, p);
                for (CompletionItem i : r.items()) {
                    assertTrue(i.edit().range().start().line() == l && i.edit().range().start().column() <= col
                            && i.edit().range().end().column() >= col && i.edit().range().end().column() <= len,
                            "bad edit range " + i.edit().range() + " at " + p + " in " + name);
                }
                ServiceAssert.SERVICE.hover(doc, p, CancelChecker.NEVER);
                calls += 2;
            }
        }
        return calls;
    }

    private static CompletionResult complete(DocumentModel doc, Position p) {
        return ServiceAssert.SERVICE.complete(doc, p, true, CancelChecker.NEVER);
    }
}
