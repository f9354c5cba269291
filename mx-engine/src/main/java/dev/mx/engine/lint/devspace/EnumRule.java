package dev.mx.engine.lint.devspace;

import dev.mx.engine.devspace.DevspaceSchemaCheck;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;

/** {@code devspace/enum}: a value outside the fixed set DevSpace accepts for that key. */
public final class EnumRule implements LintRule {
    static final RuleMeta META = new RuleMeta("devspace/enum", FileKind.DEVSPACE, Severity.ERROR,
            "A value DevSpace does not accept for a key with a fixed set of values (initialSync, arch,"
                    + " rebuildStrategy, vars source, patch op, pipeline flag type, ...).",
            "DevSpace rejects the config with `dev.app.sync[0].initialSync is not valid 'mirrorlocal'`,"
                    + " `dev.app.arch is not valid 'x86'`, `images.app.rebuildStrategy never is invalid` or, when a"
                    + " patch is applied, `unexpected op: set`. The values are case-sensitive; the fix picks the"
                    + " closest valid one.",
            "version: v2beta1\ndev:\n  app:\n    imageSelector: ghcr.io/acme/app\n    sync:\n      - path: ./:/app\n"
                    + "        initialSync: mirrorlocal\n",
            "version: v2beta1\ndev:\n  app:\n    imageSelector: ghcr.io/acme/app\n    sync:\n      - path: ./:/app\n"
                    + "        initialSync: mirrorLocal\n");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        DevspaceSchemaRules.report(ctx, DevspaceSchemaCheck.Kind.ENUM);
    }
}
