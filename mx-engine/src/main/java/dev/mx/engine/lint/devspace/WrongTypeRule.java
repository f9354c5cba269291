package dev.mx.engine.lint.devspace;

import dev.mx.engine.devspace.DevspaceSchemaCheck;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;

/** {@code devspace/wrong-type}: a value of a kind DevSpace cannot decode into its field. */
public final class WrongTypeRule implements LintRule {
    static final RuleMeta META = new RuleMeta("devspace/wrong-type", FileKind.DEVSPACE, Severity.ERROR,
            "A value of the wrong kind: a mapping where a list is needed, a list where a string is needed, a quoted"
                    + " \"true\" for a bool.",
            "DevSpace fails to load the config with `error loading config: yaml: unmarshal errors: line N: cannot"
                    + " unmarshal !!map into []string` or `cannot unmarshal !!str `true` into bool`. Numbers and"
                    + " booleans are fine in string fields (`port: 8080`), and values holding a ${VAR} or $(expression)"
                    + " are not judged, because DevSpace replaces them before decoding.",
            "version: v2beta1\ndev:\n  app:\n    imageSelector: ghcr.io/acme/app\n    ports:\n      port: \"8080\"\n"
                    + "    sync:\n      - path: ./:/app\n        disableDownload: \"true\"\n",
            "version: v2beta1\ndev:\n  app:\n    imageSelector: ghcr.io/acme/app\n    ports:\n      - port: \"8080\"\n"
                    + "    sync:\n      - path: ./:/app\n        disableDownload: true\n");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        DevspaceSchemaRules.report(ctx, DevspaceSchemaCheck.Kind.WRONG_TYPE);
    }
}
