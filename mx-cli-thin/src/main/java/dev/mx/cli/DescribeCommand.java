package dev.mx.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.generator.ManifestContribution;
import dev.mx.engine.generator.Parameter;
import dev.mx.engine.generator.PostApplyStep;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "describe", description = "Show a generator's parameters, requirements and what it writes.")
final class DescribeCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    MxCli root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GENERATOR")
    String generator;

    @CommandLine.Option(names = "-C", paramLabel = "DIR", description = "The project directory.")
    Path dir;

    @Override
    public Integer call() {
        Output o = new Output(root.json, spec.commandLine().getOut(), spec.commandLine().getErr());
        GeneratorDescriptor g = MxCli.engine().catalog(Projects.root(dir)).require(generator);
        if (o.json) {
            ObjectNode n = Output.JSON.createObjectNode();
            n.put("id", g.id());
            n.put("version", g.version());
            n.put("description", g.description());
            n.put("help", g.help());
            n.put("origin", g.origin().label());
            ArrayNode req = n.putArray("requires");
            g.requires().forEach(req::add);
            ArrayNode ps = n.putArray("parameters");
            for (Parameter p : g.parameters()) {
                ObjectNode pn = ps.addObject();
                pn.put("name", p.name());
                pn.put("type", p.type().id());
                pn.set("default", Output.JSON.valueToTree(p.defaultExpression()));
                pn.put("required", p.required());
                pn.put("scope", p.projectScoped() ? "project" : "generator");
                if (p.pattern() != null) {
                    pn.put("pattern", p.pattern());
                }
                if (!p.choices().isEmpty()) {
                    ArrayNode cs = pn.putArray("choices");
                    p.choices().forEach(cs::add);
                }
                if (p.min() != null) {
                    pn.put("min", p.min());
                }
                if (p.max() != null) {
                    pn.put("max", p.max());
                }
                if (p.help() != null) {
                    pn.put("help", p.help().strip());
                }
            }
            ArrayNode ms = n.putArray("manifests");
            for (ManifestContribution m : g.manifests()) {
                ObjectNode mn = ms.addObject();
                mn.put("file", m.file());
                ArrayNode keys = mn.putArray("keys");
                m.keys().forEach(k -> keys.add(k.path()));
            }
            ArrayNode pa = Output.JSON.createArrayNode();
            if (!g.postApply().isEmpty()) {
                n.set("postApply", pa);
            }
            for (PostApplyStep step : g.postApply()) {
                ObjectNode sn = pa.addObject();
                ArrayNode run = sn.putArray("run");
                step.run().forEach(run::add);
                sn.put("description", step.description());
                if (step.when() != null) {
                    sn.put("when", step.when());
                }
                sn.put("timeoutSeconds", step.timeout().toSeconds());
            }
            o.print(n);
            return MxCli.OK;
        }
        o.out.println(g.id() + " " + g.version() + " (" + g.origin().label() + ")");
        o.out.println("  " + g.description());
        if (g.help() != null) {
            g.help().strip().lines().forEach(l -> o.out.println("  " + l));
        }
        if (!g.requires().isEmpty()) {
            o.out.println("Requires: " + String.join(", ", g.requires()));
        }
        o.out.println();
        o.out.println("Parameters (--set NAME=VALUE):");
        for (Parameter p : g.parameters()) {
            StringBuilder sb = new StringBuilder("  ").append(p.name()).append(" (").append(p.type().id().toLowerCase(Locale.ROOT));
            if (!p.choices().isEmpty()) {
                sb.append(": ").append(String.join("|", p.choices()));
            }
            if (p.min() != null || p.max() != null) {
                sb.append(", ").append(p.min() == null ? "" : p.min()).append("..").append(p.max() == null ? "" : p.max());
            }
            sb.append(p.projectScoped() ? ", shared answer" : "").append(')');
            if (p.hasDefault()) {
                sb.append(" default: ").append(p.defaultExpression());
            } else if (p.required()) {
                sb.append(" required");
            }
            o.out.println(sb);
            if (p.help() != null) {
                o.out.println("      " + p.help().strip().replace("\n", "\n      "));
            }
        }
        if (!g.manifests().isEmpty()) {
            o.out.println();
            o.out.println("Grows shared manifests:");
            for (ManifestContribution m : g.manifests()) {
                o.out.println("  " + m.file() + ": " + String.join(", ", m.keys().stream().map(ManifestContribution.Key::path).toList()));
            }
        }
        if (!g.postApply().isEmpty()) {
            o.out.println();
            o.out.println("Post-apply commands (run after an apply only if this generator is trusted;"
                    + " see docs/security.md):");
            for (PostApplyStep step : g.postApply()) {
                o.out.println("  " + String.join(" ", step.run()) + "    # " + step.description()
                        + (step.when() == null ? "" : " (when " + step.when() + ")"));
            }
        }
        return MxCli.OK;
    }
}
