package dev.mx.lsp;

import static dev.mx.lsp.LspProcess.json;
import static dev.mx.lsp.LspProcess.str;
import static dev.mx.lsp.MxLanguageServerProtocolIT.FULL_CLIENT;
import static dev.mx.lsp.MxLanguageServerProtocolIT.at;
import static dev.mx.lsp.MxLanguageServerProtocolIT.change;
import static dev.mx.lsp.MxLanguageServerProtocolIT.initialize;
import static dev.mx.lsp.MxLanguageServerProtocolIT.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input matrix as an editor sends it, to the real jar with a small heap: every hostile
 * text opened as devspace.yaml, MLproject and .mx/state.yaml gets diagnostics inside the document
 * (or none), and the server stays alive and answers the next request; broken framing and JSON,
 * stale versions, and a client that goes away mid-message neither crash nor hang it.
 */
class MxLanguageServerHostileIT {
    /** The heap of the server in these tests; the 250,000-line document must fit. */
    static final List<String> SMALL_HEAP = List.of("-Xmx256m", "-XX:+UseSerialGC");

    @TempDir
    Path tmp;

    private final List<LspProcess> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(LspProcess::close);
    }

    private LspProcess start() throws IOException {
        LspProcess p = LspProcess.start(tmp.resolve("lsp.log"), SMALL_HEAP);
        servers.add(p);
        return p;
    }

    /** Hostile texts by name; the editor has already decoded the bytes, so "binary" is what it shows. */
    static Map<String, String> texts() {
        Map<String, String> t = new LinkedHashMap<>();
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append('a').append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        t.put("alias bomb", bomb.toString());
        t.put("nesting 20,000 deep (flow)", "x: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        t.put("nesting 20,000 deep (block)", "x:\n" + "- ".repeat(20_000) + "end\n");
        StringBuilder binary = new StringBuilder();
        for (int i = 0; i < 4096; i++) {
            binary.append((char) ((i * 31 + 7) % 256));
        }
        t.put("binary", binary.toString());
        t.put("invalid UTF-8 as the editor shows it", "version: v2beta1\nname: \uFFFD\uFFFD(\n");
        t.put("lone surrogates", "version: v2beta1\nname: \uD800x\uDC00\n");
        t.put("byte order mark", "\uFEFFversion: v2beta1\nname: demo\n");
        t.put("CRLF line endings", "version: v2beta1\r\nname: demo\r\nimages:\r\n  app:\r\n    image: demo/app\r\n");
        t.put("duplicate keys", "version: v2beta1\nname: a\nname: b\n");
        t.put("tab indentation", "version: v2beta1\nimages:\n\tapp:\n\t\timage: x\n");
        t.put("two documents", "version: v2beta1\nname: a\n---\nname: b\n");
        t.put("empty", "");
        t.put("a state file from a newer mx", "format_version: 99\n");
        t.put("edited into nonsense", "format_version: [1\ngenerators: {x: - y\n\t- ]]\n");
        t.put("a long line (5 MB)", "version: v2beta1\nname: " + "x".repeat(5_000_000) + "\n");
        return t; // 250,000 lines: one server per kind, in aQuarterMillionLineDocument...

    }

    static String quarterMillionLines() {
        StringBuilder sb = new StringBuilder(8_000_000).append("version: v2beta1\nname: big\ndeployments:\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append("  app-").append(i).append(":\n    helm:\n      chart:\n        name: ./chart\n")
                    .append("      values: {replicas: 1}\n");
        }
        return sb.toString();
    }

    @Test
    void everyHostileTextGetsDiagnosticsAndTheServerAnswersNext() throws Exception {
        Path root = tmp.resolve("p");
        Files.createDirectories(root.resolve(".mx"));
        LspProcess c = start();
        initialize(c, root, FULL_CLIENT, null);
        List<String> report = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> t : texts().entrySet()) {
            for (String file : List.of("devspace.yaml", "MLproject", ".mx/state.yaml")) {
                // a folder per case so that each is a new document of the right kind
                Path dir = root.resolve("case-" + n++);
                String uri = dir.resolve(file).toUri().toString();
                int mark = c.notificationCount();
                long t0 = System.nanoTime();
                open(c, uri, 1, t.getValue());
                JsonObject published = c.awaitDiagnostics(uri, mark, p -> true).getAsJsonObject("params");
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertInside(published.getAsJsonArray("diagnostics"), t.getValue(), t.getKey() + " as " + file);
                // and the next request is answered
                try {
                    JsonElement symbols = c.result("textDocument/documentSymbol",
                            json("{\"textDocument\": {\"uri\": " + str(uri) + "}}"));
                    assertTrue(symbols.isJsonArray(), t.getKey());
                    c.result("textDocument/hover", at(uri, 1, 3));
                    c.result("textDocument/completion", at(uri, 1, 0));
                } catch (AssertionError e) {
                    throw new AssertionError(t.getKey() + " as " + file + ": " + e.getMessage().substring(0,
                            Math.min(300, e.getMessage().length())), e);
                }
                c.notify("textDocument/didClose", json("{\"textDocument\": {\"uri\": " + str(uri) + "}}"));
                report.add(String.format("  %-14s %-38s %3d diagnostics in %5d ms", file, t.getKey(),
                        published.getAsJsonArray("diagnostics").size(), ms));
            }
        }
        System.out.println("hostile texts through the language server (" + SMALL_HEAP + "):");
        report.forEach(System.out::println);
        assertTrue(c.process.isAlive(), c.stderr());
        assertEquals("", c.stderr().replaceAll("(?m)^mx lsp:.*\\R?", ""), "nothing on stderr");
        c.assertStdoutClean();
        c.result("shutdown", null);
        c.notify("exit", null);
        assertEquals(0, c.awaitExit());
    }

    private static void assertInside(JsonArray diagnostics, String text, String what) {
        int lines = text.split("\r\n|\r|\n", -1).length;
        for (JsonElement d : diagnostics) {
            JsonObject r = d.getAsJsonObject().getAsJsonObject("range");
            int start = r.getAsJsonObject("start").get("line").getAsInt();
            int end = r.getAsJsonObject("end").get("line").getAsInt();
            assertTrue(start >= 0 && start <= end && end < lines, () -> what + ": " + d);
            assertFalse(d.getAsJsonObject().get("code").getAsString().equals("mx/rule-crashed"), () -> what + ": " + d);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"MLproject", ".mx/state.yaml"})
    void aQuarterMillionLineDocumentOfAnotherKindFitsTheSmallHeap(String file) throws Exception {
        Path root = tmp.resolve("big");
        Files.createDirectories(root.resolve(".mx"));
        LspProcess c = start();
        initialize(c, root, FULL_CLIENT, null);
        String uri = root.resolve(file).toUri().toString();
        long t0 = System.nanoTime();
        open(c, uri, 1, quarterMillionLines());
        JsonObject p = c.awaitDiagnostics(uri, 0, x -> true).getAsJsonObject("params");
        assertFalse(p.getAsJsonArray("diagnostics").isEmpty(), file);
        assertTrue(c.result("textDocument/documentSymbol", json("{\"textDocument\": {\"uri\": " + str(uri) + "}}"))
                .isJsonArray());
        assertTrue(c.result("textDocument/completion", at(uri, 3, 2)).isJsonObject());
        System.out.printf("250,000 lines as %s with %s: first diagnostics %d ms%n", file, SMALL_HEAP,
                (System.nanoTime() - t0) / 1_000_000);
        assertTrue(c.process.isAlive());
        assertFalse(c.stderr().contains("OutOfMemoryError"), c.stderr());
    }

    @Test
    void aQuarterMillionLineDocumentIsEditedWithinTheSmallHeap() throws Exception {
        Path root = tmp.resolve("big");
        Files.createDirectories(root.resolve(".mx"));
        LspProcess c = start();
        initialize(c, root, FULL_CLIENT, null);
        String uri = root.resolve("devspace.yaml").toUri().toString();
        String text = quarterMillionLines();
        long t0 = System.nanoTime();
        open(c, uri, 1, text);
        c.awaitDiagnostics(uri, 0, p -> p.get("version").getAsInt() == 1);
        long first = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(c.result("textDocument/documentSymbol", json("{\"textDocument\": {\"uri\": " + str(uri) + "}}"))
                .getAsJsonArray().size() > 0);
        // ten edits at the end: a typo in a key, then its fix
        int line = 250_002;
        for (int v = 2; v <= 11; v++) {
            change(c, uri, v, line, 0, line, 0, v % 2 == 0 ? "# " : "");
        }
        change(c, uri, 12, 2, 0, 2, 11, "deploymentz");
        JsonObject last = c.awaitDiagnostics(uri, 0, p -> p.get("version").getAsInt() == 12).getAsJsonObject("params");
        assertTrue(last.toString().contains("devspace/unknown-key"), () -> last.toString().substring(0, 500));
        assertTrue(c.result("textDocument/completion", at(uri, 3, 2)).isJsonObject());
        System.out.printf("250,000 lines with %s: first diagnostics %d ms, %d ms more for 11 edits%n", SMALL_HEAP, first,
                (System.nanoTime() - t0) / 1_000_000 - first);
        assertTrue(c.process.isAlive());
        assertFalse(c.stderr().contains("OutOfMemoryError"), c.stderr());
    }

    @Test
    void staleAndOutOfOrderVersionsAreIgnored() throws Exception {
        Path root = tmp.resolve("v");
        Files.createDirectories(root.resolve(".mx"));
        LspProcess c = start();
        initialize(c, root, FULL_CLIENT, null);
        String uri = root.resolve("devspace.yaml").toUri().toString();
        open(c, uri, 5, "version: v2beta1\nname: demo\n");
        c.awaitDiagnostics(uri, 0, p -> p.get("version").getAsInt() == 5);
        change(c, uri, 3, 1, 0, 1, 4, "nme"); // older than ours: ignored
        change(c, uri, 7, 1, 0, 1, 4, "nam"); // v7: an unknown key
        change(c, uri, 6, 1, 0, 1, 3, "name"); // late: ignored
        change(c, uri, 7, 1, 0, 1, 3, "name"); // repeated: ignored
        JsonObject p = c.awaitDiagnostics(uri, 0, x -> x.get("version").getAsInt() == 7).getAsJsonObject("params");
        assertTrue(p.toString().contains("devspace/unknown-key"), p::toString);
        // a change for a document that was never opened, or is closed, changes nothing
        String other = root.resolve("MLproject").toUri().toString();
        change(c, other, 2, 0, 0, 0, 0, "x");
        c.notify("textDocument/didClose", json("{\"textDocument\": {\"uri\": " + str(other) + "}}"));
        c.notify("textDocument/didClose", json("{\"textDocument\": {\"uri\": " + str(uri) + "}}"));
        change(c, uri, 9, 0, 0, 0, 0, "x");
        assertTrue(c.result("textDocument/documentSymbol", json("{\"textDocument\": {\"uri\": " + str(uri) + "}}"))
                .getAsJsonArray().isEmpty());
        assertTrue(c.process.isAlive());
    }

    @Test
    void brokenFramesAndJsonAreSurvived() throws Exception {
        Path root = tmp.resolve("f");
        Files.createDirectories(root.resolve(".mx"));
        LspProcess c = start();
        initialize(c, root, FULL_CLIENT, null);
        String[] bodies = {
            "[]", "[{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"textDocument/hover\"}]", "null", "42", "\"text\"",
            "{\"jsonrpc\": \"2.0\", \"id\": {\"nested\": true}, \"method\": \"textDocument/hover\"}",
            "{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\": \"textDocument/hover\", \"params\": \"not an object\"}",
            "{\"jsonrpc\": \"2.0\", \"id\": 78, \"method\": \"textDocument/completion\", \"params\": {\"textDocument\": "
                    + "{\"uri\": \"::not a uri::\"}, \"position\": {\"line\": -5, \"character\": 99999999}}}",
            "{\"jsonrpc\": \"2.0\", \"method\": \"textDocument/didOpen\", \"params\": {\"textDocument\": {\"uri\": "
                    + "\"file:///nowhere/devspace.yaml\", \"version\": \"one\", \"text\": 5}}}",
            "{\"jsonrpc\": \"2.0\", \"method\": \"textDocument/didChange\", \"params\": {\"textDocument\": {\"uri\": "
                    + "\"file:///nowhere/devspace.yaml\"}, \"contentChanges\": [{\"range\": {\"start\": {\"line\": 9}},"
                    + " \"text\": null}]}}",
            "{\"jsonrpc\": \"2.0\", \"id\": 79, \"method\": \"workspace/executeCommand\", \"params\": {\"command\": "
                    + "\"mx.applyGenerator\", \"arguments\": [[], {}]}}",
            "{\"jsonrpc\": \"1.0\", \"id\": 80}", "{\"jsonrpc\": \"2.0\", \"id\": 81, \"method\": \"\"}",
            "{\"a\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}",
        };
        for (String b : bodies) {
            c.send(JsonRpcFrames.frame(b));
        }
        c.send("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}"
                .getBytes(StandardCharsets.US_ASCII));
        c.send("X-Unknown: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)); // a header without Content-Length
        c.send("Content-Length: abc\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        c.send("Content-Length: -5\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        // still answering
        for (int i = 0; i < 3; i++) {
            JsonObject r = c.request("textDocument/hover", at(root.resolve("devspace.yaml").toUri().toString(), 0, 0));
            assertTrue(r.has("result") || r.has("error"), r::toString);
        }
        assertTrue(c.process.isAlive(), c.stderr());
        c.assertStdoutClean();
    }

    @Test
    void aClientThatGoesAwayMidMessageEndsTheServer() throws Exception {
        Path root = tmp.resolve("g");
        Files.createDirectories(root.resolve(".mx"));
        LspProcess c = start();
        initialize(c, root, FULL_CLIENT, null);
        open(c, root.resolve("devspace.yaml").toUri().toString(), 1, quarterMillionLines()); // work in flight
        c.send("Content-Length: 500\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 9, \"meth".getBytes(StandardCharsets.US_ASCII));
        c.closeStdin();
        assertEquals(1, c.awaitExit(), "no shutdown before the client left");
    }
}
