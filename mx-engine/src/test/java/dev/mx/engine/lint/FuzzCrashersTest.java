package dev.mx.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.diag.Diagnostic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lint crashers and slow cases found by the property-based suites and the hostile-input matrix, kept as regressions. */
class FuzzCrashersTest {

    private static List<String> rules(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::rule).toList();
    }

    @Test
    void complexKeysAtTheTopOfAnMlprojectDoNotCrashMultipleEnvs() {
        // found by LintRulesPropertyTest: List.of(...).contains(null) threw for a key without text
        String text = "name: x\n? {a: b}\n: c\ndocker_env:\n  image: x\npython_env: python_env.yaml\n";
        List<Diagnostic> ds = Linter.lintText(text, "MLproject", FileKind.MLPROJECT);
        assertTrue(!rules(ds).contains("mx/rule-crashed"), ds::toString);
        assertTrue(rules(ds).contains("mlproject/multiple-envs"), ds::toString);
    }

    @Test
    void aQuarterMillionVariablesLintInSeconds() {
        // found by the hostile-input matrix: devspace/var searched the whole text once per variable
        // (minutes for 250,000 lines); one pass over the words now
        StringBuilder sb = new StringBuilder("version: v2beta1\nname: big\nvars:\n");
        for (int i = 0; i < 250_000; i++) {
            sb.append("  V").append(i).append(": \"value ").append(i).append("\"\n");
        }
        sb.append("deployments:\n  app:\n    helm:\n      chart: {name: \"${V7}\"}\n");
        String text = sb.toString();
        List<Diagnostic> ds = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Linter.lintText(text, "devspace.yaml", FileKind.DEVSPACE));
        long unused = ds.stream().filter(d -> d.rule().equals("devspace/var")).count();
        assertEquals(249_999, unused, "every variable but V7 is unused");
        assertTrue(ds.stream().noneMatch(d -> d.message().contains("variable V7 ")), "V7 is used");
    }

    @Test
    void complexKeysInTheLintConfigAreReportedNotCrashedOn() {
        // found by LintRulesPropertyTest: a switch on a null key text threw in lint-config/invalid
        String text = "? [a]\n: b\nrules:\n  ? {x: y}\n  : off\noverrides:\n  - files: [\"k8s/**\"]\n    ? [c]\n    : d\n";
        List<Diagnostic> ds = Linter.lintText(text, ".mx/lint.yaml", FileKind.LINT_CONFIG);
        assertTrue(!rules(ds).contains("mx/rule-crashed"), ds::toString);
        assertEquals(List.of("0:2", "3:4", "7:6"), ds.stream().filter(d -> d.rule().equals("lint-config/invalid"))
                .map(d -> d.range().start().line() + ":" + d.range().start().column()).toList(), ds::toString);
    }

    @Test
    void aLargeFileSavedAsTheStateFileIsJudgedByItsKeysFirst() {
        // found by MxLanguageServerHostileIT: state/invalid built the state reader's own tree of a
        // 250,000-line file next to the model and ran a 256 MB server out of memory
        StringBuilder sb = new StringBuilder("version: v2beta1\nname: big\ndeployments:\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append("  app-").append(i).append(":\n    helm:\n      chart:\n        name: ./chart\n")
                    .append("      values: {replicas: 1}\n");
        }
        List<Diagnostic> ds = Linter.lintText(sb.toString(), ".mx/state.yaml", FileKind.STATE);
        Diagnostic invalid = ds.stream().filter(d -> d.rule().equals("state/invalid")).findFirst().orElseThrow();
        assertEquals("unknown key 'version' in the state file (allowed: format_version, mx_version, answers,"
                + " generators)", invalid.message());
        assertEquals("0:0", invalid.range().start().line() + ":" + invalid.range().start().column());
    }

    @Test
    void aFileThatIsNotUtf8IsReportedWhereItsFirstBadByteIs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // found by the hostile-input matrix: always 1:1, even when the bad byte is far down the file
        java.nio.file.Path f = dir.resolve("devspace.yaml");
        byte[] head = "version: v2beta1\nname: d\u00e9mo ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0xff;
        bytes[head.length + 1] = (byte) 0xfe;
        bytes[head.length + 2] = '\n';
        java.nio.file.Files.write(f, bytes);
        List<Diagnostic> ds = Linter.lintFile(f, "devspace.yaml");
        assertEquals(1, ds.size(), ds::toString);
        assertEquals("io/encoding", ds.get(0).rule());
        assertEquals("1:11", ds.get(0).range().start().line() + ":" + ds.get(0).range().start().column());
        assertTrue(ds.get(0).message().contains("0xFF"), ds.get(0)::message);
    }
}
