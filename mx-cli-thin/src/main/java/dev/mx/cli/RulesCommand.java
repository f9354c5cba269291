package dev.mx.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.lint.RuleRegistry;
import dev.mx.engine.lint.report.RulesDoc;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "rules", description = "List the lint rules, or show one rule's documentation.")
final class RulesCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    MxCli root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "RULE", description = "A rule id, e.g. devspace/unknown-key.")
    String rule;

    @Override
    public Integer call() {
        Output o = new Output(root.json, spec.commandLine().getOut(), spec.commandLine().getErr());
        RuleRegistry registry = RuleRegistry.standard();
        if (rule != null) {
            RuleMeta m = registry.find(rule).map(LintRule::meta).orElseThrow(() ->
                    dev.mx.engine.MxException.input("unknown rule '" + rule + "'; `mx rules` lists them"));
            if (o.json) {
                o.print(json(m));
            } else {
                o.out.print(RulesDoc.section(m));
            }
            return MxCli.OK;
        }
        if (o.json) {
            ObjectNode n = Output.JSON.createObjectNode();
            ArrayNode rules = n.putArray("rules");
            registry.all().forEach(r -> rules.add(json(r.meta())));
            o.print(n);
            return MxCli.OK;
        }
        int width = registry.all().stream().mapToInt(r -> r.meta().id().length()).max().orElse(20);
        for (LintRule r : registry.all()) {
            RuleMeta m = r.meta();
            o.out.printf("%-" + width + "s  %-7s  %s%n", m.id(), m.defaultSeverity().label(), m.summary());
        }
        return MxCli.OK;
    }

    private static ObjectNode json(RuleMeta m) {
        ObjectNode r = Output.JSON.createObjectNode();
        r.put("id", m.id());
        r.put("file", m.kind().name().toLowerCase(java.util.Locale.ROOT));
        r.put("severity", m.defaultSeverity().label());
        r.put("summary", m.summary());
        r.put("why", m.why());
        r.put("wrong", m.wrongExample());
        r.put("right", m.rightExample());
        return r;
    }
}
