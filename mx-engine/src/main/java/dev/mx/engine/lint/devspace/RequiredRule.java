package dev.mx.engine.lint.devspace;

import dev.mx.engine.devspace.DevspaceSchemaCheck;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;

/** {@code devspace/required}: a key DevSpace's loader insists on is missing or empty. */
public final class RequiredRule implements LintRule {
    static final RuleMeta META = new RuleMeta("devspace/required", FileKind.DEVSPACE, Severity.ERROR,
            "A key DevSpace requires is missing or empty (images need image, pull secrets need registry, ...).",
            "DevSpace's validation stops the load with messages such as `images.app.image is required`,"
                    + " `pullSecrets.ghcr.registry is required`, `dev.app.reversePorts[0].port is required`,"
                    + " `dev.app.persistPaths[0].path is required`, `dev.app.sync[0].exec[0].command is required`,"
                    + " `require.plugins[0].version is required`, `hooks[0].events is required` or"
                    + " `commands.test.command is required`. Keys inside a profile's merge or replace are not"
                    + " required: they complete the config only when the profile is applied.",
            "version: v2beta1\nimages:\n  app:\n    dockerfile: ./Dockerfile\n",
            "version: v2beta1\nimages:\n  app:\n    image: ghcr.io/acme/app\n    dockerfile: ./Dockerfile\n");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        DevspaceSchemaRules.report(ctx, DevspaceSchemaCheck.Kind.REQUIRED);
    }
}
