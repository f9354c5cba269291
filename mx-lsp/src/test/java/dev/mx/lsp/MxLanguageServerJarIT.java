package dev.mx.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded {@code target/mx-lsp.jar} as a real subprocess (bound to failsafe, so it runs after
 * {@code package}) and talks JSON-RPC to it over its stdin/stdout, the way an editor does.
 */
class MxLanguageServerJarIT {

    private static final long TIMEOUT_SECONDS = 30;

    /** Everything the reader thread saw on stdout: frames, then END, or a failure. */
    private sealed interface Event permits Frame, End, Failure {
    }

    private record Frame(JsonObject message) implements Event {
    }

    private record End() implements Event {
    }

    private record Failure(Exception cause) implements Event {
    }

    private Process process;
    private OutputStream stdin;
    private final BlockingQueue<Event> stdout = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Thread stderrPump;

    @BeforeEach
    void start() throws IOException {
        Path jar = Paths.get(System.getProperty("mx.lsp.jar", "target/mx-lsp.jar"));
        assertTrue(Files.isRegularFile(jar), "shaded jar not built: " + jar);
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(java.toString(), "-jar", jar.toString()).start();
        stdin = process.getOutputStream();

        InputStream out = process.getInputStream();
        Thread reader = new Thread(() -> {
            try {
                JsonObject message;
                while ((message = JsonRpcFrames.read(out)) != null) {
                    stdout.add(new Frame(message));
                }
                stdout.add(new End());
            } catch (IOException | RuntimeException e) {
                stdout.add(new Failure(e));
            }
        }, "it-stdout");
        reader.setDaemon(true);
        reader.start();

        InputStream err = process.getErrorStream();
        stderrPump = new Thread(() -> {
            try {
                err.transferTo(stderrSink());
            } catch (IOException ignored) {
                // process gone
            }
        }, "it-stderr");
        stderrPump.setDaemon(true);
        stderrPump.start();
    }

    private OutputStream stderrSink() {
        return new OutputStream() {
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
        };
    }

    private String stderrText() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void send(byte[] frame) throws IOException {
        stdin.write(frame);
        stdin.flush();
    }

    private JsonObject nextMessage() throws InterruptedException {
        Event e = stdout.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (e == null) {
            fail("no message from the server within " + TIMEOUT_SECONDS + " s; stderr:\n" + stderrText());
        }
        if (e instanceof Failure error) {
            fail("stdout is not pure JSON-RPC: " + error.cause().getMessage() + "\nstderr:\n" + stderrText());
        }
        if (e instanceof End) {
            fail("server closed stdout early; stderr:\n" + stderrText());
        }
        return ((Frame) e).message();
    }

    private void assertStdoutEndsCleanly() throws InterruptedException {
        Event e = stdout.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (e instanceof Failure error) {
            fail("stdout is not pure JSON-RPC: " + error.cause().getMessage() + "\nstderr:\n" + stderrText());
        }
        if (e instanceof Frame frame) {
            fail("unexpected message after shutdown: " + frame.message());
        }
        assertNotNull(e, "stdout did not close");
    }

    private int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            fail("server still running " + TIMEOUT_SECONDS + " s later; stderr:\n" + stderrText());
        }
        stderrPump.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    @Test
    void lifecycleOverStdio() throws Exception {
        send(JsonRpcFrames.request(1, "initialize", JsonRpcFrames.initializeParams()));
        JsonObject init = nextMessage();
        assertEquals(1, init.get("id").getAsInt(), init.toString());
        JsonObject serverInfo = init.getAsJsonObject("result").getAsJsonObject("serverInfo");
        assertEquals("mx", serverInfo.get("name").getAsString());
        String expectedVersion = System.getProperty("mx.version");
        if (expectedVersion != null) {
            assertEquals(expectedVersion, serverInfo.get("version").getAsString(), "version from the jar manifest");
        }

        send(JsonRpcFrames.notification("initialized"));
        send(JsonRpcFrames.request(2, "shutdown", null));
        JsonObject shutdown = nextMessage();
        assertEquals(2, shutdown.get("id").getAsInt(), shutdown.toString());
        assertTrue(shutdown.has("result") && !shutdown.has("error"), shutdown.toString());

        send(JsonRpcFrames.notification("exit"));
        assertEquals(0, awaitExit(), "exit code after shutdown+exit; stderr:\n" + stderrText());
        assertStdoutEndsCleanly();
    }

    @Test
    void exitsWithOneWhenStdinClosesWithoutShutdown() throws Exception {
        send(JsonRpcFrames.request(1, "initialize", JsonRpcFrames.initializeParams()));
        assertEquals(1, nextMessage().get("id").getAsInt());
        stdin.close();
        assertEquals(1, awaitExit(), "exit code when the client goes away; stderr:\n" + stderrText());
        assertStdoutEndsCleanly();
    }
}
