package dev.mx.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** The server's lifecycle in-process, over byte streams. The shaded jar is covered by the ITs. */
class MxLanguageServerLauncherTest {

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }

    private static int serve(byte[] input, ByteArrayOutputStream out) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> MxLanguageServerLauncher.run(new ByteArrayInputStream(input), out));
    }

    @Test
    void initializeShutdownExitAnswersAndExitsZero() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = serve(concat(
                JsonRpcFrames.request(1, "initialize", JsonRpcFrames.initializeParams()),
                JsonRpcFrames.notification("initialized"),
                JsonRpcFrames.request(2, "shutdown", null),
                JsonRpcFrames.notification("exit")), out);

        assertEquals(0, code);
        InputStream replies = new ByteArrayInputStream(out.toByteArray());
        JsonObject init = JsonRpcFrames.read(replies);
        assertEquals(1, init.get("id").getAsInt());
        JsonObject result = init.getAsJsonObject("result");
        assertEquals("mx", result.getAsJsonObject("serverInfo").get("name").getAsString());
        assertTrue(result.getAsJsonObject("serverInfo").has("version"));
        JsonObject caps = result.getAsJsonObject("capabilities");
        assertEquals(2, caps.getAsJsonObject("textDocumentSync").get("change").getAsInt(), "incremental sync");
        assertTrue(caps.get("codeActionProvider").isJsonPrimitive(),
                "a client without code action literals gets no resolve options");

        JsonObject shutdown = JsonRpcFrames.read(replies);
        assertEquals(2, shutdown.get("id").getAsInt());
        assertTrue(shutdown.has("result"));
        assertNull(JsonRpcFrames.read(replies), "nothing after the shutdown reply");
    }

    @Test
    void exitWithoutShutdownExitsOne() {
        int code = serve(concat(
                JsonRpcFrames.request(1, "initialize", JsonRpcFrames.initializeParams()),
                JsonRpcFrames.notification("exit")), new ByteArrayOutputStream());
        assertEquals(1, code);
    }

    @Test
    void endOfInputWithoutShutdownExitsOne() {
        int code = serve(JsonRpcFrames.request(1, "initialize", JsonRpcFrames.initializeParams()),
                new ByteArrayOutputStream());
        assertEquals(1, code);
    }

    @Test
    void endOfInputAfterShutdownExitsZero() {
        int code = serve(concat(
                JsonRpcFrames.request(1, "initialize", JsonRpcFrames.initializeParams()),
                JsonRpcFrames.request(2, "shutdown", null)), new ByteArrayOutputStream());
        assertEquals(0, code);
    }

    /** Socket mode binds the loopback address only: not the wildcard address, not a network interface. */
    @Test
    void socketModeBindsLoopbackOnly() throws Exception {
        try (java.net.ServerSocket listener = MxLanguageServerLauncher.listen(0)) {
            java.net.InetAddress bound = listener.getInetAddress();
            assertTrue(bound.isLoopbackAddress(), "bound to " + bound);
            assertEquals("127.0.0.1", bound.getHostAddress());
            assertTrue(!bound.isAnyLocalAddress(), "bound to all interfaces");
            int port = listener.getLocalPort();
            // from any non-loopback address of this machine the port is closed
            for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || !(a instanceof java.net.Inet4Address)) {
                        continue;
                    }
                    try (java.net.Socket s = new java.net.Socket()) {
                        s.connect(new java.net.InetSocketAddress(a, port), 2000);
                        throw new AssertionError("reached the language server through " + a);
                    } catch (IOException expected) {
                        // refused: not listening there
                    }
                }
            }
        }
    }

    /** Nothing in the language server starts a program or asks the engine to run post-apply commands. */
    @Test
    void theServerExecutesNothing() throws IOException {
        java.nio.file.Path main = java.nio.file.Path.of("src/main/java");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(main), "sources not beside the tests");
        try (var files = java.nio.file.Files.walk(main)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = java.nio.file.Files.readString(f);
                for (String banned : new String[] {"ProcessBuilder", ".exec(", "PostApplyPolicy", "runPostApply",
                    "PostApplyRunner"}) {
                    assertTrue(!text.contains(banned), f + " uses " + banned);
                }
            }
        }
    }
}
