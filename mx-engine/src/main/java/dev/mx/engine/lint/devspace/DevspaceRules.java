package dev.mx.engine.lint.devspace;

import dev.mx.engine.lint.LintRule;
import java.util.List;

/** The built-in rules for devspace.yaml, in the order they are documented. */
public final class DevspaceRules {
    private DevspaceRules() {
    }

    public static List<LintRule> all() {
        return List.of();
    }
}
