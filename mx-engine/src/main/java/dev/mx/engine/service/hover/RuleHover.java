package dev.mx.engine.service.hover;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.ParsedYaml;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The rules behind the findings at a position: the finding, then the rule's summary and why. The
 * document is linted at most once per parsed version (the model is shared by every request for
 * that version), so hovering around a file does not re-lint it.
 */
final class RuleHover {
    private static final Map<ParsedYaml, List<Diagnostic>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    record Found(Range range, String markdown) {
    }

    private RuleHover() {
    }

    static List<Diagnostic> diagnostics(MxLanguageService service, DocumentModel doc, CancelChecker cancel) {
        if (doc.kind() == null) {
            return List.of();
        }
        List<Diagnostic> d = CACHE.get(doc.yaml());
        if (d == null) {
            d = service.diagnostics(doc, Map.of(), cancel);
            CACHE.put(doc.yaml(), List.copyOf(d));
        }
        return d;
    }

    /** Markdown for the findings whose range holds {@code p}, or null when there are none. */
    static Found at(MxLanguageService service, List<Diagnostic> diagnostics, Position p) {
        StringBuilder sb = new StringBuilder();
        Range range = null;
        for (Diagnostic d : diagnostics) {
            if (!d.range().contains(p)) {
                continue;
            }
            if (range == null) {
                range = d.range();
            }
            if (sb.length() > 0) {
                sb.append("\n\n---\n\n");
            }
            sb.append("**").append(d.rule()).append("** · ").append(d.severity().label()).append("\n\n")
                    .append(d.message());
            RuleMeta meta = service.rules().find(d.rule()).map(LintRule::meta).orElse(null);
            if (meta != null) {
                sb.append("\n\n").append(meta.summary());
                if (meta.why() != null && !meta.why().isBlank()) {
                    sb.append("\n\n**Why:** ").append(meta.why());
                }
            }
        }
        return range == null ? null : new Found(range, sb.toString());
    }
}
