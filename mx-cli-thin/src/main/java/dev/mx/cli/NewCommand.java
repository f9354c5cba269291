package dev.mx.cli;

import dev.mx.engine.MxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "new", description = "Create a new project in DIR by applying a generator (e.g. ml-project-skeleton).")
final class NewCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    MxCli root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GENERATOR", description = "Generator id, usually ml-project-skeleton.")
    String generator;

    @Parameters(index = "1", paramLabel = "DIR", description = "New project directory; must not exist or be empty. Its name is the default project name.")
    Path dir;

    @CommandLine.Mixin
    SetValues set;

    @CommandLine.Option(names = "--dry-run", description = "Show what would be created; write nothing.")
    boolean dryRun;

    @CommandLine.Option(names = "--trust", description = "Run the generator's post-apply commands even though it is"
            + " not a built-in and not under a trusted path of ~/.config/mx/config.yaml.")
    boolean trust;

    @Override
    public Integer call() throws IOException {
        Path project = dir.toAbsolutePath().normalize();
        boolean existed = Files.exists(project);
        if (existed && !Files.isDirectory(project)) {
            throw MxException.input(dir + " exists and is not a directory");
        }
        if (existed) {
            try (Stream<Path> s = Files.list(project)) {
                if (s.anyMatch(p -> !p.getFileName().toString().equals(".git"))) {
                    throw MxException.input(dir + " is not empty; use `mx generate " + generator + " -C " + dir
                            + "` to apply a generator to an existing project");
                }
            }
        }
        if (!dryRun) {
            Files.createDirectories(project);
        }
        boolean keep = false;
        try {
            GenerateCommand.Ran ran = GenerateCommand.run(root, spec.commandLine(), project, generator, set, dryRun,
                    false, trust);
            // a failed post-apply command leaves the project applied: keep it
            keep = ran.code() == MxCli.OK || ran.applied();
            return ran.code();
        } finally {
            if (!keep && !existed && !dryRun) {
                deleteTree(project); // leave nothing behind from a new project that failed
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: what remains is an empty or partial new directory
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
