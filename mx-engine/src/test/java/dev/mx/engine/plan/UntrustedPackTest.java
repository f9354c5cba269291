package dev.mx.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.generator.GeneratorOrigin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packs from {@code MX_GENERATOR_PATH} (directories and jars) and a project's
 * {@code .mx/generators/} are someone else's code: what they can read is confined to their own
 * directory, and what they can write to the project root, whatever links lie on the way.
 */
class UntrustedPackTest {
    @TempDir
    Path tmp;
    Path packs;
    Path project;
    Path outside;
    MxEngine engine;

    @BeforeEach
    void setUp() throws IOException {
        packs = Files.createDirectories(tmp.resolve("packs"));
        project = Files.createDirectories(tmp.resolve("demo"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("id_rsa"), "PRIVATE KEY\n");
        engine = MxEngine.withGeneratorPath(List.of(packs));
    }

    private Path pack(Path in, String id, String extra, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(in.resolve(id));
        Files.writeString(dir.resolve("generator.yaml"), "id: " + id + "\nversion: 1.0.0\ndescription: test pack\n"
                + "parameters:\n  - name: name\n    type: string\n    default: x\nfiles:\n  root: files\n" + extra);
        Files.createDirectories(dir.resolve("files"));
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        return dir;
    }

    private Plan plan(String id, Map<String, String> values) {
        return engine.plan(new MxEngine.Request(project, id, values));
    }

    @Test
    void aSymlinkedSourceFileLeadingOutOfThePackIsRefused() throws Exception {
        Path dir = pack(packs, "leak", "", Map.of("files/ok.txt", "ok\n"));
        Files.createSymbolicLink(dir.resolve("files/key.txt"), outside.resolve("id_rsa"));
        MxException e = assertThrows(MxException.class, () -> plan("leak", Map.of()));
        assertTrue(e.getMessage().contains("files/key.txt") && e.getMessage().contains("symbolic link"),
                e.getMessage());
        Files.delete(dir.resolve("files/key.txt"));
        Files.createSymbolicLink(dir.resolve("files/key.txt.ftl"), outside.resolve("id_rsa"));
        assertThrows(MxException.class, () -> plan("leak", Map.of()), "a linked template too");
        assertFalse(Files.exists(project.resolve("key.txt")));
    }

    @Test
    void aSymlinkInsideThePackIsFine() throws Exception {
        Path dir = pack(packs, "inner", "", Map.of("files/real.txt", "shared\n"));
        Files.createSymbolicLink(dir.resolve("files/alias.txt"), dir.resolve("files/real.txt"));
        Plan p = plan("inner", Map.of());
        engine.apply(p, false, s -> { });
        assertEquals("shared\n", Files.readString(project.resolve("alias.txt")));
    }

    @Test
    void outputThroughASymlinkedDirectoryIsRefusedWhenPlanningAndWhenApplying() throws Exception {
        pack(packs, "out", "", Map.of("files/conf/app.yaml", "a: 1\n"));
        Files.createSymbolicLink(project.resolve("conf"), outside);
        MxException e = assertThrows(MxException.class, () -> plan("out", Map.of()));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        Files.delete(project.resolve("conf"));
        // planned while conf/ did not exist; a link put there before the apply is still caught
        Plan p = plan("out", Map.of());
        Files.createSymbolicLink(project.resolve("conf"), outside);
        MxException late = assertThrows(MxException.class, () -> engine.apply(p, false, s -> { }));
        assertTrue(late.getMessage().contains("symbolic link"), late.getMessage());
        assertFalse(Files.exists(outside.resolve("app.yaml")), "wrote through the link");
        assertFalse(Files.exists(project.resolve(".mx/state.yaml")), "nothing applied");
    }

    @Test
    void globsInFilesWhenMustBeRelative() throws Exception {
        pack(packs, "abs", "  when:\n    \"/etc/**\": true\n", Map.of("files/a.txt", "a\n"));
        MxException e = assertThrows(MxException.class, () -> plan("abs", Map.of()));
        assertTrue(e.getMessage().contains("'/etc/**' must be a glob relative to the files root"), e.getMessage());
        assertEquals(10, e.line(), e.describe()); // 0-based: line 11, the glob's key
        pack(packs, "up", "  when:\n    \"../**\": true\n", Map.of("files/a.txt", "a\n"));
        assertThrows(MxException.class, () -> plan("up", Map.of()));
    }

    @Test
    void answersAreValidatedAndNeverEvaluated() throws Exception {
        pack(packs, "echo", "", Map.of("files/out.txt.ftl", "[=name]\n"));
        Files.writeString(outside.resolve("x.ftl"), "secret");
        String sneaky = "[#include \"../../outside/x.ftl\"][=\"freemarker.template.utility.Execute\"?new()(\"id\")]";
        engine.generate(project, "echo", Map.of("name", sneaky));
        assertEquals(sneaky + "\n", Files.readString(project.resolve("out.txt")), "an answer is data, not a template");
    }

    @Test
    void aPackInAJarLoadsAndIsConfinedLikeADirectory() throws Exception {
        Path jar = tmp.resolve("packs.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(z, "mx-templates/zipped/generator.yaml", "id: zipped\nversion: 2.0.0\ndescription: from a jar\n"
                    + "parameters:\n  - name: target\n    type: string\n    default: ok.txt\nfiles:\n  root: files\n");
            put(z, "mx-templates/zipped/files/[=target].ftl", "[#include \"/inc.ftl\"]\n");
            put(z, "mx-templates/zipped/inc.ftl", "included from the jar");
            put(z, "mx-templates/zipped/files/up.txt.ftl", "[#if target == \"up\"][#include \"../../x\"][/#if]");
        }
        MxEngine jarEngine = MxEngine.withGeneratorPath(List.of(jar));
        assertEquals(GeneratorOrigin.GENERATOR_PATH, jarEngine.catalog(project).require("zipped").origin());
        jarEngine.generate(project, "zipped", Map.of());
        assertEquals("included from the jar", Files.readString(project.resolve("ok.txt")));
        assertTrue(assertThrows(MxException.class, () -> jarEngine.plan(new MxEngine.Request(project, "zipped",
                Map.of("target", "../escape.txt")))).getMessage().contains("refused"));
        assertThrows(MxException.class, () -> jarEngine.plan(new MxEngine.Request(project, "zipped",
                Map.of("target", "up"))));
        assertFalse(Files.exists(tmp.resolve("escape.txt")));
    }

