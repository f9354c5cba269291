package dev.mx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --trust} on {@code mx generate} and {@code mx new}: an untrusted pack is applied, and the
 * commands mx did not run are listed with how to trust; with {@code --trust} they run after the
 * apply; a failing command gives exit code 1 and the files stay applied.
 */
@DisabledOnOs(OS.WINDOWS)
class PostApplyCommandTest {
    @TempDir
    Path tmp;

    private Path projectWithPack(String postApply) {
        Path demo = Cli.newProject(tmp.resolve("demo"));
        Path pack = demo.resolve(".mx/generators/hooked");
        Cli.write(pack.resolve("files/hooked.txt.ftl"), "[=who]\n");
        Cli.write(pack.resolve("generator.yaml"), """
                id: hooked
                version: 1.0.0
                description: A pack with post-apply commands
                parameters:
                  - name: who
                    type: string
                    default: me
                files:
                  root: files
                post_apply:
                """ + postApply.indent(2));
        return demo;
    }

    @Test
    void withoutTrustTheFilesAreAppliedAndTheCommandsListedNotRun() {
        Path demo = projectWithPack("""
                - run: [touch, 'ran-[=who]']
                  description: Leave a mark
                """);
        Cli.Result r = Cli.run("generate", "hooked", "-C", demo.toString()).expect(0).noStackTrace();
        assertTrue(r.out().contains("Applied hooked 1.0.0"), r.out());
        assertEquals("me\n", Cli.read(demo.resolve("hooked.txt")));
        assertFalse(Files.exists(demo.resolve("ran-me")));
        assertTrue(r.err().contains("mx: hooked declares a post-apply command that mx did NOT run: hooked comes from"
                + " project .mx/generators"), r.err());
        assertTrue(r.err().contains("\n  $ touch ran-me    # Leave a mark\n"), r.err());
        assertTrue(r.err().contains("re-run with --trust") && r.err().contains("trusted_paths"), r.err());
        assertFalse(r.out().contains("did NOT run"), "the notice is on stderr, not in the result");
    }

    @Test
    void withTrustTheCommandsRunAfterTheApply() {
        Path demo = projectWithPack("""
                - run: [sh, -c, 'echo "made by $MX_GENERATOR_ID"; touch ran']
                  description: Leave a mark
                """);
        Cli.Result r = Cli.run("generate", "hooked", "--trust", "-C", demo.toString()).expect(0).noStackTrace();
        assertTrue(Files.exists(demo.resolve("ran")));
        assertTrue(r.err().contains("mx: running post-apply command 1 of 1 (Leave a mark): sh -c"), r.err());
        assertTrue(r.err().contains("\nmade by hooked\n"), "the command's output is streamed to stderr: " + r.err());
        assertFalse(r.out().contains("made by"), r.out());
    }

    @Test
    void aFailingCommandExitsWithOneAndKeepsTheFiles() {
        Path demo = projectWithPack("""
                - run: [sh, -c, 'exit 7']
                  description: Fail on purpose
                - run: [touch, after]
                  description: Never reached
                """);
        Cli.Result r = Cli.run("generate", "hooked", "--trust", "--set", "who=you", "-C", demo.toString())
                .expect(1).noStackTrace();
        assertEquals("you\n", Cli.read(demo.resolve("hooked.txt")), "the files stay applied");
        assertTrue(r.err().contains("mx: post-apply command failed (exit code 7): sh -c 'exit 7'; the files of hooked"
                + " are applied"), r.err());
        assertTrue(r.err().contains("mx: not run after that failure: touch after"), r.err());
        assertFalse(Files.exists(demo.resolve("after")));
    }

    @Test
    void jsonReportsTheCommandsAndKeepsStdoutOneDocument() {
        Path demo = projectWithPack("""
                - run: [sh, -c, 'echo noise; exit 2']
                  description: Noisy failure
                """);
        Cli.Result untrusted = Cli.run("--json", "generate", "hooked", "-C", demo.toString()).expect(0);
        JsonNode pa = untrusted.json().get("postApply");
        assertFalse(pa.get("trusted").asBoolean());
        assertEquals("skipped_untrusted", pa.get("commands").get(0).get("status").asText());
        assertEquals("", untrusted.err(), "with --json the facts are in the document");

        Cli.Result failed = Cli.run("--json", "generate", "hooked", "--trust", "-C", demo.toString()).expect(1);
        JsonNode c = failed.json().get("postApply").get("commands").get(0);
        assertEquals("failed", c.get("status").asText());
        assertEquals(2, c.get("exitCode").asInt());
        assertEquals("sh", c.get("argv").get(0).asText());
        assertTrue(failed.err().contains("noise"), "command output goes to stderr: " + failed.err());
    }

    @Test
    void dryRunShowsWhatWouldAndWouldNotRun() {
        Path demo = projectWithPack("""
                - run: [touch, ran]
                  description: Leave a mark
                """);
        Cli.Result dry = Cli.run("generate", "hooked", "--dry-run", "-C", demo.toString()).expect(0);
        assertTrue(dry.out().contains("Post-apply commands, NOT to be run: hooked comes from project .mx/generators"),
                dry.out());
        assertTrue(dry.out().contains("  $ touch ran    # Leave a mark"), dry.out());
        Cli.Result trusted = Cli.run("generate", "hooked", "--dry-run", "--trust", "-C", demo.toString()).expect(0);
        assertTrue(trusted.out().contains("Post-apply commands, to run after the apply (--trust was given):"),
                trusted.out());
        assertFalse(Files.exists(demo.resolve("ran")));
        Cli.Result describe = Cli.run("describe", "hooked", "-C", demo.toString()).expect(0);
        assertTrue(describe.out().contains("Post-apply commands (run after an apply only if this generator is trusted"),
                describe.out());
        JsonNode json = Cli.run("--json", "describe", "hooked", "-C", demo.toString()).expect(0).json();
        assertEquals("touch", json.get("postApply").get(0).get("run").get(0).asText());
        assertEquals(600, json.get("postApply").get(0).get("timeoutSeconds").asInt());
    }
}
