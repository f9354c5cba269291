package dev.mx.engine.lint.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state rules on a state file mx itself wrote: clean at first, then tracking edits on disk. */
class GeneratedStateLintTest {
    @TempDir
    Path dir;

    @Test
    void aFreshStateIsCleanAndEditsAreTracked() throws IOException {
        Path root = dir.resolve("demo");
        Files.createDirectories(root);
        MxEngine.create().generate(root, "ml-project-skeleton", Map.of("cloud", "none"));
        Path state = root.resolve(".mx/state.yaml");

        assertEquals(List.of(), stateFindings(state), "a state file mx just wrote");

        Files.writeString(root.resolve("Dockerfile"), "# edited\n", java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.delete(root.resolve("MLproject"));
        Path devspace = root.resolve("devspace.yaml");
        Files.writeString(devspace, Files.readString(devspace).replace("training-infrastructure:",
                "training-infrastructure-old:"));

        List<Diagnostic> after = stateFindings(state);
        String all = after.stream().map(d -> d.rule() + " " + d.message()).reduce("", (a, b) -> a + b + "\n");
        assertTrue(after.stream().anyMatch(d -> d.rule().equals("state/changed-file")
                && d.message().startsWith("Dockerfile changed since ml-project-skeleton")), all);
        assertTrue(after.stream().anyMatch(d -> d.rule().equals("state/missing-file")
                && d.message().startsWith("MLproject holds keys of ml-project-skeleton but is missing")), all);
        assertTrue(after.stream().anyMatch(d -> d.rule().equals("state/changed-file")
                && d.message().contains("deployments.training-infrastructure was removed")), all);
        assertEquals(3, after.size(), all);
    }

    private static List<Diagnostic> stateFindings(Path state) {
        return Linter.lintFile(state, ".mx/state.yaml").stream().filter(d -> d.rule().startsWith("state/")).toList();
    }
}
