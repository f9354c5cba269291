package dev.mx.cli;

import static com.fasterxml.jackson.databind.node.JsonNodeType.ARRAY;
import static com.fasterxml.jackson.databind.node.JsonNodeType.BOOLEAN;
import static com.fasterxml.jackson.databind.node.JsonNodeType.NUMBER;
import static com.fasterxml.jackson.databind.node.JsonNodeType.OBJECT;
import static com.fasterxml.jackson.databind.node.JsonNodeType.STRING;
import static dev.mx.cli.Cli.SKELETON;
import static dev.mx.cli.Cli.assertSameFiles;
import static dev.mx.cli.Cli.read;
import static dev.mx.cli.Cli.run;
import static dev.mx.cli.Cli.snapshot;
import static dev.mx.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} on every command: one JSON document on stdout, with the field names and types
 * scripts rely on. Every parse is strict (nothing may follow the document).
 */
class JsonOutputTest {
    private static final Set<String> ACTIONS = Set.of("create", "update", "unchanged", "delete", "conflict");

    @TempDir
    Path tmp;

    /**
     * Fields of an object: each required one present with its type, optional ones typed if
     * present, no others. A null type accepts any JSON value.
     */
    static final class Shape {
        final Map<String, JsonNodeType> required = new LinkedHashMap<>();
        final Map<String, JsonNodeType> optional = new LinkedHashMap<>();

        Shape req(String name, JsonNodeType type) {
            required.put(name, type);
            return this;
        }

        Shape opt(String name, JsonNodeType type) {
            optional.put(name, type);
            return this;
        }

        void check(JsonNode node, String where) {
            assertEquals(OBJECT, node.getNodeType(), where + " is not an object: " + node);
            required.forEach((name, type) -> {
                assertTrue(node.has(name), where + " has no '" + name + "': " + node);
                if (type != null) {
                    assertEquals(type, node.get(name).getNodeType(), where + "." + name + " has the wrong type: " + node);
                }
            });
            optional.forEach((name, type) -> {
                if (node.has(name) && type != null) {
                    assertEquals(type, node.get(name).getNodeType(), where + "." + name + " has the wrong type");
                }
            });
            Set<String> unknown = new HashSet<>();
            node.fieldNames().forEachRemaining(unknown::add);
            unknown.removeAll(required.keySet());
            unknown.removeAll(optional.keySet());
            assertTrue(unknown.isEmpty(), where + " has fields outside the contract " + unknown
                    + " (update docs/cli.md and this test if they are meant to be there)");
        }
    }

    static final Shape PLAN = new Shape().req("generator", STRING).req("version", STRING).req("project", STRING)
            .req("dryRun", BOOLEAN).req("applied", BOOLEAN).req("conflicts", NUMBER).req("parameters", OBJECT)
            .req("changes", ARRAY).opt("nextSteps", STRING).opt("error", OBJECT).opt("postApply", OBJECT);
    static final Shape CHANGE = new Shape().req("path", STRING).req("action", STRING).opt("keys", ARRAY)
            .opt("reason", STRING).opt("diff", STRING).opt("written", BOOLEAN);
    static final Shape ERROR = new Shape().req("kind", STRING).req("message", STRING).opt("file", STRING)
            .opt("line", NUMBER).opt("column", NUMBER);

    /** Runs with --json first and checks that stdout is one JSON document and nothing else. */
    static JsonNode json(int expectedCode, String... args) {
        List<String> all = new ArrayList<>();
        all.add("--json");
        all.addAll(List.of(args));
        Cli.Result r = run(all).expect(expectedCode).noStackTrace();
        assertTrue(r.out().startsWith("{"), "stdout starts with the document: " + r);
        return r.json();
    }

    static JsonNode error(int expectedCode, String kind, String... args) {
        List<String> all = new ArrayList<>();
        all.add("--json");
        all.addAll(List.of(args));
        Cli.Result r = run(all).expect(expectedCode).noStackTrace();
        assertEquals("", r.err(), "with --json an error goes to stdout only");
        JsonNode root = r.json();
        assertEquals(Set.of("error"), fieldNames(root), root::toString);
        ERROR.check(root.get("error"), "error");
        assertEquals(kind, root.get("error").get("kind").asText(), root::toString);
        return root.get("error");
    }

    static Set<String> fieldNames(JsonNode n) {
        Set<String> s = new HashSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }

