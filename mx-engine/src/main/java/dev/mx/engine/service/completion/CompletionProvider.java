package dev.mx.engine.service.completion;

import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.CompletionResult;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.text.Position;

/** Completion at a position of a devspace.yaml, MLproject or state file. */
public final class CompletionProvider {
    private CompletionProvider() {
    }

    public static CompletionResult complete(MxLanguageService service, DocumentModel doc, Position position,
            boolean snippets, CancelChecker cancel) {
        return CompletionResult.EMPTY; // being written: keys, enum values, references, placeholders, generators
    }
}
