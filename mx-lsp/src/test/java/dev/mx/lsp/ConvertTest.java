package dev.mx.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.service.CompletionItem;
import dev.mx.engine.service.CompletionResult;
import dev.mx.engine.service.HoverResult;
import dev.mx.engine.service.SymbolItem;
import dev.mx.engine.service.WorkspaceChange;
import dev.mx.engine.text.Range;
import dev.mx.engine.text.TextEdit;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.DeleteFile;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.InsertTextMode;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** Engine results to LSP, per client capability. */
class ConvertTest {
    private static final MessageJsonHandler JSON = new MessageJsonHandler(java.util.Map.of());

    static ClientCaps caps(String capabilitiesJson) {
        return caps(capabilitiesJson, null);
    }

    static ClientCaps caps(String capabilitiesJson, String clientInfoJson) {
        String params = "{\"capabilities\": " + capabilitiesJson
                + (clientInfoJson == null ? "" : ", \"clientInfo\": " + clientInfoJson) + "}";
        return ClientCaps.of(JSON.getGson().fromJson(params, InitializeParams.class));
    }

    static final ClientCaps FULL = caps(MxLanguageServerProtocolIT.FULL_CLIENT);
    static final ClientCaps NVIM = caps(MxLanguageServerProtocolIT.NVIM_CLIENT,
            "{\"name\": \"Neovim\", \"version\": \"0.7.2\"}");
    static final ClientCaps BARE = caps("{}");

    private static JsonObject json(Object lsp) {
        return JsonParser.parseString(JSON.getGson().toJson(lsp)).getAsJsonObject();
    }

    @Test
    void diagnosticCarriesRuleAsCodeAndMxAsSource() {
        dev.mx.engine.diag.Diagnostic d = new dev.mx.engine.diag.Diagnostic("devspace.yaml", Range.of(2, 0, 2, 7),
                Severity.WARNING, "devspace/unknown-key", "unknown key 'imagess'");
        Diagnostic lsp = Convert.diagnostic(d);
        assertEquals(JsonParser.parseString("""
                {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 7}},
                 "severity": 2, "code": "devspace/unknown-key", "source": "mx", "message": "unknown key 'imagess'"}"""),
                json(lsp));
        assertTrue(Convert.same(lsp, d));
        lsp.setMessage("another finding on the same range");
        assertFalse(Convert.same(lsp, d));
        assertEquals(DiagnosticSeverity.Hint, Convert.severity(Severity.HINT));
        assertEquals(DiagnosticSeverity.Information, Convert.severity(Severity.INFO));
    }

    @Test
    void completionUsesSnippetsOnlyWhenTheClientTakesThem() {
        CompletionItem item = new CompletionItem("ports", CompletionItem.Kind.PROPERTY, "list", "Ports **forwarded**",
                new TextEdit(Range.of(8, 4, 8, 4), "ports:\n      - port: \n"), "ports:\n      - port: ${1:8080}\n$0",
                "1", "ports");
        CompletionResult r = new CompletionResult(List.of(item), false);

        org.eclipse.lsp4j.CompletionItem full = Convert.completion(r, FULL).getItems().get(0);
        assertEquals(InsertTextFormat.Snippet, full.getInsertTextFormat());
        assertEquals("ports:\n      - port: ${1:8080}\n$0", full.getTextEdit().getLeft().getNewText());
        assertEquals(InsertTextMode.AsIs, full.getInsertTextMode(), "the engine indents; the client must not");
        assertEquals(MarkupKind.MARKDOWN, full.getDocumentation().getRight().getKind());
        assertEquals(CompletionItemKind.Property, full.getKind());

        org.eclipse.lsp4j.CompletionItem plain = Convert.completion(r, NVIM).getItems().get(0);
        assertEquals(InsertTextFormat.PlainText, plain.getInsertTextFormat());
        assertEquals("ports:\n      - port: \n", plain.getTextEdit().getLeft().getNewText());
        assertEquals(new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(8, 4),
                new org.eclipse.lsp4j.Position(8, 4)), plain.getTextEdit().getLeft().getRange());
        assertNull(plain.getInsertTextMode(), "NVIM does not list insertTextModeSupport");
        assertEquals("1", plain.getSortText());
        assertEquals("ports", plain.getFilterText());

