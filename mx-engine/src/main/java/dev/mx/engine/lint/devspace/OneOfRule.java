package dev.mx.engine.lint.devspace;

import dev.mx.engine.devspace.DevspaceSchemaCheck;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;

/** {@code devspace/one-of}: keys that exclude each other, or none of a group that needs one. */
public final class OneOfRule implements LintRule {
    static final RuleMeta META = new RuleMeta("devspace/one-of", FileKind.DEVSPACE, Severity.ERROR,
            "Exactly one of helm/kubectl per deployment, of manifests/inlineManifest, of imageSelector/labelSelector"
                    + " per dev entry and of a hook's actions; at most one build engine per image.",
            "DevSpace's validation stops the load with `Please specify either helm or kubectl as deployment type in"
                    + " deployment app`, `deployments[app].kubectl and deployments[app].helm cannot be used together`,"
                    + " `deployments[app].kubectl.manifests or deployments[app].kubectl.InlineManifest is required`,"
                    + " `dev.app: image selector and label selector are nil` (or `cannot be used together`) and"
                    + " `you can only use one of hooks[0].command, hooks[0].logs, ...`. Two build engines on one image"
                    + " load, but DevSpace silently builds with one of them only.",
            "version: v2beta1\ndeployments:\n  app:\n    helm:\n      chart: {name: ./chart}\n    kubectl:\n"
                    + "      manifests: [k8s/]\n",
            "version: v2beta1\ndeployments:\n  app:\n    helm:\n      chart: {name: ./chart}\n  extras:\n"
                    + "    kubectl:\n      manifests: [k8s/]\n");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        DevspaceSchemaRules.report(ctx, DevspaceSchemaCheck.Kind.ONE_OF);
    }
}
