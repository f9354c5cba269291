package dev.mx.engine.lint;

import dev.mx.engine.diag.Severity;

/**
 * What a rule is, for people and tools: its id (a contract for configs, suppressions and SARIF),
 * the file kind it checks, its default severity, a one-line summary, and a longer doc saying
 * why it exists (the run-time failure it prevents) with a wrong and a right example.
 */
public record RuleMeta(
        String id,
        FileKind kind,
        Severity defaultSeverity,
        String summary,
        String why,
        String wrongExample,
        String rightExample) {

    public RuleMeta {
        if (!id.matches("[a-z][a-z0-9-]*/[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("rule id must look like 'area/name': " + id);
        }
    }
}
