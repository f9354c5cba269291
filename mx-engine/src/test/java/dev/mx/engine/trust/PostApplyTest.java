package dev.mx.engine.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.plan.Plan;
import dev.mx.engine.trust.PostApplyReport.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Post-apply commands: declared in {@code generator.yaml}, rendered with the answers, run only for
 * trusted generators, after the commit and outside the lock, as an argv without a shell, in the
 * project root with a minimal environment and a timeout. A failure is reported; files stay applied.
 */
@DisabledOnOs(OS.WINDOWS) // the commands are POSIX tools (sh, env, sleep)
class PostApplyTest {
    @TempDir
    Path tmp;
    Path packs;
    Path project;
    MxEngine engine;
    final List<String> output = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws IOException {
        packs = Files.createDirectories(tmp.resolve("packs"));
        project = Files.createDirectories(tmp.resolve("demo"));
        engine = MxEngine.withGeneratorPath(List.of(packs));
    }

    private void pack(String id, String postApply) throws IOException {
        Path dir = Files.createDirectories(packs.resolve(id).resolve("files"));
        Files.writeString(dir.resolve("hello.txt.ftl"), "hello [=who]\n");
        Files.writeString(packs.resolve(id).resolve("generator.yaml"), """
                id: %s
                version: 1.0.0
                description: A pack with post-apply commands.
                parameters:
                  - name: who
                    type: string
                    default: world
                files:
                  root: files
                post_apply:
                %s""".formatted(id, postApply.indent(2)));
    }

    private MxEngine.Outcome generate(String id, Map<String, String> values, PostApplyPolicy policy) {
        return engine.planAndApply(new MxEngine.Request(project, id, values), false, s -> { }, policy);
    }

    private PostApplyPolicy trusted() {
        return PostApplyPolicy.trusted(true, TrustConfig.empty(), output::add);
    }

    private PostApplyPolicy untrusted() {
        return PostApplyPolicy.trusted(false, TrustConfig.empty(), output::add);
    }

    @Test
    void anUntrustedPackIsAppliedButItsCommandsAreNotRun() throws Exception {
        pack("p", """
                - run: [touch, 'ran-[=who]']
                  description: Leave a mark
                """);
        MxEngine.Outcome o = generate("p", Map.of(), untrusted());
        assertTrue(o.applied());
        assertEquals("hello world\n", Files.readString(project.resolve("hello.txt")), "the apply still happens");
        assertFalse(Files.exists(project.resolve("ran-world")), "an untrusted pack ran a command");
        assertEquals(List.of(Status.SKIPPED_UNTRUSTED), o.postApply().results().stream()
                .map(PostApplyReport.Result::status).toList());
        assertEquals(List.of("touch", "ran-world"), o.postApply().notRun().get(0).argv(), "rendered, not run");
        assertFalse(o.postApply().trust().trusted());
        assertTrue(o.postApply().trust().reason().contains("MX_GENERATOR_PATH"), o.postApply().trust().reason());
        assertFalse(o.postApply().failed());
        assertTrue(output.isEmpty(), output.toString());
    }

