package dev.mx.engine.lint.devspace;

import dev.mx.engine.devspace.DevspaceSchemaCheck;
import dev.mx.engine.diag.Fix;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import java.util.List;
import java.util.Set;

/**
 * The structural devspace.yaml rules, checked against mx's model of DevSpace's v2beta1 config
 * ({@link dev.mx.engine.devspace.DevspaceSchema}): what DevSpace's strict loader would reject
 * before doing anything. They only look at files with {@code version: v2beta1}; one shared pass
 * over the tree serves all of them.
 */
public final class DevspaceSchemaRules {
    private DevspaceSchemaRules() {
    }

    public static List<LintRule> all() {
        return List.of(new UnknownKeyRule(), new WrongTypeRule(), new OneOfRule(), new RequiredRule(), new EnumRule());
    }

    /**
     * Findings a semantic rule reports in its own words, so that one mistake gets one diagnostic:
     * hook events ({@code devspace/hook}) and profile patches and parents ({@code devspace/profile}).
     * The model still knows them (for completion and hover).
     */
    static final Set<String> REPORTED_BY_SEMANTIC_RULES = Set.of(
            "REQUIRED hooks[].events",
            "REQUIRED profiles[].patches[].op",
            "REQUIRED profiles[].patches[].path",
            "ENUM profiles[].patches[].op",
            "WRONG_TYPE profiles[].parents",
            "WRONG_TYPE profiles[].activation");

    /** Reports the findings of one kind for the running rule. */
    static void report(LintContext ctx, DevspaceSchemaCheck.Kind kind) {
        for (DevspaceSchemaCheck.Finding f : DevspaceSchemaCheck.check(ctx.yaml(), kind)) {
            if (!REPORTED_BY_SEMANTIC_RULES.contains(f.kind() + " " + f.schemaPath())) {
                ctx.report(f.range(), f.message(), f.fixes().toArray(new Fix[0]));
            }
        }
    }
}
