package dev.mx.engine.lint.devspace;

import dev.mx.engine.lint.LintRule;
import java.util.ArrayList;
import java.util.List;

/** The built-in rules for devspace.yaml, in the order they are documented. */
public final class DevspaceRules {
    private DevspaceRules() {
    }

    public static List<LintRule> all() {
        return concat(DevspaceSchemaRules.all(), DevspaceSemanticRules.all());
    }

    private static List<LintRule> concat(List<LintRule> a, List<LintRule> b) {
        List<LintRule> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
