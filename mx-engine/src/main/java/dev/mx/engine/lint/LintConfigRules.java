package dev.mx.engine.lint;

import dev.mx.engine.diag.Severity;
import java.util.List;

/** Checks of {@code .mx/lint.yaml} itself. */
final class LintConfigRules {
    static final RuleMeta INVALID = new RuleMeta("lint-config/invalid", FileKind.LINT_CONFIG, Severity.ERROR,
            "The lint config names a rule or severity that does not exist, or has an unknown key.",
            "A misspelled rule id would silently configure nothing: the rule you meant to turn off stays on.",
            "rules:\n  devspace/unknwon-key: off\n",
            "rules:\n  devspace/unknown-key: off\n");

    private LintConfigRules() {
    }

    static List<LintRule> all() {
        return List.of(new LintRule() {
            @Override
            public RuleMeta meta() {
                return INVALID;
            }

            @Override
            public void check(LintContext ctx) {
                LintConfig.parse(ctx.yaml(), RuleRegistry.standard(), (range, message) -> ctx.report(range, message));
            }
        });
    }
}
