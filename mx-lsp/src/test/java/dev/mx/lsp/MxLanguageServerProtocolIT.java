package dev.mx.lsp;

import static dev.mx.lsp.LspProcess.json;
import static dev.mx.lsp.LspProcess.method;
import static dev.mx.lsp.LspProcess.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as an editor sees it: a subprocess speaking JSON-RPC on stdin/stdout. Each test
 * starts its own server on a fresh temporary project.
 */
class MxLanguageServerProtocolIT {
    /** A VS Code-like client: documentChanges, resource operations, resolve, snippets, progress. */
    static final String FULL_CLIENT = """
            {"workspace": {"applyEdit": true,
               "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create", "rename", "delete"]},
               "didChangeWatchedFiles": {"dynamicRegistration": true},
               "didChangeConfiguration": {"dynamicRegistration": true}, "executeCommand": {}},
             "textDocument": {"synchronization": {"didSave": true},
               "completion": {"completionItem": {"snippetSupport": true, "documentationFormat": ["markdown", "plaintext"],
                  "insertTextModeSupport": {"valueSet": [1, 2]}}},
               "hover": {"contentFormat": ["markdown", "plaintext"]},
               "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}},
                  "resolveSupport": {"properties": ["edit"]}, "dataSupport": true, "isPreferredSupport": true},
               "documentSymbol": {"hierarchicalDocumentSymbolSupport": true},
               "publishDiagnostics": {"versionSupport": true}},
             "window": {"workDoneProgress": true}}""";

    /** What Neovim 0.7 sends, in short: no documentChanges, no snippets, no dynamic registration. */
    static final String NVIM_CLIENT = """
            {"workspace": {"applyEdit": true, "workspaceEdit": {"resourceOperations": ["rename", "create", "delete"]}},
             "textDocument": {"completion": {"completionItem": {"snippetSupport": false}},
               "hover": {"contentFormat": ["markdown", "plaintext"]},
               "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}},
                  "resolveSupport": {"properties": ["edit"]}, "dataSupport": true}},
             "window": {"workDoneProgress": true}}""";

    static final String DEVSPACE = """
            version: v2beta1
            name: demo
            imagess:
              app:
                image: demo/app
            dev:
              app:
                imageSelector: demo/app
               \s
                sync:
                  - path: ./:/app
            deployments:
              app:
                kubectl:
                  manifests:
                    - k8s/deploy.yaml
            """;

    @TempDir
    Path tmp;