    static void checkPlan(JsonNode plan, Path project) {
        PLAN.check(plan, "plan");
        assertEquals(SKELETON, plan.get("generator").asText());
        assertTrue(plan.get("version").asText().matches("\\d+\\.\\d+\\.\\d+"), plan.get("version").asText());
        assertEquals(project.toAbsolutePath().normalize().toString(), plan.get("project").asText());
        assertTrue(plan.get("conflicts").isInt());
        int i = 0;
        for (JsonNode c : plan.get("changes")) {
            CHANGE.check(c, "changes[" + i++ + "]");
            assertTrue(ACTIONS.contains(c.get("action").asText()), c::toString);
            if (c.has("keys")) {
                c.get("keys").forEach(k -> assertTrue(k.isTextual(), c::toString));
            }
        }
        assertTrue(i > 0, "no changes listed");
    }

    static JsonNode change(JsonNode plan, String path) {
        for (JsonNode c : plan.get("changes")) {
            if (c.get("path").asText().equals(path)) {
                return c;
            }
        }
        throw new AssertionError("no change for " + path + " in " + plan);
    }

    @Test
    void newAndGenerate() {
        Path dir = tmp.resolve("demo");
        Cli.Result r = run("--json", "new", SKELETON, dir.toString()).expect(0).noStackTrace();
        assertEquals("", r.err());
        JsonNode plan = r.json();
        checkPlan(plan, dir);
        assertFalse(plan.get("dryRun").asBoolean());
        assertTrue(plan.get("applied").asBoolean());
        assertEquals(0, plan.get("conflicts").asInt());
        assertFalse(plan.has("error"));
        assertTrue(plan.get("nextSteps").asText().contains("devspace deploy"));

        JsonNode params = plan.get("parameters");
        assertEquals("demo", params.get("project_name").asText());
        assertTrue(params.get("gpu_count").isIntegralNumber(), "int parameters are JSON numbers: " + params);
        assertTrue(params.get("gpu_spot").isBoolean(), "bool parameters are JSON booleans: " + params);
        assertTrue(params.get("engineers").isArray(), "list parameters are JSON arrays: " + params);

        for (JsonNode c : plan.get("changes")) {
            assertEquals("create", c.get("action").asText(), c::toString);
            assertTrue(c.get("written").asBoolean(), c::toString);
            assertFalse(c.has("diff"), "no diffs unless --dry-run");
        }
        JsonNode devspace = change(plan, "devspace.yaml");
        assertEquals(List.of("+ vars.MLFLOW_NAMESPACE", "+ deployments.training-infrastructure", "+ deployments.cuda-drivers"),
                texts(devspace.get("keys")));
        change(plan, ".mx/state.yaml");

        // generate again: applied, nothing written
        JsonNode again = json(0, "generate", SKELETON, "-C", dir.toString());
        checkPlan(again, dir);
        assertTrue(again.get("applied").asBoolean());
        for (JsonNode c : again.get("changes")) {
            assertEquals("unchanged", c.get("action").asText(), c::toString);
            assertFalse(c.get("written").asBoolean(), c::toString);
        }
    }

    @Test
    void dryRunHasDiffsAndNoWrittenFlags() {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        Map<String, String> before = snapshot(dir);
        JsonNode plan = json(0, "generate", SKELETON, "-C", dir.toString(), "--set", "gpu_count=2", "--dry-run");
        checkPlan(plan, dir);
        assertTrue(plan.get("dryRun").asBoolean());
        assertFalse(plan.get("applied").asBoolean());
        assertEquals(2, plan.get("parameters").get("gpu_count").asInt());
        JsonNode job = change(plan, "train_job.yaml");
        assertEquals("update", job.get("action").asText());
        assertTrue(job.get("diff").asText().startsWith("--- a/train_job.yaml\n+++ b/train_job.yaml\n@@ "),
                job.toString());
        for (JsonNode c : plan.get("changes")) {
            assertFalse(c.has("written"), "nothing is written on a dry run: " + c);
            assertEquals(c.get("action").asText().equals("unchanged"), !c.has("diff"), c::toString);
        }
        assertSameFiles(before, dir);
    }

    @Test
    void conflictsAreCountedAndReported() {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        Path job = dir.resolve("train_job.yaml");
        write(job, read(job) + "# mine\n");
        Map<String, String> before = snapshot(dir);

        Cli.Result r = run("--json", "generate", SKELETON, "-C", dir.toString()).expect(1).noStackTrace();
        JsonNode plan = r.json();
        checkPlan(plan, dir);
        assertFalse(plan.get("applied").asBoolean());
        assertEquals(1, plan.get("conflicts").asInt());
        JsonNode c = change(plan, "train_job.yaml");
        assertEquals("conflict", c.get("action").asText());
        assertTrue(c.get("reason").asText().contains("you changed it"), c::toString);
        // the same error object as every other failure
        JsonNode error = plan.get("error");
        ERROR.check(error, "error");
        assertEquals("conflict", error.get("kind").asText());
        assertTrue(error.get("message").asText().contains("train_job.yaml"), error::toString);
        assertSameFiles(before, dir);
    }

