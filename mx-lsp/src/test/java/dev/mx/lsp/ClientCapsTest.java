package dev.mx.lsp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading client capabilities: everything optional, sensible fallbacks. */
class ClientCapsTest {
    @Test
    void fullClient() {
        ClientCaps c = ConvertTest.FULL;
        assertTrue(c.snippets() && c.hoverMarkdown() && c.completionDocsMarkdown() && c.insertTextModeAsIs());
        assertTrue(c.codeActionLiterals() && c.codeActionResolveEdit() && c.documentChanges());
        assertTrue(c.createFiles() && c.deleteFiles() && c.resourceEdits(true));
        assertTrue(c.workDoneProgress() && c.watchedFilesDynamic() && c.configurationDynamic());
        assertTrue(c.hierarchicalSymbols());
        assertFalse(c.configurationPull());
        assertTrue(c.createsParentFolders());
    }

    @Test
    void neovim07() {
        ClientCaps c = ConvertTest.NVIM;
        assertFalse(c.snippets(), "Neovim 0.7 has no snippet support");
        assertFalse(c.documentChanges());
        assertTrue(c.createFiles() && c.codeActionResolveEdit());
        assertFalse(c.createsParentFolders(), "0.7 opens new files without creating their folder");
        assertTrue(ConvertTest.caps("{}", "{\"name\": \"Neovim\", \"version\": \"0.9.5\"}").createsParentFolders());
        assertTrue(ConvertTest.caps("{}", "{\"name\": \"Neovim\", \"version\": \"0.10.0-dev\"}").createsParentFolders());
        assertFalse(ConvertTest.caps("{}", "{\"name\": \"Neovim\", \"version\": \"0.8.3\"}").createsParentFolders());
    }

    @Test
    void emptyCapabilities() {
        ClientCaps c = ConvertTest.BARE;
        assertFalse(c.snippets() || c.hoverMarkdown() || c.codeActionLiterals() || c.createFiles()
                || c.workDoneProgress() || c.watchedFilesDynamic() || c.hierarchicalSymbols());
        assertFalse(c.resourceEdits(false));
        assertTrue(ClientCaps.NONE.symbolKinds().isEmpty());
    }
}
