package dev.mx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust as a user sets it up, through the real jar and environment: {@code trusted_paths} in
 * {@code $XDG_CONFIG_HOME/mx/config.yaml}, packs from {@code MX_GENERATOR_PATH}, and {@code mx new}
 * keeping a project whose post-apply command failed.
 */
@DisabledOnOs(OS.WINDOWS)
class PostApplyJarIT {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private Run mx(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                Paths.get(System.getProperty("mx.jar", "target/mx.jar")).toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().remove("MX_GENERATOR_PATH");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("mx did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path pack(Path in, String id, String command) throws Exception {
        Path p = in.resolve(id);
        Cli.write(p.resolve("files/" + id + ".txt"), id + "\n");
        Cli.write(p.resolve("generator.yaml"), """
                id: %s
                version: 1.0.0
                description: A pack with a post-apply command
                files:
                  root: files
                post_apply:
                  - run: %s
                    description: The command
                """.formatted(id, command));
        return p;
    }

    @Test
    void aPackUnderATrustedPathRunsItsCommandsOthersDoNot() throws Exception {
        Path packs = Files.createDirectories(tmp.resolve("team-packs"));
        Path other = Files.createDirectories(tmp.resolve("downloaded"));
        pack(packs, "trusted-one", "[touch, trusted-ran]");
        pack(other, "other-one", "[touch, other-ran]");
        Path config = tmp.resolve("xdg");
        Cli.write(config.resolve("mx/config.yaml"), "# packs my team maintains\ntrusted_paths:\n  - " + packs + "\n");
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString(), "MX_GENERATOR_PATH",
                packs + java.io.File.pathSeparator + other);

        Run created = mx(env, "new", Cli.SKELETON, "demo");
        assertEquals(0, created.code(), created.err());
        Path demo = tmp.resolve("demo");
        Run trusted = mx(env, "generate", "trusted-one", "-C", demo.toString());
        assertEquals(0, trusted.code(), trusted.err());
        assertTrue(Files.exists(demo.resolve("trusted-ran")), trusted.err());
        assertTrue(trusted.err().startsWith("mx: running post-apply command 1 of 1 (The command): touch trusted-ran"),
                trusted.err());

        Run untrusted = mx(env, "generate", "other-one", "-C", demo.toString());
        assertEquals(0, untrusted.code(), untrusted.err());
        assertTrue(Files.isRegularFile(demo.resolve("other-one.txt")));
        assertFalse(Files.exists(demo.resolve("other-ran")));
        assertTrue(untrusted.err().contains("other-one comes from MX_GENERATOR_PATH (" + other.toRealPath()
                + "/other-one) and is not trusted"), untrusted.err());
        assertTrue(untrusted.err().contains("trusted_paths in " + config.resolve("mx/config.yaml")), untrusted.err());
    }

    @Test
    void newKeepsTheProjectWhenOnlyItsPostApplyCommandFailed() throws Exception {
        Path packs = Files.createDirectories(tmp.resolve("packs"));
        pack(packs, "starter", "[sh, -c, 'echo failing >&2; exit 4']");
        Map<String, String> env = Map.of("MX_GENERATOR_PATH", packs.toString(), "XDG_CONFIG_HOME",
                tmp.resolve("no-config").toString());
        Run r = mx(env, "new", "starter", "fresh", "--trust");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("mx: post-apply command failed (exit code 4)"), r.err());
        assertEquals("starter\n", Files.readString(tmp.resolve("fresh/starter.txt")), "the new project is kept");
        assertTrue(Files.isRegularFile(tmp.resolve("fresh/.mx/state.yaml")));

        Run untrusted = mx(env, "new", "starter", "fresh2");
        assertEquals(0, untrusted.code(), untrusted.err());
        assertTrue(untrusted.err().contains("did NOT run"), untrusted.err());
    }
}
