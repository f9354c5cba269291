package dev.mx.engine.lint;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.text.LineMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppression: {@code # mx-lint-disable-next-line rule-a, rule-b} silences those rules
 * (all rules when none is named) on the next line that is not a comment.
 */
final class Suppressions {
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*mx-lint-disable-next-line\\b(.*)$");

    /** Line → suppressed rule ids ("*" for all). */
    private final Map<Integer, Set<String>> byLine = new HashMap<>();

    /** Directive line → the rule ids it names, to report unknown ids. */
    final Map<Integer, List<String>> directives = new HashMap<>();

    Suppressions(LineMap lines) {
        for (int i = 0; i < lines.lineCount(); i++) {
            Matcher m = DIRECTIVE.matcher(lines.line(i));
            if (!m.matches()) {
                continue;
            }
            String rest = m.group(1).replaceAll("--.*$", "").strip();
            List<String> ids = rest.isEmpty() ? List.of("*") : List.of(rest.split("[,\\s]+"));
            directives.put(i, ids);
            int target = i + 1;
            while (target < lines.lineCount() && (lines.line(target).isBlank()
                    || lines.line(target).stripLeading().startsWith("#"))) {
                target++;
            }
            byLine.computeIfAbsent(target, k -> new java.util.HashSet<>()).addAll(ids);
        }
    }

    boolean suppressed(Diagnostic d) {
        Set<String> ids = byLine.get(d.range().start().line());
        return ids != null && (ids.contains("*") || ids.contains(d.rule()));
    }
}
