package dev.mx.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.generator.GeneratorCatalog;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.state.ProjectState;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List the generators available here, and which are applied.")
final class ListCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    MxCli root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "-C", paramLabel = "DIR", description = "The project directory.")
    Path dir;

    @Override
    public Integer call() {
        Output o = new Output(root.json, spec.commandLine().getOut(), spec.commandLine().getErr());
        Path project = Projects.root(dir);
        MxEngine engine = MxCli.engine();
        GeneratorCatalog catalog = engine.catalog(project);
        ProjectState state = engine.state(project);
        if (o.json) {
            ObjectNode out = Output.JSON.createObjectNode();
            ArrayNode gs = out.putArray("generators");
            for (GeneratorDescriptor g : catalog.all()) {
                ObjectNode n = gs.addObject();
                n.put("id", g.id());
                n.put("version", g.version());
                n.put("description", g.description());
                n.put("origin", g.origin().label());
                n.put("applied", state.isApplied(g.id()));
            }
            ArrayNode problems = out.putArray("problems");
            for (MxException e : catalog.problems()) {
                problems.add(e.describe());
            }
            o.print(out);
        } else {
            int width = catalog.all().stream().mapToInt(g -> g.id().length()).max().orElse(10);
            for (GeneratorDescriptor g : catalog.all()) {
                o.out.printf("%s %-" + width + "s  %-8s %s%s%n", state.isApplied(g.id()) ? "*" : " ", g.id(),
                        g.version(), g.description(),
                        g.origin() == dev.mx.engine.generator.GeneratorOrigin.BUILT_IN ? "" : "  [" + g.origin().label() + "]");
            }
            if (!state.generators().isEmpty()) {
                o.out.println("(* = applied to this project)");
            }
            for (MxException e : catalog.problems()) {
                o.err.println("mx: " + e.describe());
            }
        }
        return catalog.problems().isEmpty() ? MxCli.OK : MxCli.FINDINGS;
    }
}