    @Test
    void list() {
        JsonNode root = json(0, "list", "-C", tmp.toString());
        new Shape().req("generators", ARRAY).req("problems", ARRAY).check(root, "list");
        Shape gen = new Shape().req("id", STRING).req("version", STRING).req("description", STRING)
                .req("origin", STRING).req("applied", BOOLEAN);
        JsonNode skeleton = null;
        for (JsonNode g : root.get("generators")) {
            gen.check(g, "generators[]");
            if (g.get("id").asText().equals(SKELETON)) {
                skeleton = g;
            }
        }
        assertTrue(skeleton != null, root::toString);
        assertEquals("built-in", skeleton.get("origin").asText());
        assertFalse(skeleton.get("applied").asBoolean());
        assertEquals(0, root.get("problems").size());

        Path dir = Cli.newProject(tmp.resolve("demo"));
        JsonNode inProject = json(0, "list", "-C", dir.toString());
        for (JsonNode g : inProject.get("generators")) {
            assertEquals(g.get("id").asText().equals(SKELETON), g.get("applied").asBoolean(), g::toString);
        }
    }

    @Test
    void listReportsABrokenGeneratorAsAProblemAndExits1() {
        write(tmp.resolve(".mx/generators/broken/generator.yaml"), "id: broken\nversion: [1]\ndescription: x\n");
        JsonNode root = json(1, "list", "-C", tmp.toString());
        assertEquals(1, root.get("problems").size(), root::toString);
        JsonNode p = root.get("problems").get(0);
        assertTrue(p.isTextual(), "problems are 'file:line:col: message' strings: " + p);
        assertTrue(p.asText().startsWith(".mx/generators/broken/generator.yaml:2:10: "), p.asText());
        // the working generators are still listed
        assertTrue(root.get("generators").size() >= 1);
    }

    @Test
    void describe() {
        JsonNode g = json(0, "describe", SKELETON);
        new Shape().req("id", STRING).req("version", STRING).req("description", STRING).req("help", STRING)
                .req("origin", STRING).req("requires", ARRAY).req("parameters", ARRAY).req("manifests", ARRAY)
                .opt("postApply", ARRAY).check(g, "describe");
        assertEquals(SKELETON, g.get("id").asText());
        Shape param = new Shape().req("name", STRING).req("type", STRING).req("default", null).req("required", BOOLEAN)
                .req("scope", STRING).opt("pattern", STRING).opt("choices", ARRAY).opt("min", NUMBER).opt("max", NUMBER)
                .opt("help", STRING);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode p : g.get("parameters")) {
            param.check(p, "parameters[" + p.get("name").asText() + "]");
            assertTrue(Set.of("string", "int", "bool", "enum", "list").contains(p.get("type").asText()), p::toString);
            assertTrue(Set.of("project", "generator").contains(p.get("scope").asText()), p::toString);
            byName.put(p.get("name").asText(), p);
        }
        JsonNode gpuCount = byName.get("gpu_count");
        assertEquals("int", gpuCount.get("type").asText());
        assertEquals(1, gpuCount.get("min").asInt());
        assertEquals(8, gpuCount.get("max").asInt());
        assertEquals("project", gpuCount.get("scope").asText());
        assertEquals(List.of("gcp", "none"), texts(byName.get("cloud").get("choices")));
        assertEquals("generator", byName.get("gpu_max_nodes").get("scope").asText());
        assertTrue(byName.get("project_name").get("required").asBoolean());
        assertEquals("[=project_dir_name]", byName.get("project_name").get("default").asText(),
                "defaults are shown as written in generator.yaml");

