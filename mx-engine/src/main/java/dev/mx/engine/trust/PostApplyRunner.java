package dev.mx.engine.trust;

import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.generator.PostApplyCommand;
import dev.mx.engine.trust.PostApplyReport.Result;
import dev.mx.engine.trust.PostApplyReport.Status;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a trusted generator's post-apply commands, one after the other, after the apply has
 * committed: each as an argument vector (no shell) in the project root, with stdin closed, a
 * minimal environment, its stdout and stderr merged and passed on line by line, and a timeout
 * after which it and its child processes are killed. The first command that fails stops the
 * rest; the files stay applied.
 */
public final class PostApplyRunner {
    /** Variables passed through from mx's environment; everything else (tokens, cloud credentials) is not. */
    public static final List<String> PASSED_ENV = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL",
            "LC_CTYPE", "LC_MESSAGES", "TZ", "TMPDIR", "TERM",
            // what programs on Windows cannot start without
            "SystemRoot", "SystemDrive", "windir", "ComSpec", "PATHEXT", "TEMP", "TMP", "USERPROFILE", "APPDATA",
            "LOCALAPPDATA");

    private PostApplyRunner() {
    }

    /** Runs {@code commands} in order and reports each; stops at the first failure. */
    public static PostApplyReport run(Path projectRoot, GeneratorDescriptor g, List<PostApplyCommand> commands,
            TrustDecision trust, Consumer<String> output) {
        List<Result> results = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < commands.size(); i++) {
            PostApplyCommand c = commands.get(i);
            if (failed) {
                results.add(new Result(c, Status.SKIPPED_AFTER_FAILURE, -1, "not run: an earlier command failed"));
                continue;
            }
            output.accept("mx: running post-apply command " + (i + 1) + " of " + commands.size() + " ("
                    + c.description() + "): " + c.display());
            Result r = runOne(projectRoot, g, c, output);
            results.add(r);
            failed = r.status() != Status.SUCCEEDED;
        }
        return new PostApplyReport(trust, results);
    }

    static Result runOne(Path projectRoot, GeneratorDescriptor g, PostApplyCommand c, Consumer<String> output) {
        ProcessBuilder pb = new ProcessBuilder(c.argv()).directory(projectRoot.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        Map<String, String> mine = System.getenv();
        for (String name : PASSED_ENV) {
            String v = mine.get(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        env.put("MX_PROJECT_DIR", projectRoot.toAbsolutePath().normalize().toString());
        env.put("MX_GENERATOR_ID", g.id());
        env.put("MX_GENERATOR_VERSION", g.version());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(c, Status.NOT_STARTED, -1, "could not start " + c.argv().get(0) + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        try {
            p.getOutputStream().close(); // stdin: end of input at once, so nothing waits for a prompt
        } catch (IOException e) {
            // already closed
        }
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.accept(line);
                }
            } catch (IOException e) {
                // the process went away; its output ends here
            }
        }, "mx-post-apply-output");
        pump.setDaemon(true);
        pump.start();
        Duration timeout = c.timeout();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                pump.join(2000);
                return new Result(c, Status.TIMED_OUT, -1, "killed after the timeout of " + describe(timeout));
            }
            // A background child may keep the output pipe open: do not wait for it forever.
            pump.join(2000);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(c, Status.FAILED, -1, "interrupted");
        }
        int code = p.exitValue();
        return code == 0 ? new Result(c, Status.SUCCEEDED, 0, "exit code 0")
                : new Result(c, Status.FAILED, code, "exit code " + code);
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? s / 60 + " min" : s + " s";
    }
}
