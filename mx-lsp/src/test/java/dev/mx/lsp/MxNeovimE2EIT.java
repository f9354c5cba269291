package dev.mx.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server in a real editor: a headless Neovim runs {@code src/test/nvim/e2e.lua}, which starts
 * the shaded jar with Neovim's own LSP client, waits for a diagnostic, completes, hovers, applies
 * a quick fix and two "apply generator" actions (one as a workspace edit, one through the server's
 * command), and writes one line per step to a result file checked here. Neovim must be installed
 * (0.7 or newer; CI installs it).
 */
class MxNeovimE2EIT {
    private static final List<String> STEPS = List.of("start", "diagnostics", "completion", "hover", "quickfix",
            "apply-generator-edit", "apply-generator-command", "stop");

    @TempDir
    Path tmp;

    @Test
    void neovimDrivesTheServer() throws Exception {
        String nvim = findOnPath("nvim");
        if (nvim == null) {
            fail("nvim is not on PATH: the end-to-end test needs Neovim 0.7 or newer (apt-get install neovim;"
                    + " .ci/run installs it)");
        }
        Path script = Paths.get("src/test/nvim/e2e.lua").toAbsolutePath();
        assertTrue(Files.isRegularFile(script), script.toString());

        Path project = tmp.resolve("demo");
        Files.createDirectories(project.resolve(".mx"));
        Files.writeString(project.resolve("devspace.yaml"), MxLanguageServerProtocolIT.DEVSPACE);
        Path generators = MxLanguageServerProtocolIT.generators(tmp);
        Path result = tmp.resolve("result.txt");
        Path serverLog = tmp.resolve("mx-lsp.log");

        ProcessBuilder pb = new ProcessBuilder(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n",
                "-c", "luafile " + script)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("nvim-output.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("MX_JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        env.put("MX_LSP_JAR", LspProcess.jar().toAbsolutePath().toString());
        env.put("MX_LSP_LOG", serverLog.toString());
        env.put("MX_E2E_PROJECT", project.toString());
        env.put("MX_E2E_GENERATORS", generators.toString());
        env.put("MX_E2E_RESULT", result.toString());
        for (String xdg : List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")) {
            Path dir = tmp.resolve(xdg.toLowerCase(java.util.Locale.ROOT));
            Files.createDirectories(dir);
            env.put(xdg, dir.toString()); // keeps Neovim's lsp.log, shada and swap files here
        }
        env.remove("MX_GENERATOR_PATH");

        long t0 = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("nvim did not finish within 180 s\n" + report(result, serverLog));
        }
        System.out.printf("nvim end-to-end run: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        List<String> lines = Files.exists(result) ? Files.readAllLines(result, StandardCharsets.UTF_8) : List.of();
        String report = report(result, serverLog);
        assertEquals(0, p.exitValue(), "nvim exit code\n" + report);
        assertTrue(lines.contains("done"), "the script did not finish\n" + report);
        for (String s : STEPS) {
            assertTrue(lines.contains("ok " + s), "step " + s + " failed\n" + report);
        }

        // and what is on disk after :wall and the command
        String devspace = Files.readString(project.resolve("devspace.yaml"));
        assertTrue(devspace.contains("\nimages:\n"), devspace);
        assertTrue(devspace.contains("\n  hello-flat:\n    kubectl:"), devspace);
        assertTrue(devspace.contains("\n  hello:\n    kubectl:"), devspace);
        assertTrue(Files.readString(project.resolve("hello-flat.yaml")).contains("kind: ConfigMap"));
        assertEquals("notes\n", Files.readString(project.resolve("notes/readme.md")));
        String state = Files.readString(project.resolve(".mx/state.yaml"));
        assertTrue(state.contains("id: hello-flat") && state.contains("id: hello\n"), state);
    }

    private String report(Path result, Path serverLog) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("--- result file\n").append(read(result));
        sb.append("--- nvim output\n").append(read(tmp.resolve("nvim-output.txt")));
        sb.append("--- server log\n").append(read(serverLog));
        sb.append("--- nvim lsp.log\n").append(read(tmp.resolve("xdg_cache_home/nvim/lsp.log")));
        return sb.toString();
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) + "\n" : "(none)\n";
    }

    static String findOnPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Paths.get(dir, exe);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
