package dev.mx.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * A minimal LSP client for the integration tests: starts the shaded {@code target/mx-lsp.jar} as
 * a subprocess and talks JSON-RPC over its stdin/stdout with strict framing (anything on stdout
 * that is not a frame fails the test). It answers the server's own requests
 * ({@code client/registerCapability}, {@code window/workDoneProgress/create},
 * {@code workspace/configuration}) and records every notification.
 */
final class LspProcess implements AutoCloseable {
    static final long TIMEOUT_SECONDS = 30;

    final Process process;
    private final OutputStream stdin;
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final List<JsonObject> notifications = new ArrayList<>();
    private final List<JsonObject> serverRequests = new ArrayList<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private volatile Throwable readFailure;
    private volatile boolean stdoutClosed;
    /** How the client answers workspace/configuration: items in, result array out. */
    volatile Function<JsonObject, JsonElement> configuration = params -> JsonNull.INSTANCE;

    private LspProcess(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(this::readLoop, "it-stdout");
        reader.setDaemon(true);
        reader.start();
        Thread err = new Thread(() -> {
            try {
                process.getErrorStream().transferTo(new OutputStream() {
                    @Override
                    public void write(int b) {
                        synchronized (stderr) {
                            stderr.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        synchronized (stderr) {
                            stderr.write(b, off, len);
                        }
                    }
                });
            } catch (IOException ignored) {
                // process gone
            }
        }, "it-stderr");
        err.setDaemon(true);
        err.start();
    }

    static Path jar() {
        Path jar = Paths.get(System.getProperty("mx.lsp.jar", "target/mx-lsp.jar"));
        assertTrue(Files.isRegularFile(jar), "shaded jar not built: " + jar);
        return jar;
    }

    static LspProcess start(Path logFile, String... args) throws IOException {
        return start(logFile, List.of(), args);
    }

    /** Starts the server with JVM options (a small heap) before {@code -jar}. */
    static LspProcess start(Path logFile, List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar().toString(), "--log-file", logFile.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        return new LspProcess(pb.start());
    }

    private void readLoop() {
        InputStream out = process.getInputStream();
        try {
            JsonObject m;
            while ((m = JsonRpcFrames.read(out)) != null) {
                dispatch(m);
            }
        } catch (IOException | RuntimeException e) {
            readFailure = e;
        } finally {
            stdoutClosed = true;
            pending.values().forEach(f -> f.completeExceptionally(new IOException("stdout closed")));
            synchronized (notifications) {
                notifications.notifyAll();
            }
        }
    }

    private void dispatch(JsonObject m) throws IOException {
        boolean hasId = m.has("id") && !m.get("id").isJsonNull();
        if (m.has("method") && hasId) {
            synchronized (notifications) {
                serverRequests.add(m);
                notifications.notifyAll();
            }
            String method = m.get("method").getAsString();
            JsonElement result = method.equals("workspace/configuration")
                    ? configuration.apply(m.getAsJsonObject("params")) : JsonNull.INSTANCE;
            JsonObject reply = new JsonObject();
            reply.addProperty("jsonrpc", "2.0");
            reply.add("id", m.get("id"));
            reply.add("result", result);
            send(JsonRpcFrames.frame(reply.toString()));
        } else if (m.has("method")) {
            synchronized (notifications) {
                notifications.add(m);
                notifications.notifyAll();
            }
        } else if (hasId && m.get("id").isJsonPrimitive() && m.get("id").getAsJsonPrimitive().isNumber()) {
            CompletableFuture<JsonObject> f = pending.remove(m.get("id").getAsInt());
            if (f != null) {
                f.complete(m);
            }
        } else {
            synchronized (notifications) {
                notifications.add(m); // an error response without id (a parse error)
                notifications.notifyAll();
            }
        }
    }

    synchronized void send(byte[] bytes) throws IOException {
        stdin.write(bytes);
        stdin.flush();
    }

    int nextId() {
        return ids.incrementAndGet();
    }

    /** Sends a request and returns its future response (the whole message: result or error). */
    CompletableFuture<JsonObject> requestAsync(int id, String method, JsonElement params) throws IOException {
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        pending.put(id, f);
        JsonObject m = new JsonObject();
        m.addProperty("jsonrpc", "2.0");
        m.addProperty("id", id);
        m.addProperty("method", method);
        if (params != null) {
            m.add("params", params);
        }
        send(JsonRpcFrames.frame(m.toString()));
        return f;
    }

    /** Sends a request and waits for its response message. */
    JsonObject request(String method, JsonElement params) throws Exception {
        CompletableFuture<JsonObject> f = requestAsync(nextId(), method, params);
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer to " + method + " within " + TIMEOUT_SECONDS + " s; stderr:\n"
                    + stderr());
        }
    }

    /** Sends a request and returns its result, failing on an error response. */
    JsonElement result(String method, JsonElement params) throws Exception {
        JsonObject r = request(method, params);
        if (r.has("error")) {
            fail(method + " answered an error: " + r.get("error"));
        }
        return r.get("result");
    }

    void notify(String method, JsonElement params) throws IOException {
        JsonObject m = new JsonObject();
        m.addProperty("jsonrpc", "2.0");
        m.addProperty("method", method);
        if (params != null) {
            m.add("params", params);
        }
        send(JsonRpcFrames.frame(m.toString()));
    }

    /** Waits for a notification matching {@code p} (seen before or after this call). */
    JsonObject awaitNotification(String what, Predicate<JsonObject> p) throws InterruptedException {
        return awaitNotificationAfter(what, 0, p);
    }

    /** Waits for the first diagnostics of {@code uri}, among the notifications from index {@code after} on, that satisfy {@code p}. */
    JsonObject awaitDiagnostics(String uri, int after, Predicate<JsonObject> p) throws InterruptedException {
        return awaitNotificationAfter("diagnostics for " + uri, after, n -> method(n, "textDocument/publishDiagnostics")
                && n.getAsJsonObject("params").get("uri").getAsString().equals(uri) && p.test(n.getAsJsonObject("params")));
    }

    JsonObject awaitNotificationAfter(String what, int after, Predicate<JsonObject> p) throws InterruptedException {
        return await(what, () -> notifications.subList(Math.min(after, notifications.size()), notifications.size()), p);
    }

    /** Waits for a request from the server (answered already by this client). */
    JsonObject awaitServerRequest(String method) throws InterruptedException {
        return await(method + " request", () -> serverRequests, r -> method(r, method));
    }

    /** Waits until {@code messages} (read under the lock) holds one matching {@code p}. */
    private JsonObject await(String what, java.util.function.Supplier<List<JsonObject>> messages,
            Predicate<JsonObject> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        synchronized (notifications) {
            while (true) {
                for (JsonObject m : messages.get()) {
                    if (p.test(m)) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || stdoutClosed) {
                    fail("no " + what + " within " + TIMEOUT_SECONDS + " s" + failureText() + "\nseen: "
                            + messages.get() + "\nstderr:\n" + stderr());
                }
                notifications.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    int notificationCount() {
        synchronized (notifications) {
            return notifications.size();
        }
    }

    List<JsonObject> notifications() {
        synchronized (notifications) {
            return List.copyOf(notifications);
        }
    }

    List<JsonObject> serverRequests() {
        synchronized (notifications) {
            return List.copyOf(serverRequests);
        }
    }

    static boolean method(JsonObject m, String method) {
        return m.has("method") && m.get("method").getAsString().equals(method);
    }

    private String failureText() {
        Throwable t = readFailure;
        return t == null ? (stdoutClosed ? " (stdout closed)" : "") : " (stdout is not pure JSON-RPC: " + t.getMessage() + ")";
    }

    /** Fails when stdout held anything but frames. */
    void assertStdoutClean() {
        Throwable t = readFailure;
        if (t != null) {
            fail("stdout is not pure JSON-RPC: " + t.getMessage() + "\nstderr:\n" + stderr());
        }
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    void closeStdin() throws IOException {
        stdin.close();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            fail("server still running " + TIMEOUT_SECONDS + " s later; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    // ---- JSON helpers ---------------------------------------------------------------------

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    static String str(String s) {
        return new JsonPrimitive(s).toString();
    }
}
