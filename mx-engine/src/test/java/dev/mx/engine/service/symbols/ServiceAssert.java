package dev.mx.engine.service.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.lint.RuleRegistry;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.LinkItem;
import dev.mx.engine.service.LocationItem;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.service.SymbolItem;
import dev.mx.engine.service.WorkspaceChange;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Data-driven assertions for the language service, after LemMinX's XMLAssert. A test text marks
 * the cursor with {@code |} (a {@code |} that is a YAML block indicator, as in {@code run: |-},
 * stays text) and expected ranges with {@code «…»}. Documents are written to real folders so
 * path features see real files.
 */
public final class ServiceAssert {
    private static final Pattern BLOCK_INDICATOR = Pattern.compile("[|>][-+0-9]*[ \\t]*(#.*)?$");

    private ServiceAssert() {
    }

    /** A test text with its markers taken out. */
    public record Marked(String text, Position cursor, List<Range> marks) {
    }

    public static Marked parse(String marked) {
        StringBuilder sb = new StringBuilder();
        Position cursor = null;
        List<Range> marks = new ArrayList<>();
        Position open = null;
        int line = 0;
        int col = 0;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == '|' && !isBlockIndicator(marked, i)) {
                if (cursor != null) {
                    throw new IllegalArgumentException("two cursors in test text");
                }
                cursor = new Position(line, col);
                continue;
            }
            if (c == '«') {
                open = new Position(line, col);
                continue;
            }
            if (c == '»') {
                marks.add(new Range(open, new Position(line, col)));
                open = null;
                continue;
            }
            sb.append(c);
            if (c == '\n') {
                line++;
                col = 0;
            } else {
                col++;
            }
        }
        return new Marked(sb.toString(), cursor, marks);
    }

    /** {@code key: |}, {@code - |-} or {@code key: >} at the end of a line: YAML, not a cursor. */
    private static boolean isBlockIndicator(String s, int i) {
        int lineEnd = s.indexOf('\n', i);
        String rest = s.substring(i, lineEnd < 0 ? s.length() : lineEnd);
        boolean afterIndicatorContext = i >= 2 && (s.startsWith(": ", i - 2) || s.startsWith("- ", i - 2));
        return afterIndicatorContext && BLOCK_INDICATOR.matcher(rest).matches() && lineEnd >= 0
                && s.length() > lineEnd + 1 && Character.isWhitespace(s.charAt(lineEnd + 1));
    }

    public static MxLanguageService service() {
        return new MxLanguageService(MxEngine.withGeneratorPath(List.of()), RuleRegistry.standard());
    }

    /** Writes {@code text} to {@code dir/relative} and returns it as an open document. */
    public static DocumentModel open(Path dir, String relative, String text) {
        Path file = dir.resolve(relative);
        write(file, text);
        return DocumentModel.of(file.toUri().toString(), file, 1, text);
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the given files (content = their own name) under {@code dir}. */
    public static void files(Path dir, String... relative) {
        for (String r : relative) {
            write(dir.resolve(r), r + "\n");
        }
    }

    // outline

    /**
     * The outline as indented text, one symbol a line: {@code name [KIND] detail}. Also checks
     * LSP's rule that each selection range lies inside its range and children inside parents.
     */
    public static String outline(List<SymbolItem> symbols) {
        StringBuilder sb = new StringBuilder();
        outline(symbols, null, "", sb);
        return sb.toString();
    }

    private static void outline(List<SymbolItem> symbols, SymbolItem parent, String indent, StringBuilder sb) {
        for (SymbolItem s : symbols) {
            assertTrue(within(s.selectionRange(), s.range()), () -> s.name() + ": selection outside range");
            if (parent != null) {
                assertTrue(within(s.range(), parent.range()), () -> s.name() + ": outside " + parent.name());
            }
            sb.append(indent).append(s.name()).append(" [").append(s.kind()).append(']');
            if (s.detail() != null) {
                sb.append(' ').append(s.detail());
            }
            sb.append('\n');
            outline(s.children(), s, indent + "  ", sb);
        }
    }

    private static boolean within(Range inner, Range outer) {
        return outer.start().compareTo(inner.start()) <= 0 && inner.end().compareTo(outer.end()) <= 0;
    }

    public static void assertOutline(MxLanguageService service, DocumentModel doc, String expected) {
        assertEquals(expected, outline(service.symbols(doc, CancelChecker.NEVER)));
    }

    // definitions and links

    /** A location as {@code relative/path@line:col-line:col} (zero-based), relative to {@code dir}. */
    public static String loc(Path dir, LocationItem l) {
        return rel(dir, l.file()) + "@" + r(l.range());
    }

    public static String r(Range range) {
        return range.start().line() + ":" + range.start().column() + "-" + range.end().line() + ":"
                + range.end().column();
    }

    public static String rel(Path dir, Path p) {
        return dir.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    /**
     * Opens {@code marked} as {@code dir/relative} and asserts that definition at its cursor goes
     * to the {@code «…»} marks of the same document, in order (none: no definition).
     */
    public static void assertDefinitionInDocument(MxLanguageService service, Path dir, String relative,
            String marked) {
        Marked m = parse(marked);
        assertTrue(m.cursor() != null, "no cursor in test text");
        DocumentModel doc = open(dir, relative, m.text());
        List<String> expected = m.marks().stream().map(x -> relative + "@" + r(x)).toList();
        assertEquals(expected, definitions(service, dir, doc, m.cursor()));
    }

    public static List<String> definitions(MxLanguageService service, Path dir, DocumentModel doc, Position p) {
        return service.definition(doc, p, CancelChecker.NEVER).stream().map(l -> loc(dir, l)).toList();
    }

    /** Definitions at the cursor of {@code marked}, opened as {@code dir/relative}. */
    public static List<String> definitions(MxLanguageService service, Path dir, String relative, String marked) {
        Marked m = parse(marked);
        return definitions(service, dir, open(dir, relative, m.text()), m.cursor());
    }

    /** Links as {@code text as written -> target relative to dir}. */
    public static List<String> links(MxLanguageService service, Path dir, DocumentModel doc) {
        List<String> out = new ArrayList<>();
        for (LinkItem l : service.links(doc, CancelChecker.NEVER)) {
            out.add(doc.yaml().textOf(l.range()) + " -> " + rel(dir, l.target()));
        }
        return out;
    }

    // workspace changes

    /** Applies a change to disk the way an editor applies the WorkspaceEdit made from it. */
    public static void applyToDisk(WorkspaceChange change) {
        try {
            for (WorkspaceChange.Create c : change.creates()) {
                assertTrue(!Files.exists(c.file()), () -> "create over an existing file: " + c.file());
                Files.createDirectories(c.file().getParent());
                Files.writeString(c.file(), c.content());
            }
            for (WorkspaceChange.Edit e : change.edits()) {
                String before = Files.readString(e.file());
                Files.writeString(e.file(), new LineMap(before).apply(e.edits()));
            }
            for (Path d : change.deletes()) {
                Files.delete(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code root} (relative path → content), mx's lock and journal aside. */
    public static Map<String, String> snapshot(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = rel(root, p);
                if (!rel.equals(".mx/lock")) {
                    out.put(rel, Files.readString(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
