package dev.mx.lsp;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Entry point of the mx language server: {@code java -jar mx-lsp.jar [--socket PORT] [--log-file FILE]}
 * (or {@code mx lsp}, which runs the same code in the CLI's process).
 *
 * <ul>
 *   <li>stdio (default): stdout carries JSON-RPC frames and nothing else; {@link System#out} is
 *       redirected to stderr before the server starts, so stray prints cannot corrupt the channel;</li>
 *   <li>{@code --socket PORT}: listens on 127.0.0.1 only, serves the first client that connects,
 *       and exits when it disconnects ({@code 0} picks a free port; the port is printed on stderr);</li>
 *   <li>exit code 0 after {@code shutdown} then {@code exit} (or end of input after {@code shutdown}),
 *       1 when {@code exit} or end of input comes without a prior {@code shutdown}, or when the
 *       client process named in {@code initialize} dies; 2 for bad arguments.</li>
 * </ul>
 * The log goes to a file (see {@link ServerLog}) and to the client's {@code window/logMessage}.
 */
public final class MxLanguageServerLauncher {

    private MxLanguageServerLauncher() {
    }

    public static void main(String[] args) {
        Integer port = null;
        Path logFile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--socket", "--port" -> {
                    port = parsePort(value);
                    if (port == null) {
                        System.err.println("mx-lsp: --socket takes a port number (0 picks a free one)");
                        System.exit(2);
                    }
                    i++;
                }
                case "--log-file" -> {
                    if (value == null) {
                        System.err.println("mx-lsp: --log-file takes a file name");
                        System.exit(2);
                    }
                    logFile = Path.of(value);
                    i++;
                }
                case "--stdio" -> { }
                default -> {
                    System.err.println("mx-lsp: unknown argument " + a
                            + "\nusage: java -jar mx-lsp.jar [--socket PORT] [--log-file FILE]");
                    System.exit(2);
                }
            }
        }
        System.exit(port != null ? runOnSocket(port, logFile) : runOnStdio(logFile));
    }

    static Integer parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            return p >= 0 && p <= 65535 ? p : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    /**
     * Serves LSP on this process's stdin/stdout and returns the exit code. Also used in-process by
     * {@code mx lsp}.
     */
    public static int runOnStdio() {
        return runOnStdio(null);
    }

    /** As {@link #runOnStdio()}, logging to {@code logFile} (null: the default place). */
    public static int runOnStdio(Path logFile) {
        System.out.flush();
        OutputStream rpcOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        ServerLog log = ServerLog.open(logFile);
        log.captureJavaUtilLogging();
        return run(System.in, rpcOut, log);
    }

    /**
     * Listens on 127.0.0.1:{@code port}, serves one client, and returns the exit code (2 when the
     * port cannot be bound).
     */
    public static int runOnSocket(int port, Path logFile) {
        System.out.flush();
        System.setOut(System.err);
        ServerLog log = ServerLog.open(logFile);
        log.captureJavaUtilLogging();
        Socket socket;
        try (ServerSocket listener = listen(port)) {
            System.err.println("mx lsp: listening on 127.0.0.1:" + listener.getLocalPort());
            log.info("listening on 127.0.0.1:" + listener.getLocalPort());
            socket = listener.accept(); // one client per server: stop listening once it is here
        } catch (IOException e) {
            System.err.println("mx lsp: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            log.error("cannot listen on 127.0.0.1:" + port, e);
            return 2;
        }
        try (Socket s = socket) {
            return run(s.getInputStream(), s.getOutputStream(), log);
        } catch (IOException e) {
            log.error("connection failed", e);
            return 1;
        }
    }

    /**
     * The socket mode's listener: bound to the loopback address 127.0.0.1 only, never to all
     * interfaces, so nothing on the network can reach the server; a backlog of one.
     */
    static ServerSocket listen(int port) throws IOException {
        return new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"));
    }

    /**
     * Serves LSP on the given streams until {@code exit}, end of input or the client's death, and
     * returns the exit code. Does not touch {@link System#out} and does not call {@link System#exit}.
     */
    public static int run(InputStream in, OutputStream out) {
        return run(in, out, ServerLog.discard());
    }

    static int run(InputStream in, OutputStream out, ServerLog log) {
        ExecutorService reader = Executors.newCachedThreadPool(MxLanguageServer.daemonThreads("mx-lsp-reader"));
        MxLanguageServer server = new MxLanguageServer(log);
        try {
            Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                    .setLocalService(server)
                    .setRemoteInterface(LanguageClient.class)
                    .setInput(in)
                    .setOutput(out)
                    .setExecutorService(reader)
                    .configureGson(gson -> gson.registerTypeAdapterFactory(new DiagnosticJson()))
                    .create();
            server.connect(launcher.getRemoteProxy());
            Future<Void> listening = launcher.startListening();
            reader.execute(() -> {
                try {
                    listening.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | RuntimeException e) {
                    log.error("reading from the client failed", e);
                }
                server.inputClosed();
            });
            int code = server.exitCode().join();
            log.connect(null);
            log.info("exiting with code " + code);
            return code;
        } finally {
            server.dispose();
            reader.shutdownNow();
        }
    }

    /** Version reported in {@code serverInfo}: the jar manifest's, or "dev" when run from classes. */
    public static String version() {
        String v = MxLanguageServerLauncher.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
