package dev.mx.cli;

import static dev.mx.cli.Cli.SKELETON;
import static dev.mx.cli.Cli.assertSameFiles;
import static dev.mx.cli.Cli.run;
import static dev.mx.cli.Cli.snapshot;
import static dev.mx.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input files never show a stack trace: the error names the file (and where known the line
 * and column), the exit code is 2, and nothing is written.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> brokenStateFiles() {
        return Stream.of(
                Arguments.of("generator entry without version", "format_version: 1\ngenerators: [{id: x}]\n",
                        ".mx/state.yaml:2:14: missing 'version'"),
                Arguments.of("newer format", "format_version: 99\n",
                        ".mx/state.yaml:1:17: this state file was written by a newer mx"),
                Arguments.of("not a mapping", "- a\n- b\n", ".mx/state.yaml:1:1: "),
                Arguments.of("no format_version", "answers: {}\n", ".mx/state.yaml:1:1: missing 'format_version'"),
                Arguments.of("format_version text", "format_version: one\n",
                        ".mx/state.yaml:1:17: 'format_version' must be a positive whole number"),
                Arguments.of("yaml syntax error", "format_version: 1\nanswers: [a, b\n", ".mx/state.yaml:"),
                Arguments.of("mapping answer", "format_version: 1\nanswers:\n  a: {b: c}\n",
                        ".mx/state.yaml:3:6: answers and parameters must be single values or lists"),
                Arguments.of("bad hash", "format_version: 1\ngenerators:\n  - id: x\n    version: 1.0.0\n"
                        + "    files:\n      a.txt: abc\n", ".mx/state.yaml:6:14: expected a content hash"),
                Arguments.of("unknown key", "format_version: 1\nextra: 1\n", ".mx/state.yaml:2:1: "),
                Arguments.of("empty file", "", ".mx/state.yaml"),
                Arguments.of("tab indentation", "format_version: 1\nanswers:\n\ta: 1\n", ".mx/state.yaml:3:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenStateFiles")
    void aBrokenStateFileIsAPositionedInputError(String name, String content, String expected) {
        Path project = tmp.resolve("p");
        write(project.resolve(".mx/state.yaml"), content);
        Map<String, String> before = snapshot(project);
        for (String[] args : new String[][] {
            {"state", "-C", project.toString()},
            {"generate", SKELETON, "-C", project.toString()},
            {"generate", SKELETON, "-C", project.toString(), "--dry-run"},
            {"list", "-C", project.toString()}}) {
            Cli.Result r = run(args).expect(2).noStackTrace();
            assertTrue(r.err().startsWith("mx: " + expected), String.join(" ", args) + ": " + r);
            assertEquals(1, r.err().lines().count(), "one line, no trace: " + r);
            assertEquals("", r.out());
        }
        JsonNode error = run("--json", "state", "-C", project.toString()).expect(2).json().get("error");
        assertEquals("input", error.get("kind").asText());
        assertEquals(".mx/state.yaml", error.get("file").asText());
        assertSameFiles(before, project);
    }

    @Test
    void aStateFileThatIsNotUtf8OrNotAFile() throws IOException {
        Path project = tmp.resolve("p");
        Files.createDirectories(project.resolve(".mx"));
        Files.write(project.resolve(".mx/state.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        Cli.Result r = run("state", "-C", project.toString()).expect(2).noStackTrace();
        assertTrue(r.err().startsWith("mx: .mx/state.yaml: not valid UTF-8"), r::toString);

        Path other = tmp.resolve("q");
        Files.createDirectories(other.resolve(".mx/state.yaml"));
        Cli.Result dir = run("generate", SKELETON, "-C", other.toString()).expect(2).noStackTrace();
        assertTrue(dir.err().contains(".mx/state.yaml"), dir::toString);
    }

    @Test
    void lintReportsABrokenStateFileAsAFindingNotACrash() {
        Path project = tmp.resolve("p");
        write(project.resolve(".mx/state.yaml"), "format_version: 1\ngenerators: [{id: x}]\n");
        Cli.Result r = run("lint", project.toString()).expect(1).noStackTrace();
        assertTrue(Pattern.compile("state\\.yaml:2:\\d+: error \\[").matcher(r.out()).find(), r::toString);
    }

    static Stream<Arguments> brokenDescriptors() {
        return Stream.of(
                Arguments.of("list where a value is expected", "id: broken\nversion: [1]\ndescription: x\n",
                        "generator.yaml:2:10: "),
                Arguments.of("parameters not a list", "id: broken\nversion: 1.0.0\ndescription: x\nparameters: 5\n",
                        "generator.yaml:4:13: "),
                Arguments.of("unknown parameter type", "id: broken\nversion: 1.0.0\ndescription: x\nparameters:\n"
                        + "  - name: n\n    type: integer-ish\n", "generator.yaml:6:11: unknown parameter type"),
                Arguments.of("min not a number", "id: broken\nversion: 1.0.0\ndescription: x\nparameters:\n"
                        + "  - name: n\n    type: int\n    min: abc\n", "generator.yaml:7:10: "),
                Arguments.of("yaml syntax error", "id: broken\nversion: 1.0.0\ndescription: [x\n", "generator.yaml:4:1: "),
                Arguments.of("missing id", "version: 1.0.0\ndescription: x\n", "generator.yaml:1:1: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDescriptors")
    void aBrokenProjectGeneratorIsAPositionedInputError(String name, String descriptor, String expected) {
        Path project = tmp.resolve("p");
        write(project.resolve(".mx/generators/broken/generator.yaml"), descriptor);
        Map<String, String> before = snapshot(project);
        String file = ".mx/generators/broken/" + expected;
        for (String[] args : new String[][] {
            {"generate", "broken", "-C", project.toString()},
            {"describe", "broken", "-C", project.toString()}}) {
            Cli.Result r = run(args).expect(2).noStackTrace();
            assertTrue(r.err().startsWith("mx: " + file), String.join(" ", args) + ": " + r);
        }
        // list still lists the others and reports the broken one (exit 1: a finding)
        Cli.Result list = run("list", "-C", project.toString()).expect(1).noStackTrace();
        assertTrue(list.out().contains(SKELETON), list::toString);
        assertTrue(list.err().contains(file), list::toString);

        JsonNode error = run("--json", "generate", "broken", "-C", project.toString()).expect(2).json().get("error");
        assertEquals("input", error.get("kind").asText());
        assertTrue(error.get("file").asText().startsWith(".mx/generators/broken/generator.yaml"), error::toString);
        assertTrue(error.get("line").isInt(), error::toString);
        assertSameFiles(before, project);
    }

    @Test
    void aBrokenTemplateNamesTheTemplateAndWritesNothing() {
        Path project = tmp.resolve("p");
        write(project.resolve(".mx/generators/tpl/generator.yaml"), "id: tpl\nversion: 1.0.0\ndescription: x\n"
                + "parameters:\n  - name: n\n    type: int\n    default: 1\nfiles:\n  root: files\n");
        write(project.resolve(".mx/generators/tpl/files/ok.txt"), "fine\n");
        write(project.resolve(".mx/generators/tpl/files/a.txt.ftl"), "a\n[#if n > ]x[/#if]\n");
        Map<String, String> before = snapshot(project);
        Cli.Result syntax = run("generate", "tpl", "-C", project.toString()).expect(2).noStackTrace();
        assertTrue(syntax.err().contains("a.txt.ftl:2:"), syntax::toString);

        write(project.resolve(".mx/generators/tpl/files/a.txt.ftl"), "a\n[=nope]\n");
        before = snapshot(project);
        Cli.Result missing = run("generate", "tpl", "-C", project.toString()).expect(2).noStackTrace();
        assertTrue(missing.err().contains("a.txt.ftl:2:3: "), missing::toString);
        assertTrue(missing.err().contains("nope"), missing::toString);
        assertSameFiles(before, project);
        assertFalse(Files.exists(project.resolve("ok.txt")), "all or nothing");
    }

    @Test
    void badParameterValuesAreInputErrors() {
        Path project = Cli.newProject(tmp.resolve("demo"));
        Map<String, String> before = snapshot(project);
        String[][] cases = {
            {"gpu_count=abc", "gpu_count"},
            {"gpu_count=99", "gpu_count"},
            {"gpu_count=99999999999999999999", "gpu_count"},
            {"cloud=aws", "cloud"},
            {"gpu_spot=maybe", "gpu_spot"},
            {"engineers=not-an-email", "engineers"},
            {"no_such_parameter=1", "no_such_parameter"}};
        for (String[] c : cases) {
            Cli.Result r = run("generate", SKELETON, "-C", project.toString(), "--set", c[0]).expect(2).noStackTrace();
            assertTrue(r.err().contains(c[1]), c[0] + ": " + r);
        }
        assertSameFiles(before, project);
    }

    @Test
    void internalErrorsAreOneLineWithoutDebug() {
        // -C pointing at a regular file: whatever fails underneath, no trace without --debug
        Path file = tmp.resolve("plain-file");
        write(file, "x");
        Cli.Result r = run("generate", SKELETON, "-C", file.toString());
        assertEquals(2, r.code(), r::toString);
        r.noStackTrace();
        assertTrue(r.err().startsWith("mx: "), r::toString);
    }
}
