package dev.mx.engine.lint;

/**
 * One check over one kind of file. Rules run on the positioned YAML model (never on
 * re-serialized text), also when the file has syntax errors: they then see the partial tree.
 * A rule must not throw; if it does, the linter reports that instead of crashing.
 */
public interface LintRule {
    RuleMeta meta();

    void check(LintContext context);
}