        Shape manifest = new Shape().req("file", STRING).req("keys", ARRAY);
        for (JsonNode m : g.get("manifests")) {
            manifest.check(m, "manifests[]");
        }
        assertEquals("devspace.yaml", g.get("manifests").get(0).get("file").asText());
        assertTrue(texts(g.get("manifests").get(0).get("keys")).contains("deployments.training-infrastructure"));
    }

    @Test
    void state() {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        JsonNode s = json(0, "state", "-C", dir.toString());
        new Shape().req("project", STRING).req("formatVersion", NUMBER).req("answers", OBJECT).req("generators", ARRAY)
                .check(s, "state");
        assertEquals(dir.toAbsolutePath().normalize().toString(), s.get("project").asText());
        assertEquals(1, s.get("formatVersion").asInt());
        assertEquals("demo", s.get("answers").get("project_name").asText());
        assertEquals(1, s.get("answers").get("gpu_count").asInt());
        assertEquals(1, s.get("generators").size());
        JsonNode g = s.get("generators").get(0);
        new Shape().req("id", STRING).req("version", STRING).req("parameters", OBJECT).req("files", OBJECT)
                .req("manifests", OBJECT).check(g, "generators[0]");
        assertEquals(SKELETON, g.get("id").asText());
        assertTrue(g.get("files").get("train_job.yaml").asText().matches("sha256:[0-9a-f]{64}"));
        assertTrue(g.get("manifests").get("devspace.yaml").has("deployments.training-infrastructure"));
    }

    @Test
    void lint() throws Exception {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        JsonNode clean = json(0, "lint", dir.toString());
        new Shape().req("diagnostics", ARRAY).check(clean, "lint");
        assertEquals(0, clean.get("diagnostics").size(), clean::toString);

        Files.writeString(dir.resolve("devspace.yaml"), "version: v2beta1\nname: demo\nimages:\n  a: [b\n");
        JsonNode broken = json(1, "lint", dir.toString());
        Shape diag = new Shape().req("file", STRING).req("line", NUMBER).req("column", NUMBER).req("endLine", NUMBER)
                .req("endColumn", NUMBER).req("severity", STRING).req("rule", STRING).req("message", STRING);
        JsonNode syntax = null;
        for (JsonNode d : broken.get("diagnostics")) {
            diag.check(d, "diagnostics[]");
            assertTrue(d.get("line").asInt() >= 1 && d.get("column").asInt() >= 1, "1-based: " + d);
            assertTrue(d.get("endLine").asInt() >= d.get("line").asInt(), d::toString);
            if (d.get("rule").asText().equals("yaml/syntax")) {
                syntax = d;
            }
        }
        assertTrue(syntax != null, broken::toString);
        assertTrue(syntax.get("file").asText().endsWith("devspace.yaml"), syntax::toString);
        assertEquals("error", syntax.get("severity").asText());
        assertEquals(4, syntax.get("line").asInt(), "the line of the unclosed '[': " + syntax);
        assertEquals(6, syntax.get("column").asInt(), "1-based column of the '[': " + syntax);

        // --format json is the same document without the global flag
        Cli.Result viaFormat = run("lint", "--format", "json", dir.toString()).expect(1);
        assertEquals(broken, viaFormat.json());
    }

    @Test
    void errorsAreOneObjectOnStdout() {
        JsonNode usage = error(2, "usage", "generate", SKELETON, "-C", tmp.toString(), "--set", "novalue");
        assertTrue(usage.get("message").asText().contains("KEY=VALUE"), usage::toString);
        error(2, "usage", "no-such-command");
        error(2, "usage", "generate");
        error(2, "usage", "list", "--no-such-option");

        JsonNode unknown = error(2, "input", "describe", "ml-project-skeletn");
        assertTrue(unknown.get("message").asText().contains("did you mean 'ml-project-skeleton'"), unknown::toString);
        assertFalse(unknown.has("file"));

        JsonNode invalid = error(2, "input", "new", SKELETON, tmp.resolve("bad").toString(), "--set",
                "project_name=Bad_Name");
        assertTrue(invalid.get("message").asText().contains("project_name"), invalid::toString);
        assertFalse(Files.exists(tmp.resolve("bad")));

        // an error in a file names the file and a 1-based position
        write(tmp.resolve("p/.mx/state.yaml"), "format_version: 99\n");
        JsonNode positioned = error(2, "input", "state", "-C", tmp.resolve("p").toString());
        assertEquals(".mx/state.yaml", positioned.get("file").asText());
        assertEquals(1, positioned.get("line").asInt());
        assertEquals(17, positioned.get("column").asInt());
        assertTrue(positioned.get("message").asText().contains("newer mx"), positioned::toString);
    }

    @Test
    void jsonFlagWorksAfterTheSubcommandToo() {
        Cli.Result r = run("list", "--json").expect(0);
        assertTrue(r.json().has("generators"));
        Cli.Result e = run("describe", "nope", "--json").expect(2);
        assertEquals("input", e.json().get("error").get("kind").asText());
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            fail("not an array: " + array);
        }
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