    @Test
    void theEmbeddingAndLanguageServerEntryPointNeverRunsCommandsEvenForATrustedPack() throws Exception {
        pack("p", """
                - run: [touch, ran]
                  description: Leave a mark
                """);
        // trusted by the user's configuration, yet the three-argument planAndApply runs nothing
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, "trusted_paths: [" + packs + "]\n");
        MxEngine.Outcome o = engine.planAndApply(new MxEngine.Request(project, "p", Map.of()), false, s -> { });
        assertTrue(o.applied());
        assertFalse(Files.exists(project.resolve("ran")));
        assertEquals(1, o.postApply().notRun().size());
        assertTrue(engine.trust(o.plan().generator(), PostApplyPolicy.trusted(false, TrustConfig.load(config), s -> { }))
                .trusted(), "the same pack is trusted by the CLI's policy");
        engine.generate(project, "p", Map.of("who", "x"));
        assertFalse(Files.exists(project.resolve("ran")));
    }

    @Test
    void aTrustedPackRunsItsCommandsInTheProjectRootAfterTheCommitWithoutTheLock() throws Exception {
        pack("p", """
                - run: [sh, -c, 'test -f hello.txt && test ! -e .mx/lock && test ! -e .mx/journal.json && touch ran']
                  description: Check the apply is committed and the lock released
                - run: [echo, '[=who]', '$(touch injected)', ';', '&&', '|']
                  description: Arguments are literal
                - run: [touch, never]
                  description: Skipped by its condition
                  when: who == "nobody"
                """);
        MxEngine.Outcome o = generate("p", Map.of("who", "a b"), trusted());
        assertEquals(List.of(Status.SUCCEEDED, Status.SUCCEEDED), o.postApply().results().stream()
                .map(PostApplyReport.Result::status).toList(), () -> o.postApply() + "\n" + output);
        assertTrue(Files.exists(project.resolve("ran")), "runs in the project root, after the commit");
        assertTrue(output.contains("a b $(touch injected) ; && |"), output.toString());
        assertFalse(Files.exists(project.resolve("injected")), "no shell interprets the arguments");
        assertFalse(Files.exists(project.resolve("never")));
        assertTrue(output.get(0).startsWith("mx: running post-apply command 1 of 2 (Check the apply"), output.get(0));
    }

    @Test
    void commandsGetAMinimalEnvironment() throws Exception {
        pack("p", """
                - run: [env]
                  description: Print the environment
                """);
        generate("p", Map.of(), trusted());
        List<String> names = output.stream().skip(1).filter(l -> l.indexOf('=') > 0)
                .map(l -> l.substring(0, l.indexOf('='))).toList();
        for (String n : names) {
            assertTrue(PostApplyRunner.PASSED_ENV.contains(n) || n.startsWith("MX_"), "passed on: " + n);
        }
        assertTrue(output.contains("MX_GENERATOR_ID=p"), output.toString());
        assertTrue(output.contains("MX_PROJECT_DIR=" + project.toAbsolutePath().normalize()), output.toString());
        if (System.getenv("PATH") != null) {
            assertTrue(names.contains("PATH"), "PATH is kept so programs can be found");
        }
    }

    @Test
    void aFailingCommandIsReportedTheRestIsSkippedAndTheFilesStayApplied() throws Exception {
        pack("p", """
                - run: [sh, -c, 'echo to stderr >&2; exit 3']
                  description: Fail
                - run: [touch, after]
                  description: Not reached
                """);
        MxEngine.Outcome o = generate("p", Map.of(), trusted());
        assertTrue(o.postApply().failed());
        assertEquals(Status.FAILED, o.postApply().results().get(0).status());
        assertEquals(3, o.postApply().results().get(0).exitCode());
        assertEquals(Status.SKIPPED_AFTER_FAILURE, o.postApply().results().get(1).status());
        assertFalse(Files.exists(project.resolve("after")));
        assertTrue(output.contains("to stderr"), "stderr is passed on: " + output);
        assertEquals("hello world\n", Files.readString(project.resolve("hello.txt")));
        assertTrue(engine.state(project).isApplied("p"), "the apply is committed whatever the commands do");
    }

    @Test
    void aCommandThatRunsTooLongIsKilled() throws Exception {
        pack("p", """
                - run: [sh, -c, 'echo started; sleep 60 & wait']
                  description: Hang
                  timeout_seconds: 1
                """);
        long t0 = System.nanoTime();
        MxEngine.Outcome o = generate("p", Map.of(), trusted());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Status.TIMED_OUT, o.postApply().results().get(0).status());
        assertTrue(o.postApply().results().get(0).detail().contains("timeout of 1 s"), o.postApply().toString());
        assertTrue(ms < 20_000, "took " + ms + " ms");
        assertTrue(output.contains("started"), output.toString());
    }

    @Test
    void aProgramThatDoesNotExistIsReported() throws Exception {
        pack("p", """
                - run: [mx-no-such-program-here, x]
                  description: Missing
                """);
        MxEngine.Outcome o = generate("p", Map.of(), trusted());
        assertEquals(Status.NOT_STARTED, o.postApply().results().get(0).status());
        assertTrue(o.postApply().failed());
        assertTrue(o.postApply().results().get(0).detail().contains("mx-no-such-program-here"),
                o.postApply().results().get(0).detail());
    }

    @Test
    void commandsRunOnlyAfterAnApplyNotWhenConflictsStopIt() throws Exception {
        pack("p", """
                - run: [touch, ran]
                  description: Leave a mark
                """);
        Files.writeString(project.resolve("hello.txt"), "mine\n");
        MxEngine.Outcome o = generate("p", Map.of(), trusted());
        assertFalse(o.applied());
        assertTrue(o.postApply().isEmpty());
        assertFalse(Files.exists(project.resolve("ran")));
    }

    @Test
    void thePlanShowsTheRenderedCommandsWithoutRunningThem() throws Exception {
        pack("p", """
                - run: [touch, '[=who].txt']
                  description: Leave a mark
                """);
        Plan plan = engine.plan(new MxEngine.Request(project, "p", Map.of("who", "me")));
        assertEquals(List.of("touch", "me.txt"), plan.postApply().get(0).argv());
        assertEquals("touch me.txt", plan.postApply().get(0).display());
        assertFalse(Files.exists(project.resolve("me.txt")));
        engine.apply(plan, false, s -> { });
        assertFalse(Files.exists(project.resolve("me.txt")), "apply() alone runs no command");
        PostApplyReport r = engine.runPostApply(plan, trusted());
        assertEquals(Status.SUCCEEDED, r.results().get(0).status());
        assertTrue(Files.exists(project.resolve("me.txt")));
    }

    @Test
    void badDeclarationsAreReportedAtTheirPosition() throws Exception {
        pack("shell", """
                - run: make setup && make test
                  description: A shell line
                """);
        MxException e = assertThrows(MxException.class, () -> engine.plan(new MxEngine.Request(project, "shell",
                Map.of())));
        assertTrue(e.getMessage().contains("'run' must be a list") && e.getMessage().contains("no shell"),
                e.getMessage());
        assertTrue(e.line() > 0, e.describe());
        pack("nodesc", """
                - run: [true]
                """);
        assertTrue(assertThrows(MxException.class, () -> engine.plan(new MxEngine.Request(project, "nodesc",
                Map.of()))).getMessage().contains("description"));
        pack("unknown", """
                - run: [true]
                  description: x
                  shell: true
                """);
        assertTrue(assertThrows(MxException.class, () -> engine.plan(new MxEngine.Request(project, "unknown",
                Map.of()))).getMessage().contains("unknown key 'shell'"));
        pack("empty", """
                - run: ['[=""]']
                  description: x
                """);
        assertTrue(assertThrows(MxException.class, () -> engine.plan(new MxEngine.Request(project, "empty",
                Map.of()))).getMessage().contains("empty"));
    }
}
