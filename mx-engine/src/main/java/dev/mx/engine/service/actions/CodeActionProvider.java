package dev.mx.engine.service.actions;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.CodeActionItem;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.text.Range;
import java.util.ArrayList;
import java.util.List;

/** Quick fixes from the rules' fixes, and "Apply generator" actions. */
public final class CodeActionProvider {
    private CodeActionProvider() {
    }

    public static List<CodeActionItem> codeActions(MxLanguageService service, DocumentModel doc, Range range,
            List<Diagnostic> context, CancelChecker cancel) {
        List<CodeActionItem> out = new ArrayList<>();
        for (Diagnostic d : context) {
            d.fixes().forEach(f -> out.add(CodeActionItem.quickFix(f.title(), d, f.edits(), out.isEmpty())));
        }
        return out; // being extended: generator actions
    }
}
