package dev.mx.lsp;

import java.util.List;
import java.util.Optional;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ClientInfo;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InsertTextMode;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ResourceOperationKind;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;

/**
 * What the client said it can do, read once from {@code initialize} with every field optional.
 * Features degrade to what the client supports: plain text instead of snippets or Markdown, flat
 * symbols, a command instead of a file-creating edit.
 */
record ClientCaps(
        boolean snippets,
        boolean completionDocsMarkdown,
        boolean insertTextModeAsIs,
        boolean hoverMarkdown,
        boolean hierarchicalSymbols,
        List<SymbolKind> symbolKinds,
        boolean codeActionLiterals,
        boolean codeActionResolveEdit,
        boolean documentChanges,
        boolean createFiles,
        boolean deleteFiles,
        boolean workDoneProgress,
        boolean watchedFilesDynamic,
        boolean configurationDynamic,
        boolean configurationPull,
        String clientName,
        String clientVersion) {

    static final ClientCaps NONE = of(new InitializeParams());

    static ClientCaps of(InitializeParams params) {
        ClientCapabilities c = params.getCapabilities() != null ? params.getCapabilities() : new ClientCapabilities();
        Optional<TextDocumentClientCapabilities> td = Optional.ofNullable(c.getTextDocument());
        Optional<WorkspaceClientCapabilities> ws = Optional.ofNullable(c.getWorkspace());
        var completionItem = td.map(t -> t.getCompletion()).map(x -> x.getCompletionItem());
        var codeAction = td.map(t -> t.getCodeAction());
        var workspaceEdit = ws.map(w -> w.getWorkspaceEdit());
        List<String> resourceOps = workspaceEdit.map(w -> w.getResourceOperations()).orElse(List.of());
        ClientInfo info = params.getClientInfo();
        return new ClientCaps(
                is(completionItem.map(i -> i.getSnippetSupport())),
                first(completionItem.map(i -> i.getDocumentationFormat())).equals(MarkupKind.MARKDOWN),
                completionItem.map(i -> i.getInsertTextModeSupport()).map(s -> s.getValueSet())
                        .map(v -> v.contains(InsertTextMode.AsIs)).orElse(false),
                first(td.map(t -> t.getHover()).map(h -> h.getContentFormat())).equals(MarkupKind.MARKDOWN),
                is(td.map(t -> t.getDocumentSymbol()).map(s -> s.getHierarchicalDocumentSymbolSupport())),
                td.map(t -> t.getDocumentSymbol()).map(s -> s.getSymbolKind()).map(k -> k.getValueSet())
                        .orElse(List.of()),
                codeAction.map(a -> a.getCodeActionLiteralSupport()).isPresent(),
                codeAction.map(a -> a.getResolveSupport()).map(r -> r.getProperties())
                        .map(p -> p.contains("edit")).orElse(false),
                is(workspaceEdit.map(w -> w.getDocumentChanges())),
                resourceOps.contains(ResourceOperationKind.Create),
                resourceOps.contains(ResourceOperationKind.Delete),
                is(Optional.ofNullable(c.getWindow()).map(w -> w.getWorkDoneProgress())),
                is(ws.map(w -> w.getDidChangeWatchedFiles()).map(w -> w.getDynamicRegistration())),
                is(ws.map(w -> w.getDidChangeConfiguration()).map(w -> w.getDynamicRegistration())),
                is(ws.map(w -> w.getConfiguration())),
                info != null && info.getName() != null ? info.getName() : "",
                info != null && info.getVersion() != null ? info.getVersion() : "");
    }

    private static boolean is(Optional<Boolean> b) {
        return b.orElse(false);
    }

    /** The client's preferred format: the first listed, plain text when none is. */
    private static String first(Optional<List<String>> formats) {
        return formats.filter(f -> !f.isEmpty()).map(f -> f.get(0)).orElse(MarkupKind.PLAINTEXT);
    }

    /**
     * Whether applying a {@code CreateFile} also creates missing parent folders. VS Code and most
     * clients do; Neovim before 0.9 opens the file for writing without creating its folder, which
     * fails, so there files in new folders are written by the server instead.
     */
    boolean createsParentFolders() {
        if (!clientName.equals("Neovim")) {
            return true;
        }
        int[] v = version(clientVersion);
        return v[0] > 0 || v[1] >= 9;
    }

    /** Major and minor of a version such as "0.7.2" or "0.10.0-dev"; missing or odd parts are 0. */
    private static int[] version(String s) {
        String[] parts = s.split("\\.");
        int[] v = new int[2];
        for (int i = 0; i < v.length && i < parts.length; i++) {
            String digits = parts[i].replaceAll("\\D.*", "");
            v[i] = digits.isEmpty() || digits.length() > 6 ? 0 : Integer.parseInt(digits);
        }
        return v;
    }

    /** Resource edits (create, and delete when needed) are usable for a generator's changes. */
    boolean resourceEdits(boolean needsDelete) {
        return createFiles && (!needsDelete || deleteFiles);
    }
}
