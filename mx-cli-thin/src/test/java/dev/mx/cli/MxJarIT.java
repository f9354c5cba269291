package dev.mx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mx.engine.state.AppliedGenerator;
import dev.mx.engine.state.Hashes;
import dev.mx.engine.state.ProjectState;
import dev.mx.engine.state.StateFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code target/mx.jar} as real subprocesses (bound to failsafe, so it runs after
 * {@code package}), the way scripts and CI do: stdin is not a terminal, exit codes and the split
 * between stdout and stderr are what a caller sees.
 */
class MxJarIT {
    private static final String SKELETON = "ml-project-skeleton";
    private static Path jar;
    private static Path java;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findJar() {
        jar = Paths.get(System.getProperty("mx.jar", "target/mx.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "shaded jar not built: " + jar);
        java = Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    record Run(int code, String out, String err) {
        Run expect(int expected) {
            if (code != expected) {
                fail("exit " + code + ", expected " + expected + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err);
            }
            assertFalse(err.contains("Exception") || err.contains("\tat dev.mx"), "stack trace on stderr:\n" + err);
            return this;
        }
    }

    /** A started mx process; stdout and stderr go to files so neither pipe can fill up and block it. */
    final class Proc {
        final Process process;
        final Path out;
        final Path err;

        Proc(Path cwd, boolean closeStdin, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Xshare:auto", "-jar", jar.toString()));
            cmd.addAll(List.of(args));
            Path logs = Files.createTempDirectory(tmp, "run");
            out = logs.resolve("stdout");
            err = logs.resolve("stderr");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("MX_GENERATOR_PATH");
            process = pb.start();
            if (closeStdin) {
                process.getOutputStream().close();
            }
        }

        Run await() throws Exception {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("mx did not finish in 60 s (waiting for input?)\n--- stdout:\n" + Files.readString(out)
                        + "\n--- stderr:\n" + Files.readString(err));
            }
            process.getOutputStream().close();
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    Run mx(Path cwd, String... args) throws Exception {
        return new Proc(cwd, true, args).await();
    }

    @Test
    void newWithNoFlagsDoesNotPromptEvenWithStdinOpen() throws Exception {
        // stdin is an open pipe nobody writes to: a prompt would block until the timeout
        Run r = new Proc(tmp, false, "new", SKELETON, "demo").await().expect(0);
        assertTrue(r.out().contains("Applied " + SKELETON), r.out());
        assertTrue(r.out().contains("Next steps:"), r.out());
        assertEquals("", r.err());
        ProjectState state = StateFile.read(tmp.resolve("demo"));
        assertEquals("demo", state.answers().get("project_name"), "defaults taken without asking");
    }

    @Test
    void exitCodesAndTheSplitBetweenStdoutAndStderr() throws Exception {
        Run version = mx(tmp, "--version").expect(0);
        assertEquals("mx " + System.getProperty("mx.version", version.out().strip().substring(3)),
                version.out().strip());

        mx(tmp, "new", SKELETON, "demo").expect(0);
        Path demo = tmp.resolve("demo");

        // 0: result on stdout, nothing on stderr; the project is found from the working directory
        Run again = mx(demo, "generate", SKELETON).expect(0);
        assertTrue(again.out().contains("nothing changed"), again.out());
        assertEquals("", again.err());

        // 2: usage and input errors on stderr only
        Run usage = mx(demo, "generate", SKELETON, "--set", "gpu_count").expect(2);
        assertEquals("", usage.out());
        assertTrue(usage.err().startsWith("mx: --set expects KEY=VALUE"), usage.err());
        Run input = mx(tmp, "new", SKELETON, "demo").expect(2);
        assertEquals("", input.out());
        assertTrue(input.err().contains("is not empty"), input.err());
        Run unknown = mx(tmp, "new", "ml-project-skeletn", "x").expect(2);
        assertTrue(unknown.err().contains("did you mean"), unknown.err());
        assertFalse(Files.exists(tmp.resolve("x")));

        // 1: a conflict; the plan on stdout, the reason on stderr
        Path job = demo.resolve("train_job.yaml");
        String mine = Files.readString(job) + "# mine\n";
        Files.writeString(job, mine);
        Run conflict = mx(demo, "generate", SKELETON, "--set", "gpu_count=2").expect(1);
        assertTrue(conflict.out().contains("conflict  train_job.yaml"), conflict.out());
        assertTrue(conflict.err().startsWith("mx: not applied"), conflict.err());
        assertEquals(mine, Files.readString(job));

        // --json: the document is all of stdout, also for errors; stderr stays empty
        Run json = mx(demo, "--json", "generate", SKELETON, "--set", "gpu_count=2").expect(1);
        JsonNode plan = Cli.JSON.readTree(json.out());
        assertEquals("conflict", plan.get("error").get("kind").asText());
        assertEquals("", json.err());
        Run jsonError = mx(demo, "--json", "describe", "nope").expect(2);
        assertEquals("input", Cli.JSON.readTree(jsonError.out()).get("error").get("kind").asText());
        assertEquals("", jsonError.err());

        // lint: findings on stdout, exit 1
        Files.writeString(demo.resolve("devspace.yaml"), "version: v2beta1\nname: demo\nimages:\n  a: [b\n");
        Run lint = mx(tmp, "lint", "demo").expect(1);
        assertTrue(lint.out().contains("demo/devspace.yaml:4:6: error [yaml/syntax] "), lint.out());
        assertEquals("", lint.err());
    }

    /**
     * Two {@code generate} runs started together on one project, each with a different answer:
     * each one either applies or stops because the other holds the project lock, and the project
     * is never a mix of both: the state file parses and every file matches its recorded hash.
     */
    @Test
    void concurrentGenerateRunsNeverInterleave() throws Exception {
        mx(tmp, "new", SKELETON, "demo").expect(0);
        Path demo = tmp.resolve("demo");
        int rounds = 4;
        List<String> outcomes = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            int a = 10 + 2 * round;
            int b = a + 1;
            Proc first = new Proc(demo, true, "generate", SKELETON, "--set", "gpu_max_nodes=" + a);
            Proc second = new Proc(demo, true, "generate", SKELETON, "--set", "gpu_max_nodes=" + b);
            Run ra = first.await();
            Run rb = second.await();
            int succeeded = 0;
            for (Run r : List.of(ra, rb)) {
                outcomes.add(r.code() == 0 ? "ok" : "locked");
                if (r.code() == 0) {
                    succeeded++;
                } else {
                    assertEquals(2, r.code(), "round " + round + ": neither applied nor locked:\n" + r);
                    assertTrue(r.err().contains("locked by pid"), "round " + round + ": " + r);
                    assertEquals("", r.out(), "round " + round + ": " + r);
                }
                assertFalse(r.err().contains("Exception"), r.err());
            }
            assertTrue(succeeded >= 1, "round " + round + ": both runs failed:\n" + ra + "\n" + rb);
            Object applied = assertConsistent(demo, "round " + round);
            assertTrue(List.of((long) a, (long) b).contains(((Number) applied).longValue()),
                    "round " + round + ": gpu_max_nodes " + applied + " is neither " + a + " nor " + b);
        }
        // one more plain run: the project is settled, nothing to do
        Run settle = mx(demo, "generate", SKELETON).expect(0);
        assertTrue(settle.out().contains("nothing changed"), settle.out() + "\noutcomes: " + outcomes);
    }

    /** The state parses, every recorded file has its recorded hash, nothing of a run is left over. */
    private static Object assertConsistent(Path project, String where) throws IOException {
        ProjectState state = StateFile.read(project);
        AppliedGenerator g = state.generator(SKELETON).orElseThrow();
        for (Map.Entry<String, String> f : g.files().entrySet()) {
            Path p = project.resolve(f.getKey());
            assertTrue(Files.isRegularFile(p), where + ": " + f.getKey() + " missing");
            assertEquals(f.getValue(), Hashes.of(Files.readAllBytes(p)), where + ": " + f.getKey()
                    + " does not match the hash in the state file");
        }
        Object maxNodes = g.parameters().get("gpu_max_nodes");
        assertNotNull(maxNodes);
        assertTrue(Files.readString(project.resolve("terraform/variables.tf"))
                .contains("default     = " + maxNodes + "\n"), where + ": terraform/variables.tf disagrees with the state");
        for (String leftover : List.of(".mx/lock", ".mx/journal.json", ".mx/committed.json")) {
            assertFalse(Files.exists(project.resolve(leftover)), where + ": " + leftover + " left behind");
        }
        try (Stream<Path> s = Files.walk(project)) {
            List<Path> staged = s.filter(p -> p.getFileName().toString().contains(".mx-new-")
                    || p.getFileName().toString().contains(".mx-old-")).toList();
            assertTrue(staged.isEmpty(), where + ": leftovers " + staged);
        }
        return maxNodes;
    }
}