        org.eclipse.lsp4j.CompletionItem bare = Convert.completion(r, BARE).getItems().get(0);
        assertEquals(MarkupKind.PLAINTEXT, bare.getDocumentation().getRight().getKind());
        assertEquals("Ports forwarded", bare.getDocumentation().getRight().getValue());
    }

    @Test
    void hoverIsMarkdownOrPlainTextPerClient() {
        HoverResult h = new HoverResult(Range.of(7, 4, 7, 17), "**imageSelector**: pick the pod\n\n```yaml\nx: 1\n```");
        Hover md = Convert.hover(h, FULL);
        assertEquals(MarkupKind.MARKDOWN, md.getContents().getRight().getKind());
        assertEquals(h.markdown(), md.getContents().getRight().getValue());
        assertEquals(7, md.getRange().getStart().getLine());
        Hover plain = Convert.hover(h, BARE);
        assertEquals(MarkupKind.PLAINTEXT, plain.getContents().getRight().getKind());
        assertEquals("imageSelector: pick the pod\n\nx: 1", plain.getContents().getRight().getValue());
        assertEquals("see docs (https://x.dev) now", Convert.plainText("see [docs](https://x.dev) `now`"));
    }

    @Test
    @SuppressWarnings("deprecation")
    void symbolsAreHierarchicalOrFlattened() {
        SymbolItem app = new SymbolItem("app", "kubectl", SymbolItem.Kind.KEY, Range.of(12, 2, 15, 0),
                Range.of(12, 2, 12, 5), List.of());
        SymbolItem deployments = new SymbolItem("deployments", null, SymbolItem.Kind.NAMESPACE, Range.of(11, 0, 15, 0),
                Range.of(11, 0, 11, 11), List.of(app));

        List<Either<SymbolInformation, DocumentSymbol>> tree = Convert.symbols(List.of(deployments), "file:///d", FULL);
        assertEquals(1, tree.size());
        DocumentSymbol root = tree.get(0).getRight();
        assertEquals("deployments", root.getName());
        assertEquals("app", root.getChildren().get(0).getName());
        assertEquals(SymbolKind.Property, root.getChildren().get(0).getKind(),
                "Key (20) is not in the base set a client without a value set knows");

        List<Either<SymbolInformation, DocumentSymbol>> flat = Convert.symbols(List.of(deployments), "file:///d", BARE);
        assertEquals(2, flat.size());
        SymbolInformation child = flat.get(1).getLeft();
        assertEquals("app", child.getName());
        assertEquals("deployments", child.getContainerName());
        assertEquals("file:///d", child.getLocation().getUri());
    }

    @Test
    void symbolsStopAtABudget() {
        // found by MxLanguageServerHostileIT: the outline of a 250,000-line devspace.yaml (50,000
        // deployments) ran a 256 MB server out of memory while it was written as JSON
        Range r = Range.of(0, 0, 0, 1);
        List<SymbolItem> children = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            children.add(new SymbolItem("app-" + i, null, SymbolItem.Kind.CLASS, r, r, List.of()));
        }
        List<SymbolItem> top = List.of(new SymbolItem("deployments", null, SymbolItem.Kind.NAMESPACE, r, r, children),
                new SymbolItem("images", null, SymbolItem.Kind.NAMESPACE, r, r, List.of()));
        var nested = Convert.symbols(top, "file:///p/devspace.yaml", FULL);
        assertEquals(1, nested.size());
        assertEquals(Convert.MAX_SYMBOLS - 1, nested.get(0).getRight().getChildren().size());
        assertEquals(Convert.MAX_SYMBOLS, Convert.symbols(top, "file:///p/devspace.yaml", BARE).size());
    }

    @Test
    void quickFixEditIsVersionedWhenTheClientTakesDocumentChanges() {
        List<TextEdit> edits = new Fix("Rename to 'images'", List.of(new TextEdit(Range.of(2, 0, 2, 7), "images")))
                .edits();
        WorkspaceEdit versioned = Convert.documentEdit("file:///d", 4, edits, FULL);
        TextDocumentEdit te = versioned.getDocumentChanges().get(0).getLeft();
        assertEquals(4, te.getTextDocument().getVersion());
        assertEquals("images", te.getEdits().get(0).getNewText());
        WorkspaceEdit plain = Convert.documentEdit("file:///d", 4, edits, NVIM);
        assertNull(plain.getDocumentChanges());
        assertEquals("images", plain.getChanges().get("file:///d").get(0).getNewText());
    }

    @Test
    void generatorChangesBecomeOneWorkspaceEdit() {
        Path root = Path.of("/project").toAbsolutePath();
        WorkspaceChange change = new WorkspaceChange(
                List.of(new WorkspaceChange.Create(root.resolve("hello.yaml"), "kind: ConfigMap\n")),
                List.of(new WorkspaceChange.Edit(root.resolve("devspace.yaml"),
                        List.of(new TextEdit(Range.of(0, 0, 3, 0), "version: v2beta1\n"))),
                        new WorkspaceChange.Edit(root.resolve(".mx/state.yaml"),
                                List.of(new TextEdit(Range.of(0, 0, 1, 0), "format_version: 1\n")))),
                List.of(root.resolve("old.yaml")), "apply hello 1.0.0: 4 files");
        WorkspaceEdit edit = Convert.workspaceChange(change,
                p -> p.endsWith("devspace.yaml") ? new Convert.OpenFile("file:///project/devspace.yaml", 7) : null);
        List<Either<TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation>> ops = edit.getDocumentChanges();
        assertEquals(5, ops.size());
        CreateFile create = (CreateFile) ops.get(0).getRight();
        assertEquals(Convert.uri(root.resolve("hello.yaml")), create.getUri());
        assertNull(create.getOptions(), "fail rather than prepend to a file that appeared meanwhile");
        TextDocumentEdit content = ops.get(1).getLeft();
        assertEquals(create.getUri(), content.getTextDocument().getUri());
        assertEquals("kind: ConfigMap\n", content.getEdits().get(0).getNewText());
        assertEquals(0, content.getEdits().get(0).getRange().getStart().getLine());
        TextDocumentEdit open = ops.get(2).getLeft();
        assertEquals("file:///project/devspace.yaml", open.getTextDocument().getUri(), "the editor's own URI");
        assertEquals(7, open.getTextDocument().getVersion());
        TextDocumentEdit closed = ops.get(3).getLeft();
        assertNull(closed.getTextDocument().getVersion());
        assertTrue(json(edit).toString().contains("\"version\":null"), "explicit null: VS Code requires the field");
        DeleteFile delete = (DeleteFile) ops.get(4).getRight();
        assertTrue(delete.getOptions().getIgnoreIfNotExists());
    }
}
