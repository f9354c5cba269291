package dev.mx.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mx.engine.state.AppliedGenerator;
import dev.mx.engine.state.ProjectState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "state", description = "Show the project's answers and applied generators (.mx/state.yaml).")
final class StateCommand implements Callable<Integer> {
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
        if (!Files.exists(project.resolve(".mx").resolve("state.yaml"))) {
            throw dev.mx.engine.MxException.input(project + " is not an mx project (no .mx/state.yaml); create one with"
                    + " `mx new ml-project-skeleton DIR`");
        }
        ProjectState state = MxCli.engine().state(project, o::notice);
        if (o.json) {
            ObjectNode n = Output.JSON.createObjectNode();
            n.put("project", project.toString());
            n.put("formatVersion", state.formatVersion());
            n.set("answers", Output.JSON.valueToTree(state.answers()));
            ArrayNode gs = n.putArray("generators");
            for (AppliedGenerator g : state.generators()) {
                ObjectNode gn = gs.addObject();
                gn.put("id", g.id());
                gn.put("version", g.version());
                gn.set("parameters", Output.JSON.valueToTree(g.parameters()));
                gn.set("files", Output.JSON.valueToTree(g.files()));
                gn.set("manifests", Output.JSON.valueToTree(g.manifests()));
            }
            o.print(n);
            return MxCli.OK;
        }
        o.out.println("Project " + project);
        o.out.println("Answers:");
        state.answers().forEach((k, v) -> o.out.println("  " + k + ": " + v));
        o.out.println("Applied generators:");
        for (AppliedGenerator g : state.generators()) {
            int keys = g.manifests().values().stream().mapToInt(java.util.Map::size).sum();
            o.out.println("  " + g.id() + " " + g.version() + " (" + g.files().size() + " files, " + keys
                    + " manifest keys)");
        }
        return MxCli.OK;
    }
}
