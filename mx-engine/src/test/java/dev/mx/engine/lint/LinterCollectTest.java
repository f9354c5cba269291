package dev.mx.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterCollectTest {
    @TempDir
    Path dir;

    @Test
    void findsKnownFilesAndWhatDevspaceImports() throws Exception {
        Files.createDirectories(dir.resolve("sub/shared"));
        Files.createDirectories(dir.resolve("node_modules/x"));
        Files.createDirectories(dir.resolve(".mx"));
        Files.writeString(dir.resolve("devspace.yaml"),
                "version: v2beta1\nname: a\nimports:\n  - path: sub/base.yaml\n  - path: sub/shared\n");
        Files.writeString(dir.resolve("sub/base.yaml"), "version: v2beta1\nimages:\n  x: {image: a}\n  x: {image: b}\n");
        Files.writeString(dir.resolve("sub/shared/devspace.yaml"), "version: v2beta1\n");
        Files.writeString(dir.resolve("MLProject"), "name: x\n");
        Files.writeString(dir.resolve(".mx/state.yaml"), "format_version: 1\n");
        Files.writeString(dir.resolve("node_modules/x/devspace.yaml"), "not: linted\n");
        Files.writeString(dir.resolve("other.yaml"), "a: 1\n");
        List<String> found = Linter.collect(List.of(dir)).stream().map(p -> dir.relativize(p).toString()).toList();
        assertEquals(List.of(".mx/state.yaml", "MLProject", "devspace.yaml", "sub/base.yaml",
                "sub/shared/devspace.yaml"), found);
        List<Diagnostic> ds = Linter.lintFile(dir.resolve("sub/base.yaml"), "sub/base.yaml");
        assertTrue(ds.stream().anyMatch(d -> d.rule().equals("yaml/duplicate-key")), ds.toString());
    }
}
