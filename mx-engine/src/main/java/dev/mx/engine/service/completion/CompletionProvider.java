package dev.mx.engine.service.completion;

import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.CompletionResult;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;

/**
 * Completion at a position of a devspace.yaml, MLproject or state file. The place is worked out
 * from the text and indentation around the cursor ({@link CursorContext}), so it works while a
 * line is being typed and does not parse; names defined elsewhere in the file come from the
 * document's parsed tree. Nothing here re-parses or lints the document.
 */
public final class CompletionProvider {
    private CompletionProvider() {
    }

    public static CompletionResult complete(MxLanguageService service, DocumentModel doc, Position position,
            boolean snippets, CancelChecker cancel) {
        LineMap lines = doc.lines();
        if (position.line() >= lines.lineCount()) {
            return CompletionResult.EMPTY;
        }
        CursorContext ctx = CursorContext.forCompletion(lines, position);
        if (ctx.kind() == CursorContext.Kind.NONE) {
            return CompletionResult.EMPTY;
        }
        cancel.checkCanceled();
        Items items = new Items(lineBreak(lines), ctx.outline().indentStep(), snippets);
        switch (doc.kind()) {
            case DEVSPACE -> DevspaceCompletions.complete(doc, ctx, items);
            case MLPROJECT -> MlprojectCompletions.complete(doc, ctx, items);
            case STATE -> StateCompletions.complete(service, doc, ctx, items);
            default -> {
                return CompletionResult.EMPTY;
            }
        }
        return items.isEmpty() ? CompletionResult.EMPTY : new CompletionResult(items.list(), false);
    }

    /** The file's line break, judged from its first line (not a scan of the whole text). */
    static String lineBreak(LineMap lines) {
        if (lines.lineCount() < 2) {
            return "\n";
        }
        int next = lines.lineStart(1);
        return next >= 2 && lines.text().charAt(next - 2) == '\r' && lines.text().charAt(next - 1) == '\n' ? "\r\n"
                : "\n";
    }
}
