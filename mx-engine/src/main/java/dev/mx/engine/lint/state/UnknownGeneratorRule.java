package dev.mx.engine.lint.state;

import dev.mx.engine.MxException;
import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.generator.GeneratorCatalog;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.TextEdit;
import java.util.List;

/** Every applied generator must be one this project's catalog knows. */
final class UnknownGeneratorRule implements LintRule {
    static final RuleMeta META = new RuleMeta("state/unknown-generator", FileKind.STATE, Severity.WARNING,
            "Every generator recorded in the state file must be known here (built in, on MX_GENERATOR_PATH, or in"
                    + " .mx/generators/).",
            "mx re-applies, upgrades and validates a generator from its descriptor; for an id no catalog source"
                    + " knows (a typo, a removed generator, or a MX_GENERATOR_PATH this machine lacks) `mx generate`"
                    + " fails with \"unknown generator\" and its parameters cannot be checked.",
            "generators:\n  - id: ml-project-skeletn\n    version: 1.0.0\n",
            "generators:\n  - id: ml-project-skeleton\n    version: 1.0.0\n");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        StateModel m = StateModel.of(ctx);
        if (m == null || m.generators.isEmpty()) {
            return;
        }
        GeneratorCatalog catalog = m.catalog();
        List<String> known = catalog.all().stream().map(GeneratorDescriptor::id).toList();
        for (StateModel.Generator g : m.generators) {
            String id = g.applied().id();
            if (g.id() == null || catalog.find(id).isPresent()) {
                continue;
            }
            String broken = null;
            try {
                catalog.require(id);
            } catch (MxException e) {
                broken = e.getMessage();
            }
            if (broken != null && !broken.startsWith("unknown generator")) {
                ctx.report(g.id(), "generator '" + id + "' is here but does not load: " + broken);
                continue;
            }
            String near = StateModel.nearest(id, known, Math.max(2, id.length() / 3));
            ctx.report(g.id(), "no generator '" + id + "' is known in this project (built-ins, MX_GENERATOR_PATH,"
                    + " .mx/generators): `mx generate` cannot re-apply or upgrade it"
                    + (near != null ? "; did you mean '" + near + "'?" : known.isEmpty() ? ""
                            : "; known generators: " + String.join(", ", known)),
                    near != null ? new Fix[] {new Fix("Use '" + near + "'",
                            List.of(new TextEdit(g.id().range(), near)))} : new Fix[0]);
        }
    }
}
