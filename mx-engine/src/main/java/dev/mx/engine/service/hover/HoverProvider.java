package dev.mx.engine.service.hover;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.HoverResult;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.service.completion.CursorContext;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import java.util.List;
import java.util.Optional;

/**
 * Documentation for the key, value, generator or rule under the cursor: the doc of a key or value
 * from the file's model, and for a place a lint finding covers, what its rule checks and why.
 */
public final class HoverProvider {
    private HoverProvider() {
    }

    /** Lints the document for the rule part (once per document version, see {@link RuleHover}). */
    public static Optional<HoverResult> hover(MxLanguageService service, DocumentModel doc, Position position,
            CancelChecker cancel) {
        return hover(service, doc, position, RuleHover.diagnostics(service, doc, cancel), cancel);
    }

    /** The same with the document's diagnostics already at hand (those the server last published). */
    public static Optional<HoverResult> hover(MxLanguageService service, DocumentModel doc, Position position,
            List<Diagnostic> diagnostics, CancelChecker cancel) {
        if (doc.kind() == null || position.line() >= doc.lines().lineCount()) {
            return Optional.empty();
        }
        Optional<HoverResult> content = content(service, doc, position);
        cancel.checkCanceled();
        RuleHover.Found rules = RuleHover.at(service, diagnostics, position);
        if (rules == null) {
            return content;
        }
        if (content.isEmpty()) {
            return Optional.of(new HoverResult(rules.range(), rules.markdown()));
        }
        return Optional.of(new HoverResult(content.get().range(),
                rules.markdown() + "\n\n---\n\n" + content.get().markdown()));
    }

    private static Optional<HoverResult> content(MxLanguageService service, DocumentModel doc, Position position) {
        CursorContext ctx = CursorContext.forHover(doc.lines(), position);
        return switch (doc.kind()) {
            case DEVSPACE -> DevspaceHover.hover(doc, ctx);
            case MLPROJECT -> MlprojectHover.hover(ctx);
            case STATE -> StateHover.hover(service, doc, ctx);
            default -> Optional.empty();
        };
    }

    static Optional<HoverResult> result(Range range, String markdown) {
        return markdown == null || markdown.isBlank() || range == null ? Optional.empty()
                : Optional.of(new HoverResult(range, markdown));
    }
}
