package dev.mx.engine.service;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.text.TextEdit;
import java.nio.file.Path;
import java.util.List;

/**
 * A code action: either a quick fix (edits to the document, for a diagnostic), or "apply
 * generator", resolved later through {@link MxLanguageService#applyGenerator} so nothing is
 * rendered until the user picks it.
 */
public record CodeActionItem(String title, Kind kind, Diagnostic diagnostic, List<TextEdit> edits,
        String generatorId, Path projectRoot, boolean preferred) {

    public enum Kind {
        QUICK_FIX("quickfix"),
        APPLY_GENERATOR("source.mx.applyGenerator");

        private final String lspKind;

        Kind(String lspKind) {
            this.lspKind = lspKind;
        }

        /** The LSP CodeActionKind string. */
        public String lspKind() {
            return lspKind;
        }
    }

    public CodeActionItem {
        edits = edits == null ? List.of() : List.copyOf(edits);
    }

    public static CodeActionItem quickFix(String title, Diagnostic d, List<TextEdit> edits, boolean preferred) {
        return new CodeActionItem(title, Kind.QUICK_FIX, d, edits, null, null, preferred);
    }

    public static CodeActionItem applyGenerator(String title, String generatorId, Path projectRoot) {
        return new CodeActionItem(title, Kind.APPLY_GENERATOR, null, List.of(), generatorId, projectRoot, false);
    }
}
