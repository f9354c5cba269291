package dev.mx.lsp;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.text.LineMap;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * One document the client has open: our own copy of its text, kept in step with the client's
 * incremental changes, and the engine's model of it parsed once per version and shared by every
 * feature. Thread-safe: changes arrive on the reader thread, features read from workers.
 *
 * <p>Positions are LSP's (zero-based line, UTF-16 column): Java strings count UTF-16 units too, so
 * a column is an offset into the line. A column past the end of its line means the end of the line
 * (before its line break, {@code \r\n} included); a line past the end means the end of the text.
 */
final class OpenDocument {
    private final String uri;
    private final Path path;
    private final FileKind kind;

    private final Object parseLock = new Object();
    private String text;
    private int version;
    private DocumentModel model;
    private Validated validated;

    /** The text of one version. */
    record Snapshot(int version, String text) {
    }

    /** Diagnostics computed for one version (code actions look up their fixes here). */
    record Validated(int version, List<Diagnostic> diagnostics) {
    }

    OpenDocument(String uri, int version, String text) {
        this.uri = uri;
        this.path = toPath(uri);
        this.kind = path == null ? null : FileKind.of(path).orElse(null);
        this.version = version;
        this.text = text;
    }

    /** The file behind a {@code file:} URI, or null for other schemes and malformed URIs. */
    static Path toPath(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equalsIgnoreCase(u.getScheme()) ? Path.of(u).toAbsolutePath().normalize() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    String uri() {
        return uri;
    }

    Path path() {
        return path;
    }

    /** mx's kind of file by name, or null: then the server gives it nothing. */
    FileKind kind() {
        return kind;
    }

    synchronized int version() {
        return version;
    }

    synchronized String text() {
        return text;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(version, text);
    }

    /**
     * Applies the changes of one {@code didChange}, in order. Each is either a whole new text
     * (no range) or a replacement of a range of the text as left by the previous change.
     *
     * @return false (and nothing changed) when {@code newVersion} is not newer than ours: a stale
     *     or repeated notification
     */
    synchronized boolean apply(Integer newVersion, List<TextDocumentContentChangeEvent> changes) {
        int next = newVersion == null ? version + 1 : newVersion;
        if (next <= version) {
            return false;
        }
        String t = text;
        for (TextDocumentContentChangeEvent c : changes) {
            if (c == null || c.getText() == null) {
                continue;
            }
            if (c.getRange() == null) {
                t = c.getText();
                continue;
            }
            LineMap lines = new LineMap(t);
            int start = offset(lines, c.getRange().getStart());
            int end = Math.max(start, offset(lines, c.getRange().getEnd()));
            t = new StringBuilder(t.length() - (end - start) + c.getText().length())
                    .append(t, 0, start).append(c.getText()).append(t, end, t.length()).toString();
        }
        text = t;
        version = next;
        return true;
    }

    /** The offset of an LSP position in {@code lines}' text, clamped into it. */
    static int offset(LineMap lines, org.eclipse.lsp4j.Position p) {
        if (p == null) {
            return 0;
        }
        int line = Math.max(0, p.getLine());
        int column = Math.max(0, p.getCharacter());
        if (line >= lines.lineCount()) {
            return lines.text().length();
        }
        return lines.offset(new dev.mx.engine.text.Position(line, column));
    }

    /**
     * The engine's model of the snapshot's version, parsed once per version: concurrent requests
     * for the same version wait for one parse and share it.
     */
    DocumentModel model(Snapshot s) {
        synchronized (parseLock) {
            DocumentModel m;
            synchronized (this) {
                m = model;
            }
            if (m != null && m.version() == s.version()) {
                return m;
            }
            // from the last model: only the entries the edits touched are parsed again
            m = m != null && m.version() < s.version() ? m.next(s.version(), s.text())
                    : DocumentModel.of(uri, path, s.version(), s.text());
            synchronized (this) {
                if (model == null || model.version() < s.version()) {
                    model = m;
                }
            }
            return m;
        }
    }

    synchronized void validated(int ofVersion, List<Diagnostic> diagnostics) {
        if (ofVersion == version) {
            validated = new Validated(ofVersion, List.copyOf(diagnostics));
        }
    }

    /** The diagnostics last computed for {@code ofVersion}, or null. */
    synchronized List<Diagnostic> diagnostics(int ofVersion) {
        return validated != null && validated.version() == ofVersion ? validated.diagnostics() : null;
    }
}
