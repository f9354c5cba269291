package dev.mx.engine.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.generator.GeneratorOrigin;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may run post-apply commands: built-ins, {@code --trust}, and packs under the user's trusted paths. */
class TrustTest {
    @TempDir
    Path tmp;

    private static GeneratorDescriptor pack(Path root, GeneratorOrigin origin) {
        return new GeneratorDescriptor("p", "1.0.0", "d", null, List.of(), List.of(), null, Map.of(), List.of(), null,
                root, origin);
    }

    private TrustConfig config(String yaml) throws IOException {
        Path f = tmp.resolve("cfg").resolve("mx").resolve("config.yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, yaml);
        return TrustConfig.load(f);
    }

    @Test
    void theConfigFileFollowsXdgConfigHome() {
        assertEquals(Path.of("/x/cfg/mx/config.yaml"), TrustConfig.defaultFile(Map.of("XDG_CONFIG_HOME", "/x/cfg"),
                "/home/u"));
        assertEquals(Path.of("/home/u/.config/mx/config.yaml"), TrustConfig.defaultFile(Map.of(), "/home/u"));
        // the XDG spec: a relative value is invalid and ignored
        assertEquals(Path.of("/home/u/.config/mx/config.yaml"),
                TrustConfig.defaultFile(Map.of("XDG_CONFIG_HOME", "rel/cfg"), "/home/u"));
    }

    @Test
    void builtInsAreTrustedOthersOnlyWithTheFlag() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("packs/p"));
        assertTrue(Trust.decide(pack(dir, GeneratorOrigin.BUILT_IN), false, TrustConfig.empty()).trusted());
        for (GeneratorOrigin o : List.of(GeneratorOrigin.GENERATOR_PATH, GeneratorOrigin.PROJECT)) {
            TrustDecision no = Trust.decide(pack(dir, o), false, TrustConfig.empty());
            assertFalse(no.trusted(), o.toString());
            assertTrue(no.reason().contains(o.label()) && no.reason().contains("not trusted"), no.reason());
            TrustDecision yes = Trust.decide(pack(dir, o), true, TrustConfig.empty());
            assertTrue(yes.trusted());
            assertEquals("--trust was given", yes.reason());
        }
    }

    @Test
    void aPackUnderATrustedPathIsTrustedAndNothingElse() throws IOException {
        Path packs = Files.createDirectories(tmp.resolve("packs"));
        Path inside = Files.createDirectories(packs.resolve("team/p"));
        Path sibling = Files.createDirectories(tmp.resolve("packs-evil/p"));
        TrustConfig cfg = config("trusted_paths:\n  - " + packs + "\n");
        assertEquals(List.of(packs.normalize()), cfg.trustedPaths());
        TrustDecision d = Trust.decide(pack(inside, GeneratorOrigin.GENERATOR_PATH), false, cfg);
        assertTrue(d.trusted(), d.reason());
        assertTrue(d.reason().contains("trusted path " + packs), d.reason());
        assertFalse(Trust.decide(pack(sibling, GeneratorOrigin.GENERATOR_PATH), false, cfg).trusted(),
                "a directory whose name only starts with a trusted path is not inside it");
    }

    @Test
    void symbolicLinksAreResolvedBeforeComparing() throws IOException {
        Path packs = Files.createDirectories(tmp.resolve("packs"));
        Path elsewhere = Files.createDirectories(tmp.resolve("downloads/evil"));
        // a link inside a trusted folder that points elsewhere does not make its target trusted
        Files.createSymbolicLink(packs.resolve("evil"), elsewhere);
        TrustConfig cfg = config("trusted_paths: [" + packs + "]\n");
        assertFalse(Trust.decide(pack(packs.resolve("evil"), GeneratorOrigin.PROJECT), false, cfg).trusted());
        // the trusted entry itself may be a link (a dotfiles checkout): its target is what counts
        Path real = Files.createDirectories(tmp.resolve("real-packs/p"));
        Path link = Files.createSymbolicLink(tmp.resolve("packs-link"), tmp.resolve("real-packs"));
        TrustConfig viaLink = config("trusted_paths: [" + link + "]\n");
        assertTrue(Trust.decide(pack(real, GeneratorOrigin.GENERATOR_PATH), false, viaLink).trusted());
    }

    @Test
    void homeIsExpandedRelativeEntriesAndBrokenFilesTrustNothing() throws IOException {
        TrustConfig home = config("trusted_paths: ['~/mx-packs', relative/dir]\nother_setting: 1\n");
        assertEquals(List.of(Path.of(System.getProperty("user.home"), "mx-packs")), home.trustedPaths());
        assertEquals(1, home.problems().size());
        assertTrue(home.problems().get(0).contains("'relative/dir'") && home.problems().get(0).contains(":1:"),
                home.problems().toString());

        TrustConfig broken = config("trusted_paths: [/a\n");
        assertTrue(broken.trustedPaths().isEmpty());
        assertTrue(broken.problems().get(0).contains("nothing is trusted"), broken.problems().toString());

        TrustConfig wrongType = config("trusted_paths: /just/a/string\n");
        assertTrue(wrongType.trustedPaths().isEmpty());
        assertFalse(wrongType.problems().isEmpty());

        TrustConfig missing = TrustConfig.load(tmp.resolve("nope.yaml"));
        assertTrue(missing.trustedPaths().isEmpty() && missing.problems().isEmpty());
        assertTrue(config("").trustedPaths().isEmpty());
    }

    @Test
    void aPackInsideAJarIsLocatedByTheJarFile() throws IOException {
        Path jar = tmp.resolve("lib dir").resolve("team-packs.jar");
        Files.createDirectories(jar.getParent());
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(z, "mx-templates/zp/generator.yaml", "id: zp\nversion: 1.0.0\ndescription: in a jar\n"
                    + "post_apply:\n  - run: [touch, x]\n    description: mark\n");
        }
        MxEngine engine = MxEngine.withGeneratorPath(List.of(jar));
        GeneratorDescriptor g = engine.catalog(null).require("zp");
        assertEquals(GeneratorOrigin.GENERATOR_PATH, g.origin());
        assertEquals(jar.toRealPath(), Trust.location(g));
        assertFalse(Trust.decide(g, false, TrustConfig.empty()).trusted());
        assertTrue(Trust.decide(g, false, config("trusted_paths: ['" + jar.getParent() + "']\n")).trusted());
    }

    static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        OutputStream o = z;
        o.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        z.closeEntry();
    }

    /** The engine starts processes in one place only: the runner of trusted post-apply commands. */
    @Test
    void onlyThePostApplyRunnerStartsProcesses() throws IOException {
        Path main = Path.of("src/main/java");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(main), "sources not beside the tests");
        List<String> starters;
        try (var files = Files.walk(main)) {
            starters = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    String text = Files.readString(f);
                    return text.contains("ProcessBuilder") || text.contains(".exec(");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> main.relativize(f).toString().replace('\\', '/')).toList();
        }
        assertEquals(List.of("dev/mx/engine/trust/PostApplyRunner.java"), starters);
    }
}
