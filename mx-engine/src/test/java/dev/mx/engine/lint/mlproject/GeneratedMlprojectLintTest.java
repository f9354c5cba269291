package dev.mx.engine.lint.mlproject;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mx.engine.MxEngine;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.Linter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The MLproject rules accept what mx's own skeleton generates (with its Kubernetes config and Job template). */
class GeneratedMlprojectLintTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gcp", "none"})
    void theSkeletonsMlprojectHasNoErrors(String cloud) throws Exception {
        Path root = dir.resolve("demo-" + cloud);
        Files.createDirectories(root);
        MxEngine.create().generate(root, "ml-project-skeleton", Map.of("cloud", cloud));
        List<Diagnostic> ds = Linter.lintFile(root.resolve("MLproject"), "MLproject").stream()
                .filter(d -> d.rule().startsWith("mlproject/")).toList();
        ds.forEach(d -> System.out.println("skeleton (" + cloud + ") " + d.range().start() + " "
                + d.severity().label() + " [" + d.rule() + "] " + d.message()));
        assertEquals(List.of(), ds.stream().filter(d -> d.severity() == Severity.ERROR).toList());
    }
}
