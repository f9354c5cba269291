package dev.mx.engine.lint;

import java.util.List;

/**
 * A set of rules, found with {@link java.util.ServiceLoader}: built-in rules and plugins from
 * other teams register the same way, in {@code META-INF/services/dev.mx.engine.lint.RuleProvider}.
 */
public interface RuleProvider {
    List<LintRule> rules();
}
