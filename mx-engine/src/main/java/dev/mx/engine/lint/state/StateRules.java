package dev.mx.engine.lint.state;

import dev.mx.engine.MxException;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import java.util.List;

/** The built-in rules for .mx/state.yaml, in the order they are documented. */
public final class StateRules {
    static final RuleMeta INVALID = new RuleMeta("state/invalid", FileKind.STATE, Severity.ERROR,
            "The state file must be one this mx can read.",
            "Every generator reads .mx/state.yaml first; a state file mx cannot read stops them all.",
            "format_version: 1\ngenerators:\n  - id: ml-project-skeleton\n    files:\n      Dockerfile: 1234\n",
            "format_version: 1\ngenerators:\n  - id: ml-project-skeleton\n    version: 1.0.0\n    files:\n"
                    + "      Dockerfile: sha256:<64 hex digits>\n");

    private StateRules() {
    }

    public static List<LintRule> all() {
        return List.of(new LintRule() {
            @Override
            public RuleMeta meta() {
                return INVALID;
            }

            @Override
            public void check(LintContext ctx) {
                if (ctx.yaml().hasSyntaxErrors()) {
                    return; // yaml/syntax already says where
                }
                // some other file saved here: said from the model we have (see StateModel.unknownTopKey)
                if (ctx.yaml().root() instanceof YamlMapping root && StateModel.unknownTopKey(root) != null) {
                    YamlEntry e = StateModel.unknownTopKey(root);
                    ctx.report(e.key().range(), "unknown key '" + e.keyText() + "' in the state file (allowed: "
                            + String.join(", ", StateModel.KEYS) + ")");
                    return;
                }
                if (StateModel.read(ctx) instanceof MxException e) {
                    int line = Math.max(0, e.line());
                    int col = Math.max(0, e.column());
                    int end = Math.max(col, ctx.lines().line(Math.min(line, ctx.lines().lineCount() - 1)).length());
                    ctx.report(Range.of(line, col, line, end), e.getMessage());
                } else if (StateModel.read(ctx) instanceof RuntimeException e) {
                    throw e; // not the file's fault: mx/rule-crashed
                } else if (StateModel.read(ctx) instanceof OutOfMemoryError e) {
                    throw e; // mx/rule-crashed says it ran out of memory
                }
            }
        },
                new UnknownGeneratorRule(),
                new StateParameterRule(),
                FileRules.missing(),
                FileRules.changed());
    }
}
