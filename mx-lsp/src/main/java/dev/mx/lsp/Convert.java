package dev.mx.lsp;

import dev.mx.engine.diag.Severity;
import dev.mx.engine.service.CompletionResult;
import dev.mx.engine.service.HoverResult;
import dev.mx.engine.service.LinkItem;
import dev.mx.engine.service.LocationItem;
import dev.mx.engine.service.SymbolItem;
import dev.mx.engine.service.WorkspaceChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.DeleteFile;
import org.eclipse.lsp4j.DeleteFileOptions;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.InsertTextMode;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Engine types to LSP types and back: the only place that knows both. Positions need no
 * arithmetic because the engine counts columns in UTF-16 units as LSP does.
 */
final class Convert {
    static final String SOURCE = "mx";

    private Convert() {
    }

    static Position position(dev.mx.engine.text.Position p) {
        return new Position(p.line(), p.column());
    }

    static Range range(dev.mx.engine.text.Range r) {
        return new Range(position(r.start()), position(r.end()));
    }

    /** A client position for the engine: negative numbers (a broken client) become zero. */
    static dev.mx.engine.text.Position position(Position p) {
        return p == null ? new dev.mx.engine.text.Position(0, 0)
                : new dev.mx.engine.text.Position(Math.max(0, p.getLine()), Math.max(0, p.getCharacter()));
    }

    /** A client range for the engine; a reversed range is put the right way round. */
    static dev.mx.engine.text.Range range(Range r) {
        if (r == null) {
            return dev.mx.engine.text.Range.of(0, 0, 0, 0);
        }
        dev.mx.engine.text.Position a = position(r.getStart());
        dev.mx.engine.text.Position b = position(r.getEnd());
        return a.compareTo(b) <= 0 ? new dev.mx.engine.text.Range(a, b) : new dev.mx.engine.text.Range(b, a);
    }

    static String uri(Path p) {
        return p.toAbsolutePath().normalize().toUri().toString();
    }

