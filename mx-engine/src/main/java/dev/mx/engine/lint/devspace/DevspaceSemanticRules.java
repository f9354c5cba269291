package dev.mx.engine.lint.devspace;

import dev.mx.engine.lint.LintRule;
import java.util.List;

/**
 * The semantic rules for devspace.yaml: what DevSpace checks beyond the shape of the file (names,
 * references between sections, variables, hooks, profiles, imports) plus the version gate. Every
 * rule but {@code devspace/version} stays silent on files with an older config version (see
 * {@link DevspaceFiles#isV2}).
 */
public final class DevspaceSemanticRules {
    private DevspaceSemanticRules() {
    }

    public static List<LintRule> all() {
        return List.of(
                new VersionRule(),
                new NameRule(),
                new UnknownReferenceRule(),
                new RuntimeVarRule(),
                new VarRule(),
                new ImageRules.Duplicate(),
                new ImageRules.Tag(),
                new HookRule(),
                new ProfileRule(),
                new ImportRule());
    }
}
