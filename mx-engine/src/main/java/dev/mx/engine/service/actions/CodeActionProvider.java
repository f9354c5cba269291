package dev.mx.engine.service.actions;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Fix;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.CodeActionItem;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.text.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * Code actions: every fix of the diagnostics in the request's context as a quick fix (each
 * diagnostic's first fix preferred), then "Apply generator …" where a generator fits (see
 * {@link GeneratorActions}).
 */
public final class CodeActionProvider {
    private CodeActionProvider() {
    }

    public static List<CodeActionItem> codeActions(MxLanguageService service, DocumentModel doc, Range range,
            List<Diagnostic> context, CancelChecker cancel) {
        List<CodeActionItem> out = new ArrayList<>(quickFixes(context));
        cancel.checkCanceled();
        out.addAll(GeneratorActions.offered(service, doc, range, cancel));
        return out;
    }

    static List<CodeActionItem> quickFixes(List<Diagnostic> context) {
        List<CodeActionItem> out = new ArrayList<>();
        for (Diagnostic d : context == null ? List.<Diagnostic>of() : context) {
            boolean first = true;
            for (Fix f : d.fixes()) {
                if (!f.edits().isEmpty()) {
                    out.add(CodeActionItem.quickFix(f.title(), d, f.edits(), first));
                    first = false;
                }
            }
        }
        return out;
    }
}