    @Test
    void aBrokenArchiveIsAProblemNotACrash() throws Exception {
        Path bad = tmp.resolve("broken.zip");
        Files.writeString(bad, "not a zip");
        MxEngine e = MxEngine.withGeneratorPath(List.of(bad, packs));
        pack(packs, "fine", "", Map.of("files/a.txt", "a\n"));
        var catalog = e.catalog(project);
        assertTrue(catalog.find("fine").isPresent());
        assertTrue(catalog.problems().stream().anyMatch(p -> p.getMessage().contains("broken.zip")),
                catalog.problems().toString());
    }

    @Test
    void aProjectPackIsConfinedToo() throws Exception {
        Path local = Files.createDirectories(project.resolve(".mx/generators"));
        Path dir = pack(local, "local", "", Map.of("files/a.txt.ftl", "[#include \"../../../../outside/id_rsa\"]"));
        assertEquals(GeneratorOrigin.PROJECT, engine.catalog(project).require("local").origin());
        assertThrows(MxException.class, () -> plan("local", Map.of()));
        Files.writeString(dir.resolve("files/a.txt.ftl"), "fine");
        Files.createSymbolicLink(dir.resolve("files/b.txt"), outside.resolve("id_rsa"));
        assertThrows(MxException.class, () -> plan("local", Map.of()));
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
