package dev.mx.lsp;

import dev.mx.engine.MxException;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.CodeActionItem;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.service.WorkspaceChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Document sync and per-document features. Notifications update our copy of the text on the
 * reader thread (cheap) and schedule validation; requests run on workers through
 * {@link MxLanguageServer#onDocument} and only translate between LSP and the engine.
 */
final class MxTextDocumentService implements TextDocumentService {
    private static final String APPLY_GENERATOR_DATA = "mx.applyGenerator";

    private final MxLanguageServer server;

    MxTextDocumentService(MxLanguageServer server) {
        this.server = server;
    }

    // ---- sync -----------------------------------------------------------------------------

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        try {
            TextDocumentItem item = params.getTextDocument();
            OpenDocument doc = new OpenDocument(item.getUri(), item.getVersion(),
                    item.getText() == null ? "" : item.getText());
            server.open(doc); // every document: an mx file's rules may read it (an env file, a manifest)
            server.validator().schedule(doc, 0);
        } catch (RuntimeException e) {
            server.log().error("didOpen failed", e);
        }
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        try {
            OpenDocument doc = server.document(params.getTextDocument().getUri());
            if (doc == null) {
                server.log().debug("didChange for a document that is not open: " + params.getTextDocument().getUri());
                return;
            }
            Integer version = params.getTextDocument().getVersion();
            if (!doc.apply(version, params.getContentChanges())) {
                server.log().warn("ignored stale didChange v" + version + " of " + doc.uri() + " (we have v"
                        + doc.version() + ")");
                return;
            }
            server.validator().schedule(doc, Validator.CHANGE_DELAY_MS);
        } catch (RuntimeException e) {
            server.log().error("didChange failed", e);
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        try {
            String uri = params.getTextDocument().getUri();
            OpenDocument doc = server.close(uri);
            if (doc != null && doc.kind() != null) {
                server.getWorkspaceService().closed(doc);
            }
        } catch (RuntimeException e) {
            server.log().error("didClose failed", e);
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the disk changed: other documents may read this file (an env file, a manifest, the state file)
        server.validator().scheduleAll(0);
    }

    // ---- features -------------------------------------------------------------------------

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        Either<List<CompletionItem>, CompletionList> empty = Either.forRight(new CompletionList(false, List.of()));
        return server.onDocument("completion", uri(params.getTextDocument()), empty, (doc, model, cancel) ->
                Either.forRight(Convert.completion(server.service().complete(model,
                        Convert.position(params.getPosition()), server.caps().snippets(), cancel), server.caps())));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return server.onDocument("hover", uri(params.getTextDocument()), null, (doc, model, cancel) ->
                server.service().hover(model, Convert.position(params.getPosition()), cancel)
                        .map(h -> Convert.hover(h, server.caps())).orElse(null));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return server.onDocument("documentSymbol", uri(params.getTextDocument()), List.of(), (doc, model, cancel) ->
                Convert.symbols(server.service().symbols(model, cancel), doc.uri(), server.caps()));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        Either<List<? extends Location>, List<? extends LocationLink>> empty = Either.forLeft(List.of());
        return server.onDocument("definition", uri(params.getTextDocument()), empty, (doc, model, cancel) ->
                Either.forLeft(server.service().definition(model, Convert.position(params.getPosition()), cancel)
                        .stream().map(Convert::location).toList()));
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return server.onDocument("documentLink", uri(params.getTextDocument()), List.of(), (doc, model, cancel) ->
                server.service().links(model, cancel).stream().map(Convert::link).toList());
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return server.onDocument("codeAction", uri(params.getTextDocument()), List.of(),
                (doc, model, cancel) -> codeActions(doc, model, params, cancel));
    }

    private List<Either<Command, CodeAction>> codeActions(OpenDocument doc, DocumentModel model,
            CodeActionParams params, CancelChecker cancel) {
        dev.mx.engine.text.Range range = Convert.range(params.getRange());
        List<org.eclipse.lsp4j.Diagnostic> context = params.getContext() == null
                || params.getContext().getDiagnostics() == null ? List.of() : params.getContext().getDiagnostics();
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();

        // the client's diagnostics lost the fixes: find ours for the same version
        List<Diagnostic> known = doc.diagnostics(model.version());
        if (known == null) {
            known = server.diagnostics(model, cancel);
            doc.validated(model.version(), known);
        }
        Map<Diagnostic, org.eclipse.lsp4j.Diagnostic> matched = new LinkedHashMap<>();
        for (Diagnostic d : known) {
            if (context.isEmpty()) {
                // a client that sends no context (a range action): the diagnostics touching the range
                if (d.range().start().compareTo(range.end()) <= 0 && range.start().compareTo(d.range().end()) <= 0) {
                    matched.put(d, Convert.diagnostic(d));
                }
            } else {
                context.stream().filter(c -> Convert.same(c, d)).findFirst().ifPresent(c -> matched.put(d, c));
            }
        }

        MxLanguageService service = server.service();
        ClientCaps caps = server.caps();
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        for (CodeActionItem item : service.codeActions(model, range, new ArrayList<>(matched.keySet()), cancel)) {
            if (only != null && !only.isEmpty() && only.stream().noneMatch(k -> isKind(item.kind().lspKind(), k))) {
                continue;
            }
            if (item.kind() == CodeActionItem.Kind.QUICK_FIX) {
                if (!caps.codeActionLiterals()) {
                    continue; // a bare Command cannot carry an edit
                }
                CodeAction a = new CodeAction(item.title());
                a.setKind(CodeActionKind.QuickFix);
                if (item.diagnostic() != null) {
                    org.eclipse.lsp4j.Diagnostic d = matched.get(item.diagnostic());
                    a.setDiagnostics(List.of(d != null ? d : Convert.diagnostic(item.diagnostic())));
                }
                if (item.preferred()) {
                    a.setIsPreferred(true);
                }
                a.setEdit(Convert.documentEdit(doc.uri(), model.version(), item.edits(), caps));
                out.add(Either.forRight(a));
            } else if (item.generatorId() != null && item.projectRoot() != null) {
                CodeAction a = generatorAction(item, doc, caps);
                out.add(caps.codeActionLiterals() ? Either.forRight(a) : Either.forLeft(a.getCommand()));
            }
        }
        return out;
    }

    /** {@code kind} is {@code wanted} or below it in the hierarchy ("source" takes "source.mx.applyGenerator"). */
    private static boolean isKind(String kind, String wanted) {
        return kind.equals(wanted) || kind.startsWith(wanted + ".");
    }

    /**
     * "Apply generator": with clients that create files, an edit the client applies as one undoable
     * step (computed on codeAction/resolve when the client resolves, else right away); otherwise
     * the {@code mx.applyGenerator} command, which writes the files on disk.
     */
    private CodeAction generatorAction(CodeActionItem item, OpenDocument doc, ClientCaps caps) {
        CodeAction a = new CodeAction(item.title());
        a.setKind(item.kind().lspKind());
        Command command = new Command(item.title(), MxLanguageServer.APPLY_GENERATOR,
                List.of(item.projectRoot().toString(), item.generatorId()));
        if (!caps.codeActionLiterals() || !caps.createFiles()) {
            a.setCommand(command);
            return a;
        }
        if (caps.codeActionResolveEdit()) {
            JsonObject data = new JsonObject();
            data.addProperty("kind", APPLY_GENERATOR_DATA);
            data.addProperty("uri", doc.uri());
            data.addProperty("projectRoot", item.projectRoot().toString());
            data.addProperty("generatorId", item.generatorId());
            a.setData(data);
            return a;
        }
        try {
            WorkspaceEdit edit = generatorEdit(item.projectRoot(), item.generatorId());
            if (edit != null) {
                a.setEdit(edit);
                return a;
            }
        } catch (MxException | ResponseErrorException e) {
            // the command reports the reason when the user picks it
        }
        a.setCommand(command);
        return a;
    }

    @Override
    public CompletableFuture<CodeAction> resolveCodeAction(CodeAction action) {
        if (!(action.getData() instanceof JsonObject data) || !data.has("kind")
                || !APPLY_GENERATOR_DATA.equals(string(data, "kind"))) {
            return CompletableFuture.completedFuture(action);
        }
        return server.async("codeAction/resolve", action, cancel -> {
            String root = string(data, "projectRoot");
            String id = string(data, "generatorId");
            if (root == null || id == null) {
                return action;
            }
            WorkspaceEdit edit;
            try {
                edit = generatorEdit(Path.of(root), id);
            } catch (MxException e) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed,
                        "mx: " + e.getMessage(), null));
            }
            cancel.checkCanceled();
            if (edit != null) {
                action.setEdit(edit);
            } else {
                action.setCommand(new Command(action.getTitle(), MxLanguageServer.APPLY_GENERATOR, List.of(root, id)));
            }
            return action;
        });
    }

    /**
     * The generator's changes as one edit, or null when this client cannot apply them as an edit
     * (a deletion it cannot do, or a file in a new folder that it would not create).
     *
     * @throws MxException when the generator cannot be planned (conflicts, a bad parameter)
     * @throws ResponseErrorException when there is nothing to do, or an open file it edits has unsaved changes
     */
    WorkspaceEdit generatorEdit(Path root, String generatorId) {
        WorkspaceChange change = server.service().applyGenerator(root, generatorId, Map.of());
        if (change.isEmpty()) {
            throw userError("generator " + generatorId + " has nothing to change in " + root);
        }
        ClientCaps caps = server.caps();
        if (!caps.resourceEdits(!change.deletes().isEmpty())) {
            return null;
        }
        if (!caps.createsParentFolders()
                && change.creates().stream().anyMatch(c -> !Files.isDirectory(c.file().getParent()))) {
            return null;
        }
        change.edits().forEach(e -> server.requireSaved(e.file(), generatorId));
        return Convert.workspaceChange(change, p -> {
            OpenDocument d = server.documentAt(p);
            return d == null ? null : new Convert.OpenFile(d.uri(), d.version());
        });
    }

    static ResponseErrorException userError(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, "mx: " + message, null));
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static String uri(TextDocumentIdentifier id) {
        return id == null ? null : id.getUri();
    }
}
