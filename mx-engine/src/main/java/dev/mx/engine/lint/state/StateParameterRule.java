package dev.mx.engine.lint.state;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.generator.GeneratorCatalog;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.generator.Parameter;
import dev.mx.engine.generator.ParameterResolver;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.TextEdit;
import dev.mx.engine.yaml.YamlEntry;
import java.util.List;
import java.util.Optional;

/** Recorded parameters and answers must be ones the generator declares, with values it accepts. */
final class StateParameterRule implements LintRule {
    static final RuleMeta META = new RuleMeta("state/parameter", FileKind.STATE, Severity.ERROR,
            "Recorded parameters must be declared by their generator and pass its validation (type, pattern,"
                    + " min/max, choices).",
            "Re-applying a generator starts from the values recorded here: a value that fails validation stops"
                    + " `mx generate` (\"invalid parameters for ...\"), and a parameter the generator does not"
                    + " declare is silently ignored, so the default replaces what you meant. Shared answers are"
                    + " checked against the applied generator that declares them.",
            "generators:\n  - id: ml-project-skeleton\n    parameters:\n      gpu_count: 12\n      projct_name: demo\n",
            "generators:\n  - id: ml-project-skeleton\n    parameters:\n      gpu_count: 2\n"
                    + "      project_name: demo\n");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        StateModel m = StateModel.of(ctx);
        if (m == null || m.generators.isEmpty() && m.state.answers().isEmpty()) {
            return;
        }
        GeneratorCatalog catalog = m.catalog();
        for (StateModel.Generator g : m.generators) {
            Optional<GeneratorDescriptor> d = catalog.find(g.applied().id());
            if (d.isEmpty()) {
                continue; // state/unknown-generator
            }
            for (YamlEntry e : StateModel.entries(g.parameters())) {
                String name = e.keyText();
                if (name == null) {
                    continue;
                }
                Optional<Parameter> p = d.get().parameter(name);
                if (p.isEmpty()) {
                    undeclared(ctx, d.get(), e);
                } else {
                    value(ctx, d.get(), p.get(), e, g.applied().parameters().get(name), "");
                }
            }
        }
        YamlEntry answers = m.root.entry("answers");
        for (YamlEntry e : StateModel.entries(StateModel.mapping(answers == null ? null : answers.value()))) {
            String name = e.keyText();
            for (StateModel.Generator g : m.generators) {
                Optional<Parameter> p = catalog.find(g.applied().id()).flatMap(d -> d.parameter(name));
                if (p.isPresent()) {
                    value(ctx, catalog.find(g.applied().id()).get(), p.get(), e, m.state.answers().get(name),
                            " (shared answer)");
                    break;
                }
            }
        }
    }

    private static void undeclared(LintContext ctx, GeneratorDescriptor d, YamlEntry e) {
        String name = e.keyText();
        String near = StateModel.nearest(name, d.parameters().stream().map(Parameter::name).toList(),
                Math.max(1, name.length() / 3));
        ctx.report(e.key().range(), "generator " + d.id() + " declares no parameter '" + name + "': re-applying"
                + " ignores this value" + (near != null ? "; did you mean '" + near + "'?" : ""),
                near != null ? new Fix[] {new Fix("Rename to '" + near + "'",
                        List.of(new TextEdit(e.key().range(), near)))} : new Fix[0]);
    }

    private static void value(LintContext ctx, GeneratorDescriptor d, Parameter p, YamlEntry e, Object raw,
            String what) {
        String problem;
        try {
            problem = ParameterResolver.validate(p, ParameterResolver.coerce(p, raw));
        } catch (IllegalArgumentException | ClassCastException ex) {
            problem = ex.getMessage();
        }
        if (problem != null) {
            ctx.report(e.value().range(), (problem.startsWith(p.name()) ? "" : p.name() + ": ") + problem + what
                    + "; re-applying " + d.id() + " stops with \"invalid parameters\"");
        }
    }
}