    private final List<LspProcess> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(LspProcess::close);
    }

    private LspProcess start(String... args) throws IOException {
        LspProcess p = LspProcess.start(tmp.resolve("lsp.log"), args);
        servers.add(p);
        return p;
    }

    private Path project() throws IOException {
        Path root = tmp.resolve("demo");
        Files.createDirectories(root.resolve(".mx"));
        Files.writeString(root.resolve("devspace.yaml"), DEVSPACE);
        return root;
    }

    /**
     * Two generators that add a deployment to devspace.yaml (so they are offered in its
     * {@code deployments} section): {@code hello} writes a manifest at the top and a file in a new
     * folder; {@code hello-flat} only writes files at the top.
     */
    static Path generators(Path dir) throws IOException {
        writeGenerator(dir.resolve("generators").resolve("hello"), "hello", true);
        writeGenerator(dir.resolve("generators").resolve("hello-flat"), "hello-flat", false);
        return dir.resolve("generators");
    }

    private static void writeGenerator(Path g, String id, boolean nested) throws IOException {
        Files.createDirectories(g.resolve("files"));
        Files.createDirectories(g.resolve("manifests"));
        Files.writeString(g.resolve("generator.yaml"), """
                id: %1$s
                version: 1.0.0
                description: A tiny generator for language-server tests
                parameters:
                  - name: greeting
                    type: string
                    default: hello
                files:
                  root: files
                manifests:
                  - file: devspace.yaml
                    keys:
                      - path: deployments.%1$s
                        template: manifests/deployment.yaml.ftl
                """.formatted(id));
        Files.writeString(g.resolve("manifests").resolve("deployment.yaml.ftl"), """
                kubectl:
                  manifests:
                    - %s.yaml
                """.formatted(id));
        Files.writeString(g.resolve("files").resolve(id + ".yaml.ftl"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                data:
                  greeting: "[=greeting] from [=project_dir_name]"
                """.formatted(id));
        if (nested) {
            Files.createDirectories(g.resolve("files").resolve("notes"));
            Files.writeString(g.resolve("files").resolve("notes").resolve("readme.md"), "notes\n");
        }
    }

    static JsonObject initialize(LspProcess c, Path root, String capabilities, String initOptions) throws Exception {
        return initialize(c, root, capabilities, initOptions, "{\"name\": \"it\", \"version\": \"1\"}");
    }

    static JsonObject initialize(LspProcess c, Path root, String capabilities, String initOptions, String clientInfo)
            throws Exception {
        JsonObject params = json("{\"processId\": null, \"capabilities\": " + capabilities + "}");
        params.addProperty("rootUri", root.toUri().toString());
        params.add("clientInfo", json(clientInfo));
        if (initOptions != null) {
            params.add("initializationOptions", json(initOptions));
        }
        JsonObject result = c.result("initialize", params).getAsJsonObject();
        c.notify("initialized", new JsonObject());
        return result;
    }

    static void open(LspProcess c, String uri, int version, String text) throws IOException {
        c.notify("textDocument/didOpen", json("{\"textDocument\": {\"uri\": " + str(uri)
                + ", \"languageId\": \"\", \"version\": " + version + ", \"text\": " + str(text) + "}}"));
    }

    static void change(LspProcess c, String uri, int version, int sl, int sc, int el, int ec, String text)
            throws IOException {
        c.notify("textDocument/didChange", json("{\"textDocument\": {\"uri\": " + str(uri) + ", \"version\": "
                + version + "}, \"contentChanges\": [{\"range\": " + range(sl, sc, el, ec) + ", \"text\": " + str(text)
                + "}]}"));
    }

    static String range(int sl, int sc, int el, int ec) {
        return "{\"start\": {\"line\": " + sl + ", \"character\": " + sc + "}, \"end\": {\"line\": " + el
                + ", \"character\": " + ec + "}}";
    }

    static JsonObject at(String uri, int line, int character) {
        return json("{\"textDocument\": {\"uri\": " + str(uri) + "}, \"position\": {\"line\": " + line
                + ", \"character\": " + character + "}}");
    }

    static JsonArray diagnostics(JsonObject publishParams) {
        return publishParams.getAsJsonArray("diagnostics");
    }

    static JsonObject diagnostic(JsonObject publishParams, String code) {
        for (JsonElement d : diagnostics(publishParams)) {
            if (d.getAsJsonObject().get("code").getAsString().equals(code)) {
                return d.getAsJsonObject();
            }
        }
        fail("no " + code + " diagnostic in " + publishParams);
        return null;
    }

    static boolean has(JsonObject publishParams, String code) {
        for (JsonElement d : diagnostics(publishParams)) {
            if (d.getAsJsonObject().get("code").getAsString().equals(code)) {
                return true;
            }
        }
        return false;
    }

    static List<String> labels(JsonElement completion) {
        JsonArray items = completion.isJsonArray() ? completion.getAsJsonArray()
                : completion.getAsJsonObject().getAsJsonArray("items");
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.getAsJsonObject().get("label").getAsString()));
        return out;
    }

    // ---- tests ----------------------------------------------------------------------------

    @Test
    void initializeAdvertisesFeaturesPerClient() throws Exception {
        LspProcess full = start();
        JsonObject caps = initialize(full, project(), FULL_CLIENT, null).getAsJsonObject("capabilities");
        assertEquals(2, caps.getAsJsonObject("textDocumentSync").get("change").getAsInt(), "incremental sync");
        assertTrue(caps.getAsJsonObject("codeActionProvider").get("resolveProvider").getAsBoolean());
        assertTrue(caps.has("completionProvider") && caps.has("hoverProvider") && caps.has("documentSymbolProvider")
                && caps.has("definitionProvider") && caps.has("documentLinkProvider"), caps.toString());
        JsonArray commands = caps.getAsJsonObject("executeCommandProvider").getAsJsonArray("commands");
        assertTrue(commands.toString().contains("mx.applyGenerator"), commands.toString());

        // dynamic registration of the file watcher, since this client supports it
        JsonObject reg = full.serverRequests().stream().filter(m -> method(m, "client/registerCapability"))
                .findFirst().orElse(null);
        for (int i = 0; reg == null && i < 100; i++) {
            Thread.sleep(50);
            reg = full.serverRequests().stream().filter(m -> method(m, "client/registerCapability")).findFirst()
                    .orElse(null);
        }
        assertNotNull(reg, "no client/registerCapability");
        assertTrue(reg.toString().contains("workspace/didChangeWatchedFiles"), reg.toString());

        LspProcess bare = start();
        JsonObject bareCaps = initialize(bare, project(), "{}", null).getAsJsonObject("capabilities");
        assertTrue(bareCaps.get("codeActionProvider").isJsonPrimitive(), "no literal support: plain true");
    }

    @Test
    void diagnosticsOnOpenThenFixedByAnIncrementalChange() throws Exception {
        LspProcess c = start();
        Path root = project();
        initialize(c, root, FULL_CLIENT, null);
        String uri = root.resolve("devspace.yaml").toUri().toString();
        int before = c.notificationCount();
        open(c, uri, 1, DEVSPACE);

        JsonObject first = c.awaitDiagnostics(uri, before, p -> true).getAsJsonObject("params");
        assertEquals(1, first.get("version").getAsInt());
        JsonObject d = diagnostic(first, "devspace/unknown-key");
        assertEquals(json("{\"start\": {\"line\": 2, \"character\": 0}, \"end\": {\"line\": 2, \"character\": 7}}"),
                d.getAsJsonObject("range"));
        assertEquals("mx", d.get("source").getAsString());
        assertEquals(1, d.get("severity").getAsInt());

        // rename 'imagess' to 'images' by deleting one character, and create the manifest
        Files.createDirectories(root.resolve("k8s"));
        Files.writeString(root.resolve("k8s/deploy.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        int mark = c.notificationCount();
        change(c, uri, 2, 2, 6, 2, 7, "");
        JsonObject fixed = c.awaitDiagnostics(uri, mark, p -> p.get("version").getAsInt() == 2).getAsJsonObject("params");
        assertEquals(0, diagnostics(fixed).size(), fixed.toString());
        c.assertStdoutClean();
    }

    @Test
    void aManifestThatAppearsOnDiskClearsItsDiagnostic() throws Exception {
        LspProcess c = start();
        Path root = project();
        initialize(c, root, FULL_CLIENT, null);
        String uri = root.resolve("devspace.yaml").toUri().toString();
        int before = c.notificationCount();
        open(c, uri, 1, DEVSPACE);
        assertTrue(has(c.awaitDiagnostics(uri, before, p -> true).getAsJsonObject("params"),
                "devspace/unknown-reference"));

        Files.createDirectories(root.resolve("k8s"));
        Path manifest = root.resolve("k8s/deploy.yaml");
        Files.writeString(manifest, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        int mark = c.notificationCount();
        c.notify("workspace/didChangeWatchedFiles", json("{\"changes\": [{\"uri\": " + str(manifest.toUri().toString())
                + ", \"type\": 1}]}"));
        JsonObject after = c.awaitDiagnostics(uri, mark, p -> true).getAsJsonObject("params");
        assertFalse(has(after, "devspace/unknown-reference"), after.toString());
        assertTrue(has(after, "devspace/unknown-key"), after.toString());
    }

    @Test
    void userRuleLevelsApplyAndBadSettingsOnlyWarn() throws Exception {
        LspProcess c = start();
        Path root = project();
        initialize(c, root, FULL_CLIENT, """
                {"settings": {"mx": {"lint": {"rules": {"devspace/unknown-key": "warning",
                   "devspace/unknown-reference": "off", "devspace/no-such-rule": "error"}}, "maxDocumentSize": "big"}}}""");
        JsonObject warning = c.awaitNotification("a showMessage about the bad settings",
                m -> method(m, "window/showMessage")).getAsJsonObject("params");
        assertEquals(2, warning.get("type").getAsInt());
        assertTrue(warning.get("message").getAsString().contains("devspace/no-such-rule"), warning.toString());
        assertTrue(warning.get("message").getAsString().contains("maxDocumentSize"), warning.toString());

        String uri = root.resolve("devspace.yaml").toUri().toString();
        int before = c.notificationCount();
        open(c, uri, 1, DEVSPACE);
        JsonObject p = c.awaitDiagnostics(uri, before, x -> true).getAsJsonObject("params");
        assertEquals(2, diagnostic(p, "devspace/unknown-key").get("severity").getAsInt(), p.toString());
        assertFalse(has(p, "devspace/unknown-reference"), p.toString());

        // settings pushed later replace these: back to the project's levels
        int mark = c.notificationCount();
        c.notify("workspace/didChangeConfiguration", json("{\"settings\": {\"mx\": {\"lint\": {\"rules\": {}}}}}"));
        JsonObject q = c.awaitDiagnostics(uri, mark, x -> true).getAsJsonObject("params");
        assertEquals(1, diagnostic(q, "devspace/unknown-key").get("severity").getAsInt(), q.toString());
        assertTrue(has(q, "devspace/unknown-reference"), q.toString());
    }

    @Test
    void completionAndHoverInsideADevEntry() throws Exception {
        LspProcess c = start();
        Path root = project();
        initialize(c, root, NVIM_CLIENT, null);
        String uri = root.resolve("devspace.yaml").toUri().toString();
        open(c, uri, 1, DEVSPACE);

        JsonElement completion = c.result("textDocument/completion", at(uri, 8, 4));
        List<String> labels = labels(completion);
        assertTrue(labels.contains("ports"), "dev entry keys expected, got " + labels);
        for (JsonElement item : completion.getAsJsonObject().getAsJsonArray("items")) {
            JsonObject i = item.getAsJsonObject();
            assertTrue(!i.has("insertTextFormat") || i.get("insertTextFormat").getAsInt() == 1,
                    "no snippets for a client without snippet support: " + i);
        }

        JsonElement hover = c.result("textDocument/hover", at(uri, 7, 6));
        assertTrue(hover != null && hover.isJsonObject(), "hover on imageSelector: " + hover);
        String value = hover.getAsJsonObject().getAsJsonObject("contents").get("value").getAsString();
        assertTrue(value.toLowerCase(java.util.Locale.ROOT).contains("pod"), value);
    }

    @Test
    void codeActionOffersTheQuickFix() throws Exception {
        LspProcess c = start();
        Path root = project();
        initialize(c, root, FULL_CLIENT, null);
        String uri = root.resolve("devspace.yaml").toUri().toString();
        int before = c.notificationCount();
        open(c, uri, 1, DEVSPACE);
        JsonObject d = diagnostic(c.awaitDiagnostics(uri, before, p -> true).getAsJsonObject("params"),
                "devspace/unknown-key");

        JsonObject params = json("{\"textDocument\": {\"uri\": " + str(uri) + "}, \"range\": " + d.get("range")
                + ", \"context\": {\"diagnostics\": [" + d + "]}}");
        JsonArray actions = c.result("textDocument/codeAction", params).getAsJsonArray();
        JsonObject fix = null;
        for (JsonElement a : actions) {
            if (a.getAsJsonObject().get("title").getAsString().contains("images")) {
                fix = a.getAsJsonObject();
            }
        }
        assertNotNull(fix, "quick fix renaming to 'images' in " + actions);
        assertEquals("quickfix", fix.get("kind").getAsString());
        JsonObject edit = fix.getAsJsonObject("edit").getAsJsonArray("documentChanges").get(0).getAsJsonObject();
        assertEquals(uri, edit.getAsJsonObject("textDocument").get("uri").getAsString());
        assertEquals(1, edit.getAsJsonObject("textDocument").get("version").getAsInt());
        JsonObject te = edit.getAsJsonArray("edits").get(0).getAsJsonObject();
        assertEquals("images", te.get("newText").getAsString());
        assertEquals(d.get("range"), te.get("range"));
    }

    @Test
    void applyGeneratorCommandWritesFilesWithProgress() throws Exception {
        LspProcess c = start();
        Path root = project();
        Path gens = generators(tmp);
        initialize(c, root, FULL_CLIENT, "{\"mx\": {\"generatorPath\": [" + str(gens.toString()) + "]}}");
        String uri = root.resolve("devspace.yaml").toUri().toString();
        open(c, uri, 1, DEVSPACE);

        JsonObject params = json("{\"command\": \"mx.applyGenerator\", \"arguments\": [" + str(root.toString())
                + ", \"hello\"]}");
        JsonObject result = c.result("workspace/executeCommand", params).getAsJsonObject();
        assertTrue(result.get("applied").getAsBoolean(), result.toString());
        assertTrue(Files.readString(root.resolve("hello.yaml")).contains("greeting: \"hello from demo\""));
        assertEquals("notes\n", Files.readString(root.resolve("notes/readme.md")));
        assertTrue(Files.readString(root.resolve("devspace.yaml")).contains("  hello:\n    kubectl:"));
        assertTrue(Files.isRegularFile(root.resolve(".mx/state.yaml")));

        assertTrue(c.serverRequests().stream().anyMatch(m -> method(m, "window/workDoneProgress/create")),
                "progress token created");
        c.awaitNotification("progress end", m -> method(m, "$/progress")
                && m.getAsJsonObject("params").getAsJsonObject("value").get("kind").getAsString().equals("end"));
    }

    @Test
    void applyGeneratorResolvesToOneWorkspaceEdit() throws Exception {
        LspProcess c = start();
        Path root = project();
        Path gens = generators(tmp);
        initialize(c, root, FULL_CLIENT, "{\"mx\": {\"generatorPath\": [" + str(gens.toString()) + "]}}");
        String uri = root.resolve("devspace.yaml").toUri().toString();
        open(c, uri, 1, DEVSPACE);

        // in the deployments section
        JsonObject params = json("{\"textDocument\": {\"uri\": " + str(uri) + "}, \"range\": " + range(13, 4, 13, 4)
                + ", \"context\": {\"diagnostics\": [], \"only\": [\"source\"]}}");
        JsonArray actions = c.result("textDocument/codeAction", params).getAsJsonArray();
        JsonObject apply = null;
        for (JsonElement a : actions) {
            JsonObject o = a.getAsJsonObject();
            if (o.get("kind").getAsString().equals("source.mx.applyGenerator") && o.get("title").getAsString()
                    .startsWith("Apply generator hello:")) {
                apply = o;
            }
        }
        assertNotNull(apply, "an 'apply generator hello' action in " + actions);
        assertFalse(apply.has("edit"), "the edit is computed on resolve");

        JsonObject resolved = c.result("codeAction/resolve", apply).getAsJsonObject();
        JsonArray changes = resolved.getAsJsonObject("edit").getAsJsonArray("documentChanges");
        String hello = root.resolve("hello.yaml").toUri().toString();
        int create = -1;
        int insert = -1;
        boolean editsDevspace = false;
        for (int i = 0; i < changes.size(); i++) {
            JsonObject ch = changes.get(i).getAsJsonObject();
            if (ch.has("kind") && ch.get("kind").getAsString().equals("create") && ch.get("uri").getAsString()
                    .equals(hello)) {
                create = i;
            }
            if (ch.has("textDocument") && ch.getAsJsonObject("textDocument").get("uri").getAsString().equals(hello)) {
                insert = i;
                assertTrue(ch.getAsJsonArray("edits").get(0).getAsJsonObject().get("newText").getAsString()
                        .contains("greeting: \"hello from demo\""), ch.toString());
            }
            if (ch.has("textDocument") && ch.getAsJsonObject("textDocument").get("uri").getAsString().equals(uri)) {
                editsDevspace = true;
                assertEquals(1, ch.getAsJsonObject("textDocument").get("version").getAsInt(), "versioned: it is open");
            }
        }
        assertTrue(create >= 0 && insert > create, "CreateFile then its content: " + changes);
        assertTrue(editsDevspace, "the open devspace.yaml gets the new key: " + changes);
        assertFalse(Files.exists(root.resolve("hello.yaml")), "resolve writes nothing");
    }

    @Test
    void neovim07GetsPlainEditsAndACommandForFilesInNewFolders() throws Exception {
        LspProcess c = start();
        Path root = project();
        Path gens = generators(tmp);
        initialize(c, root, NVIM_CLIENT, "{\"mx\": {\"generatorPath\": [" + str(gens.toString()) + "]}}",
                "{\"name\": \"Neovim\", \"version\": \"0.7.2\"}");
        String uri = root.resolve("devspace.yaml").toUri().toString();
        int before = c.notificationCount();
        open(c, uri, 1, DEVSPACE);
        JsonObject d = diagnostic(c.awaitDiagnostics(uri, before, p -> true).getAsJsonObject("params"),
                "devspace/unknown-key");

        // no documentChanges capability: the quick fix uses the changes map
        JsonArray fixes = c.result("textDocument/codeAction", json("{\"textDocument\": {\"uri\": " + str(uri)
                + "}, \"range\": " + d.get("range") + ", \"context\": {\"diagnostics\": [" + d + "]}}")).getAsJsonArray();
        JsonObject fix = fixes.get(0).getAsJsonObject();
        assertEquals("images", fix.getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(uri).get(0)
                .getAsJsonObject().get("newText").getAsString(), fix.toString());

        JsonArray actions = c.result("textDocument/codeAction", json("{\"textDocument\": {\"uri\": " + str(uri)
                + "}, \"range\": " + range(13, 4, 13, 4) + ", \"context\": {\"diagnostics\": []}}")).getAsJsonArray();
        JsonObject flat = null;
        JsonObject nested = null;
        for (JsonElement a : actions) {
            String title = a.getAsJsonObject().get("title").getAsString();
            if (title.startsWith("Apply generator hello-flat:")) {
                flat = a.getAsJsonObject();
            } else if (title.startsWith("Apply generator hello:")) {
                nested = a.getAsJsonObject();
            }
        }
        assertNotNull(flat, actions.toString());
        assertNotNull(nested, actions.toString());
        JsonObject flatResolved = c.result("codeAction/resolve", flat).getAsJsonObject();
        assertTrue(flatResolved.getAsJsonObject("edit").has("documentChanges"), flatResolved.toString());
        // Neovim 0.7 cannot create notes/readme.md (it does not create folders): the server writes it
        JsonObject nestedResolved = c.result("codeAction/resolve", nested).getAsJsonObject();
        assertFalse(nestedResolved.has("edit"), nestedResolved.toString());
        assertEquals("mx.applyGenerator", nestedResolved.getAsJsonObject("command").get("command").getAsString());
    }

    @Test
    void symbolsLinksAndDefinition() throws Exception {
        LspProcess c = start();
        Path root = project();
        Files.createDirectories(root.resolve("k8s"));
        Path manifest = root.resolve("k8s/deploy.yaml");
        Files.writeString(manifest, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        initialize(c, root, FULL_CLIENT, null);
        String uri = root.resolve("devspace.yaml").toUri().toString();
        open(c, uri, 1, DEVSPACE);
        JsonObject doc = json("{\"textDocument\": {\"uri\": " + str(uri) + "}}");

        JsonArray symbols = c.result("textDocument/documentSymbol", doc).getAsJsonArray();
        JsonObject deployments = null;
        for (JsonElement e : symbols) {
            if (e.getAsJsonObject().get("name").getAsString().equals("deployments")) {
                deployments = e.getAsJsonObject();
            }
        }
        assertNotNull(deployments, symbols.toString());
        assertTrue(deployments.has("selectionRange") && deployments.has("children"), "hierarchical: " + deployments);
        assertEquals("app", deployments.getAsJsonArray("children").get(0).getAsJsonObject().get("name").getAsString());

        JsonArray links = c.result("textDocument/documentLink", doc).getAsJsonArray();
        assertTrue(links.toString().contains(manifest.toUri().toString()), links.toString());

        JsonArray definition = c.result("textDocument/definition", at(uri, 15, 12)).getAsJsonArray();
        assertEquals(manifest.toUri().toString(), definition.get(0).getAsJsonObject().get("uri").getAsString(),
                definition.toString());
    }

    @Test
    void settingsArePulledFromClientsThatAnswerConfiguration() throws Exception {
        LspProcess c = start();
        c.configuration = params -> JsonParser.parseString(
                "[{\"lint\": {\"rules\": {\"devspace/unknown-key\": \"hint\"}}}]");
        Path root = project();
        initialize(c, root, FULL_CLIENT.replace("\"executeCommand\": {}", "\"executeCommand\": {}, \"configuration\": true"),
                null);
        c.awaitServerRequest("workspace/configuration");
        String uri = root.resolve("devspace.yaml").toUri().toString();
        int before = c.notificationCount();
        open(c, uri, 1, DEVSPACE);
        JsonObject p = c.awaitDiagnostics(uri, before, x -> true).getAsJsonObject("params");
        assertEquals(4, diagnostic(p, "devspace/unknown-key").get("severity").getAsInt(), p.toString());
    }

    @Test
    void lintWorkspacePublishesForFilesThatAreNotOpen() throws Exception {
        LspProcess c = start();
        Path root = project();
        Path mlproject = root.resolve("train").resolve("MLproject");
        Files.createDirectories(mlproject.getParent());
        Files.writeString(mlproject, "name: train\nentry_points:\n  main:\n    command: python train.py {epochs}\n");
        initialize(c, root, FULL_CLIENT, null);
        int before = c.notificationCount();
        JsonObject result = c.result("workspace/executeCommand", json("{\"command\": \"mx.lintWorkspace\"}"))
                .getAsJsonObject();
        assertEquals(2, result.get("files").getAsInt(), result.toString());
        JsonObject p = c.awaitDiagnostics(mlproject.toUri().toString(), before, x -> true).getAsJsonObject("params");
        assertTrue(has(p, "mlproject/undeclared-placeholder"), p.toString());
        assertTrue(has(c.awaitDiagnostics(root.resolve("devspace.yaml").toUri().toString(), before, x -> true)
                .getAsJsonObject("params"), "devspace/unknown-key"));
    }

    @Test
    void generatorEditWaitsForUnsavedChanges() throws Exception {
        LspProcess c = start();
        Path root = project();
        Path gens = generators(tmp);
        initialize(c, root, FULL_CLIENT, "{\"mx\": {\"generatorPath\": [" + str(gens.toString()) + "]}}");
        String uri = root.resolve("devspace.yaml").toUri().toString();
        open(c, uri, 1, DEVSPACE);
        change(c, uri, 2, 2, 6, 2, 7, ""); // not saved
        JsonObject apply = null;
        for (JsonElement a : c.result("textDocument/codeAction", json("{\"textDocument\": {\"uri\": " + str(uri)
                + "}, \"range\": " + range(13, 4, 13, 4) + ", \"context\": {\"diagnostics\": []}}")).getAsJsonArray()) {
            if (a.getAsJsonObject().get("title").getAsString().startsWith("Apply generator hello-flat:")) {
                apply = a.getAsJsonObject();
            }
        }
        assertNotNull(apply);
        JsonObject answer = c.request("codeAction/resolve", apply);
        assertTrue(answer.has("error"), answer.toString());
        assertTrue(answer.getAsJsonObject("error").get("message").getAsString().contains("unsaved changes"),
                answer.toString());
        JsonObject command = c.request("workspace/executeCommand", json("{\"command\": \"mx.applyGenerator\", "
                + "\"arguments\": [" + str(root.toString()) + ", \"hello-flat\"]}"));
        assertTrue(command.has("error") && command.toString().contains("unsaved changes"), command.toString());
        assertFalse(Files.exists(root.resolve("hello-flat.yaml")));
    }

    @Test
    void requestsOnUnopenedDocumentsAreEmptyNotErrors() throws Exception {
        LspProcess c = start();
        Path root = project();
        initialize(c, root, FULL_CLIENT, null);
        String uri = root.resolve("devspace.yaml").toUri().toString(); // exists on disk, never opened
        JsonObject pos = at(uri, 0, 0);
        assertEquals(0, labels(c.result("textDocument/completion", pos)).size());
        assertTrue(c.result("textDocument/hover", pos).isJsonNull());
        assertTrue(c.result("textDocument/definition", pos).getAsJsonArray().isEmpty());
        JsonObject doc = json("{\"textDocument\": {\"uri\": " + str(uri) + "}}");
        assertTrue(c.result("textDocument/documentSymbol", doc).getAsJsonArray().isEmpty());
        assertTrue(c.result("textDocument/documentLink", doc).getAsJsonArray().isEmpty());
        doc.add("range", json(range(0, 0, 0, 0)));
        doc.add("context", json("{\"diagnostics\": []}"));
        assertTrue(c.result("textDocument/codeAction", doc).getAsJsonArray().isEmpty());
    }

    @Test
    void otherFilesGetNothing() throws Exception {
        LspProcess c = start();
        Path root = project();
        initialize(c, root, FULL_CLIENT, null);
        String other = root.resolve("values.yaml").toUri().toString();
        open(c, other, 1, "imagess: [\n");
        String uri = root.resolve("devspace.yaml").toUri().toString();
        int mark = c.notificationCount();
        open(c, uri, 1, DEVSPACE);
        c.awaitDiagnostics(uri, mark, p -> true);
        mark = c.notificationCount();
        c.notify("textDocument/didSave", json("{\"textDocument\": {\"uri\": " + str(other) + "}}"));
        c.awaitDiagnostics(uri, mark, p -> true); // a save re-validates the open documents: ours only
        assertTrue(c.notifications().stream().noneMatch(n -> n.toString().contains("values.yaml")));
        assertEquals(0, labels(c.result("textDocument/completion", at(other, 0, 0))).size());
    }

    @Test
    void cancelRequestIsTolerated() throws Exception {
        LspProcess c = start();
        Path root = project();
        initialize(c, root, FULL_CLIENT, null);
        String uri = root.resolve("devspace.yaml").toUri().toString();
        open(c, uri, 1, DEVSPACE);
        int id = c.nextId();
        CompletableFuture<JsonObject> r = c.requestAsync(id, "textDocument/documentSymbol",
                json("{\"textDocument\": {\"uri\": " + str(uri) + "}}"));
        c.notify("$/cancelRequest", json("{\"id\": " + id + "}"));
        c.notify("$/cancelRequest", json("{\"id\": 999999}")); // unknown id
        JsonObject answer = r.get(30, TimeUnit.SECONDS);
        assertTrue(answer.has("result") || answer.getAsJsonObject("error").get("code").getAsInt() == -32800,
                answer.toString());
        assertNotNull(c.result("textDocument/documentSymbol", json("{\"textDocument\": {\"uri\": " + str(uri) + "}}")));
    }

    @Test
    void survivesMalformedMessagesAndUnknownMethods() throws Exception {
        LspProcess c = start();
        Path root = project();
        initialize(c, root, FULL_CLIENT, null);
        c.send(JsonRpcFrames.frame("{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": \"textDocument/hover\", \"params\": {"));
        c.send(JsonRpcFrames.frame("this is not json"));
        c.send(JsonRpcFrames.frame("{\"jsonrpc\": \"2.0\", \"method\": \"textDocument/didOpen\", \"params\": {\"textDocument\": 7}}"));
        c.send(JsonRpcFrames.frame("{\"jsonrpc\": \"2.0\", \"method\": \"textDocument/didChange\", \"params\": "
                + "{\"textDocument\": {\"uri\": \"file:///nowhere/devspace.yaml\", \"version\": 3}, \"contentChanges\": []}}"));
        c.send("Content-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
        c.notify("custom/unknownNotification", new JsonObject());
        JsonObject unknown = c.request("custom/unknownRequest", new JsonObject());
        assertEquals(-32601, unknown.getAsJsonObject("error").get("code").getAsInt(), unknown.toString());

        // still working
        String uri = root.resolve("devspace.yaml").toUri().toString();
        int mark = c.notificationCount();
        open(c, uri, 1, DEVSPACE);
        assertTrue(has(c.awaitDiagnostics(uri, mark, p -> true).getAsJsonObject("params"), "devspace/unknown-key"));
        assertTrue(c.process.isAlive());
    }

    @Test
    void aFloodOfChangesEndsWithDiagnosticsOfTheLastText() throws Exception {
        LspProcess c = start();
        Path root = project();
        initialize(c, root, FULL_CLIENT, null);
        String uri = root.resolve("devspace.yaml").toUri().toString();
        open(c, uri, 1, DEVSPACE);
        // type a comment at the end, one character per change, then delete the typo in 'imagess'
        int version = 1;
        int line = DEVSPACE.split("\n", -1).length - 1;
        StringBuilder typed = new StringBuilder("# ");
        for (int i = 0; i < 2000; i++) {
            typed.append((char) ('a' + i % 26));
        }
        for (int i = 0; i < typed.length(); i++) {
            change(c, uri, ++version, line, i, line, i, String.valueOf(typed.charAt(i)));
        }
        change(c, uri, ++version, 2, 6, 2, 7, "");
        int last = version;
        long t0 = System.nanoTime();
        JsonObject p = c.awaitDiagnostics(uri, 0, x -> x.has("version") && x.get("version").getAsInt() == last)
                .getAsJsonObject("params");
        assertFalse(has(p, "devspace/unknown-key"), p.toString());
        assertTrue(has(p, "devspace/unknown-reference"), p.toString());
        long published = c.notifications().stream().filter(n -> method(n, "textDocument/publishDiagnostics")).count();
        assertTrue(published < 200, "debounced: " + published + " publications for " + last + " versions");
        System.out.printf("flood: %d changes, last diagnostics %.0f ms after the last change, %d publications%n",
                last - 1, (System.nanoTime() - t0) / 1e6, published);
    }

    @Test
    void exitsWhenTheClientProcessDies() throws Exception {
        Process fakeEditor = new ProcessBuilder("sleep", "300").start();
        try {
            LspProcess c = start();
            JsonObject params = json("{\"capabilities\": {}}");
            params.addProperty("processId", fakeEditor.pid());
            c.result("initialize", params);
            c.notify("initialized", new JsonObject());
            assertTrue(c.process.isAlive());
            fakeEditor.destroyForcibly().waitFor();
            long t0 = System.nanoTime();
            assertEquals(1, c.awaitExit(), "exit code when the client died without shutdown");
            System.out.printf("server exited %.0f ms after its client died%n", (System.nanoTime() - t0) / 1e6);
        } finally {
            fakeEditor.destroyForcibly();
        }
    }

    @Test
    void socketModeListensOnLoopbackOnly() throws Exception {
        LspProcess p = start("--socket", "0");
        int port = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Pattern listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
        while (port < 0 && System.nanoTime() < deadline) {
            Matcher m = listening.matcher(p.stderr());
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            } else {
                Thread.sleep(50);
            }
        }
        assertTrue(port > 0, "no port on stderr: " + p.stderr());
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(JsonRpcFrames.request(1, "initialize", JsonRpcFrames.initializeParams()));
            s.getOutputStream().flush();
            JsonObject init = JsonRpcFrames.read(s.getInputStream());
            assertEquals("mx", init.getAsJsonObject("result").getAsJsonObject("serverInfo").get("name").getAsString());
            s.getOutputStream().write(JsonRpcFrames.request(2, "shutdown", null));
            s.getOutputStream().write(JsonRpcFrames.notification("exit"));
            s.getOutputStream().flush();
            assertEquals(2, JsonRpcFrames.read(s.getInputStream()).get("id").getAsInt());
        }
        assertEquals(0, p.awaitExit());
    }
}
