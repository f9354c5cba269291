package dev.mx.cli;

import static dev.mx.cli.Cli.SKELETON;
import static dev.mx.cli.Cli.run;
import static dev.mx.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mx.engine.MxEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The read-only commands in text form: list, describe, state, lint, rules, --version, --help. */
class InfoCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void version() {
        Cli.Result r = run("--version").expect(0);
        assertEquals("mx " + MxEngine.VERSION, r.out().strip());
        assertEquals("", r.err());
        assertEquals(r.out(), run("-V").expect(0).out());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = run().expect(2).noStackTrace();
        assertTrue(r.err().contains("missing command"), r::toString);
        assertEquals("", r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"new", "generate", "list", "describe", "state", "lint", "rules", "lsp"})
    void everyCommandHasHelp(String command) {
        Cli.Result r = run(command, "--help").expect(0).noStackTrace();
        assertTrue(r.out().startsWith("Usage: mx " + command), r::toString);
        assertTrue(r.out().contains("Exit codes: 0 ok, 1 findings or conflicts, 2 usage or input errors."), r::toString);
        assertEquals("", r.err());
        assertEquals(r.out(), run("help", command).expect(0).out(), "mx help CMD is the same as mx CMD --help");
        assertEquals(r.out(), run(command, "-h").expect(0).out());
    }

    @Test
    void rootHelpListsTheCommands() {
        Cli.Result r = run("--help").expect(0);
        for (String c : List.of("new", "generate", "list", "describe", "state", "lint", "rules", "lsp")) {
            assertTrue(r.out().contains("\n  " + c + " ") || r.out().contains("\n  " + c + ", "),
                    c + " missing from\n" + r.out());
        }
    }

    @Test
    void unknownCommandSuggestsOne() {
        Cli.Result r = run("generat").expect(2).noStackTrace();
        assertTrue(r.err().contains("Unmatched argument"), r::toString);
        assertTrue(r.err().contains("generate"), "suggests the command: " + r);
        assertTrue(r.err().contains("See 'mx --help'."), r::toString);
    }

    @Test
    void list() {
        Cli.Result outside = run("list", "-C", tmp.toString()).expect(0).noStackTrace();
        assertTrue(outside.out().contains(SKELETON), outside::toString);
        assertFalse(outside.out().contains("applied to this project"), "nothing applied outside a project");

        Path dir = Cli.newProject(tmp.resolve("demo"));
        Cli.Result inside = run("list", "-C", dir.toString()).expect(0);
        assertTrue(inside.out().lines().anyMatch(l -> l.startsWith("* " + SKELETON + " ")), inside::toString);
        assertTrue(inside.out().lines().filter(l -> l.startsWith("* ")).count() == 1, "only the skeleton is applied");
        assertTrue(inside.out().contains("(* = applied to this project)"), inside::toString);
    }

    @Test
    void listShowsProjectGeneratorsWithTheirOriginAndBrokenOnesOnStderr() {
        write(tmp.resolve(".mx/generators/local-one/generator.yaml"),
                "id: local-one\nversion: 0.1.0\ndescription: A local generator\nfiles:\n  root: files\n");
        write(tmp.resolve(".mx/generators/local-one/files/hello.txt"), "hello\n");
        write(tmp.resolve(".mx/generators/broken/generator.yaml"), "id: broken\nversion: 1.0.0\ndescription: 5\n"
                + "parameters:\n  - name: n\n    type: integer-ish\n");
        Cli.Result r = run("list", "-C", tmp.toString()).expect(1).noStackTrace();
        assertTrue(r.out().contains("local-one"), r::toString);
        assertTrue(r.out().contains("[project .mx/generators]"), r::toString);
        assertFalse(r.out().contains("broken"), "a broken generator is not listed as usable: " + r);
        assertTrue(r.err().contains("mx: .mx/generators/broken/generator.yaml:6:11: unknown parameter type"),
                r::toString);

        // the local generator works
        run("generate", "local-one", "-C", tmp.toString()).expect(0).noStackTrace();
        assertEquals("hello\n", Cli.read(tmp.resolve("hello.txt")));
    }

    @Test
    void describe() {
        Cli.Result r = run("describe", SKELETON).expect(0).noStackTrace();
        String out = r.out();
        assertTrue(out.startsWith(SKELETON + " "), out);
        assertTrue(out.contains("(built-in)"), out);
        assertTrue(out.contains("Parameters (--set NAME=VALUE):"), out);
        assertTrue(out.contains("  gpu_count (int, 1..8, shared answer) default: 1"), out);
        assertTrue(out.contains("  cloud (enum: gcp|none, shared answer) default: gcp"), out);
        assertTrue(out.contains("  gpu_max_nodes (int, 1..64) default: 2"), out);
        assertTrue(out.contains("Grows shared manifests:\n  devspace.yaml: vars.MLFLOW_NAMESPACE, deployments.training-infrastructure"), out);

        Cli.Result unknown = run("describe", "ml-project-skeletn").expect(2).noStackTrace();
        assertTrue(unknown.err().contains("did you mean '" + SKELETON + "'"), unknown::toString);
    }

    @Test
    void state() {
        Path dir = Cli.newProject(tmp.resolve("demo"), "--set", "gpu_count=2");
        Cli.Result r = run("state", "-C", dir.toString()).expect(0).noStackTrace();
        String out = r.out();
        assertTrue(out.startsWith("Project " + dir.toAbsolutePath().normalize()), out);
        assertTrue(out.contains("Answers:\n  project_name: demo\n"), out);
        assertTrue(out.contains("\n  gpu_count: 2\n"), out);
        assertTrue(out.matches("(?s).*Applied generators:\n  " + SKELETON + " \\d+\\.\\d+\\.\\d+ \\(\\d+ files, 7 manifest keys\\)\n"),
                out);

        Cli.Result none = run("state", "-C", tmp.toString()).expect(2).noStackTrace();
        assertTrue(none.err().contains("is not an mx project"), none::toString);
        assertTrue(none.err().contains("mx new " + SKELETON), none::toString);
    }

    @Test
    void lint() {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        Cli.Result clean = run("lint", dir.toString()).expect(0).noStackTrace();
        assertEquals("", clean.out(), "a fresh skeleton has no findings");

        write(dir.resolve("devspace.yaml"), "version: v2beta1\nname: demo\nimages:\n  a: [b\n");
        Cli.Result broken = run("lint", dir.toString()).expect(1).noStackTrace();
        String line = broken.out().lines().filter(l -> l.contains("[yaml/syntax]")).findFirst().orElse("");
        assertTrue(line.matches(".*devspace\\.yaml:4:6: error \\[yaml/syntax\\] .+"), broken::toString);
        assertTrue(line.startsWith(dir.toString()), "the file as given on the command line: " + line);

        Cli.Result missing = run("lint", tmp.resolve("nowhere").toString()).expect(2).noStackTrace();
        assertTrue(missing.err().contains("no such file or directory"), missing::toString);

        Cli.Result badFormat = run("lint", "--format", "xml", dir.toString()).expect(2).noStackTrace();
        assertTrue(badFormat.err().contains("--format"), badFormat::toString);
    }

    @Test
    void lintSarifIsOneJsonDocument() {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        write(dir.resolve("devspace.yaml"), "version: v2beta1\nname: demo\nimages:\n  a: [b\n");
        JsonNode sarif = run("lint", "--format", "sarif", dir.toString()).expect(1).json();
        assertEquals("2.1.0", sarif.get("version").asText(), sarif::toString);
        assertTrue(sarif.get("runs").get(0).get("results").size() >= 1, sarif::toString);
    }

    @Test
    void rules() {
        Cli.Result list = run("rules").expect(0).noStackTrace();
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("yaml/syntax ")), list::toString);

        JsonNode all = run("--json", "rules").expect(0).json();
        assertTrue(all.get("rules").isArray() && all.get("rules").size() > 0, all::toString);
        for (JsonNode rule : all.get("rules")) {
            for (String f : List.of("id", "file", "severity", "summary")) {
                assertTrue(rule.get(f).isTextual(), f + " in " + rule);
            }
        }
        JsonNode one = run("--json", "rules", "yaml/syntax").expect(0).json();
        assertEquals("yaml/syntax", one.get("id").asText());

        Cli.Result unknown = run("rules", "no/such-rule").expect(2).noStackTrace();
        assertTrue(unknown.err().contains("unknown rule"), unknown::toString);
    }
}
