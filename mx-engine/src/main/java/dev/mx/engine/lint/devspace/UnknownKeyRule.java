package dev.mx.engine.lint.devspace;

import dev.mx.engine.devspace.DevspaceSchemaCheck;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;

/** {@code devspace/unknown-key}: a key DevSpace does not know, where it decodes strictly. */
public final class UnknownKeyRule implements LintRule {
    static final RuleMeta META = new RuleMeta("devspace/unknown-key", FileKind.DEVSPACE, Severity.ERROR,
            "A key DevSpace does not know, in a section it decodes strictly.",
            "DevSpace decodes devspace.yaml with unknown fields forbidden, so one misspelled key stops every"
                    + " command with `error loading config: yaml: unmarshal errors: line N: field kubctl not found in"
                    + " type latest.DeploymentConfig` (naming a Go type, not the place in your file). Free-form"
                    + " places such as helm values and patch values are not checked.",
            "version: v2beta1\ndeployments:\n  app:\n    kubctl:\n      manifests: [k8s/]\n",
            "version: v2beta1\ndeployments:\n  app:\n    kubectl:\n      manifests: [k8s/]\n");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        DevspaceSchemaRules.report(ctx, DevspaceSchemaCheck.Kind.UNKNOWN_KEY);
    }
}