    static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }

    /** The code is the rule id (what .mx/lint.yaml, suppressions and mx.lint.rules name). */
    static Diagnostic diagnostic(dev.mx.engine.diag.Diagnostic d) {
        Diagnostic out = new Diagnostic(range(d.range()), d.message(), severity(d.severity()), SOURCE);
        out.setCode(Either.forLeft(d.rule()));
        return out;
    }

    /** Whether a client's diagnostic (sent back in a code action context) is this engine diagnostic. */
    static boolean same(Diagnostic client, dev.mx.engine.diag.Diagnostic d) {
        if (client == null || client.getRange() == null) {
            return false;
        }
        String code = client.getCode() == null ? null
                : client.getCode().isLeft() ? client.getCode().getLeft() : String.valueOf(client.getCode().getRight());
        return d.rule().equals(code) && range(client.getRange()).equals(d.range())
                && (client.getMessage() == null || client.getMessage().equals(d.message()));
    }

    static CompletionList completion(CompletionResult r, ClientCaps caps) {
        List<CompletionItem> items = new ArrayList<>(r.items().size());
        for (dev.mx.engine.service.CompletionItem c : r.items()) {
            items.add(completionItem(c, caps));
        }
        return new CompletionList(r.incomplete(), items);
    }

    static CompletionItem completionItem(dev.mx.engine.service.CompletionItem c, ClientCaps caps) {
        CompletionItem item = new CompletionItem(c.label());
        item.setKind(switch (c.kind()) {
            case PROPERTY -> CompletionItemKind.Property;
            case VALUE -> CompletionItemKind.Value;
            case ENUM -> CompletionItemKind.EnumMember;
            case REFERENCE -> CompletionItemKind.Reference;
            case GENERATOR -> CompletionItemKind.Module;
            case PARAMETER -> CompletionItemKind.Variable;
            case SNIPPET -> CompletionItemKind.Snippet;
        });
        item.setDetail(c.detail());
        if (c.documentation() != null) {
            item.setDocumentation(markup(c.documentation(), caps.completionDocsMarkdown()));
        }
        item.setSortText(c.sortText());
        item.setFilterText(c.filterText());
        if (c.edit() != null) {
            boolean snippet = caps.snippets() && c.snippet() != null;
            String text = snippet ? c.snippet() : c.edit().newText();
            item.setTextEdit(Either.forLeft(new TextEdit(range(c.edit().range()), text)));
            item.setInsertTextFormat(snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
            if (caps.insertTextModeAsIs() && text.indexOf('\n') >= 0) {
                // the engine indents every line itself; the client must not indent them again
                item.setInsertTextMode(InsertTextMode.AsIs);
            }
        }
        return item;
    }

    static Hover hover(HoverResult h, ClientCaps caps) {
        Hover out = new Hover(markup(h.markdown(), caps.hoverMarkdown()));
        if (h.range() != null) {
            out.setRange(range(h.range()));
        }
        return out;
    }

    static MarkupContent markup(String markdown, boolean clientTakesMarkdown) {
        return clientTakesMarkdown ? new MarkupContent(MarkupKind.MARKDOWN, markdown)
                : new MarkupContent(MarkupKind.PLAINTEXT, plainText(markdown));
    }

    /** Markdown read as plain text: code fences and emphasis markers dropped, links as "text (url)". */
    static String plainText(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                continue;
            }
            String l = line.replaceAll("\\[([^\\]]+)]\\(([^)]+)\\)", "$1 ($2)")
                    .replaceAll("(\\*\\*|__)(.+?)\\1", "$2")
                    .replaceAll("`([^`]*)`", "$1")
                    .replaceAll("^#{1,6} ", "");
            out.append(l).append('\n');
        }
        return out.toString().strip();
    }

    /**
     * Most symbols sent for one document, parents before children; the rest are left out. An outline
     * of 50,000 deployments helps nobody, and its JSON alone (tens of MB) exhausted a 256 MB heap.
     */
    static final int MAX_SYMBOLS = 5_000;

    static List<Either<SymbolInformation, DocumentSymbol>> symbols(List<SymbolItem> items, String uri,
            ClientCaps caps) {
        List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
        int[] budget = {MAX_SYMBOLS};
        if (caps.hierarchicalSymbols()) {
            for (SymbolItem s : items) {
                if (budget[0]-- <= 0) {
                    break;
                }
                out.add(Either.forRight(documentSymbol(s, caps, budget)));
            }
        } else {
            flatten(items, null, uri, caps, out, budget);
        }
        return out;
    }

    private static DocumentSymbol documentSymbol(SymbolItem s, ClientCaps caps, int[] budget) {
        List<DocumentSymbol> children = new ArrayList<>();
        for (SymbolItem c : s.children()) {
            if (budget[0]-- <= 0) {
                break;
            }
            children.add(documentSymbol(c, caps, budget));
        }
        return new DocumentSymbol(s.name(), symbolKind(s.kind(), caps), range(s.range()), range(s.selectionRange()),
                s.detail(), children);
    }

    @SuppressWarnings("deprecation") // SymbolInformation is what clients without hierarchical support take
    private static void flatten(List<SymbolItem> items, String container, String uri, ClientCaps caps,
            List<Either<SymbolInformation, DocumentSymbol>> out, int[] budget) {
        for (SymbolItem s : items) {
            if (budget[0]-- <= 0) {
                return;
            }
            out.add(Either.forLeft(new SymbolInformation(s.name(), symbolKind(s.kind(), caps),
                    new Location(uri, range(s.range())), container)));
            flatten(s.children(), s.name(), uri, caps, out, budget);
        }
    }

    /** A symbol kind the client knows: without a value set only File..Array (1-18) are safe. */
    static SymbolKind symbolKind(SymbolItem.Kind k, ClientCaps caps) {
        SymbolKind kind = switch (k) {
            case NAMESPACE -> SymbolKind.Namespace;
            case MODULE -> SymbolKind.Module;
            case CLASS -> SymbolKind.Class;
            case FUNCTION -> SymbolKind.Function;
            case PROPERTY -> SymbolKind.Property;
            case KEY -> SymbolKind.Key;
            case EVENT -> SymbolKind.Event;
            case PACKAGE -> SymbolKind.Package;
        };
        boolean known = caps.symbolKinds().isEmpty() ? kind.getValue() <= SymbolKind.Array.getValue()
                : caps.symbolKinds().contains(kind);
        return known ? kind : SymbolKind.Property;
    }

    static Location location(LocationItem l) {
        return new Location(uri(l.file()), range(l.range()));
    }

    static DocumentLink link(LinkItem l) {
        return new DocumentLink(range(l.range()), uri(l.target()));
    }

    /**
     * Edits to one open document: a versioned {@code TextDocumentEdit} when the client takes
     * {@code documentChanges} (so a stale edit is refused), else the plain {@code changes} map.
     */
    static WorkspaceEdit documentEdit(String uri, int version, List<dev.mx.engine.text.TextEdit> edits,
            ClientCaps caps) {
        List<TextEdit> lsp = edits.stream().map(Convert::textEdit).toList();
        if (caps.documentChanges()) {
            return new WorkspaceEdit(List.of(Either.forLeft(
                    new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, version), lsp))));
        }
        Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
        changes.put(uri, lsp);
        return new WorkspaceEdit(changes);
    }

    static TextEdit textEdit(dev.mx.engine.text.TextEdit e) {
        return new TextEdit(range(e.range()), e.newText());
    }

    /** An open document, as the editor named it: its URI and version. */
    record OpenFile(String uri, int version) {
    }

    /**
     * A generator's changes as one {@code WorkspaceEdit}: for each created file a
     * {@code CreateFile} then a {@code TextDocumentEdit} inserting its content; edits of existing
     * files (versioned when open, so an editor whose buffer moved on refuses them); deletions.
     *
     * @param open the open document at a path, or null
     */
    static WorkspaceEdit workspaceChange(WorkspaceChange change, Function<Path, OpenFile> open) {
        List<Either<TextDocumentEdit, ResourceOperation>> ops = new ArrayList<>();
        for (WorkspaceChange.Create c : change.creates()) {
            String uri = uriOf(c.file(), open);
            ops.add(Either.forRight(new CreateFile(uri)));
            ops.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, null),
                    List.of(new TextEdit(new Range(new Position(0, 0), new Position(0, 0)), c.content())))));
        }
        for (WorkspaceChange.Edit e : change.edits()) {
            OpenFile f = open.apply(e.file());
            String uri = f != null ? f.uri() : uri(e.file());
            ops.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri,
                    f != null ? f.version() : null), e.edits().stream().map(Convert::textEdit).toList())));
        }
        for (Path d : change.deletes()) {
            DeleteFileOptions options = new DeleteFileOptions();
            options.setIgnoreIfNotExists(true);
            ops.add(Either.forRight(new DeleteFile(uriOf(d, open), options)));
        }
        return new WorkspaceEdit(ops);
    }

    private static String uriOf(Path p, Function<Path, OpenFile> open) {
        OpenFile f = open.apply(p);
        return f != null ? f.uri() : uri(p);
    }
}
