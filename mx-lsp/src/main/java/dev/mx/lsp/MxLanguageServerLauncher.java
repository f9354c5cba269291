package dev.mx.lsp;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Stdio entry point of the mx language server.
 *
 * <p>Placeholder: the server answers {@code initialize} (no capabilities yet), {@code shutdown} and
 * {@code exit}, and ignores document notifications. The full server replaces {@link PlaceholderServer}
 * and keeps this launcher's contract:
 * <ul>
 *   <li>stdout carries JSON-RPC frames and nothing else; {@link System#out} is redirected to stderr
 *       before the server starts, so stray prints cannot corrupt the channel;</li>
 *   <li>exit code 0 after {@code shutdown} then {@code exit} (or end of input after {@code shutdown}),
 *       1 when {@code exit} or end of input comes without a prior {@code shutdown}.</li>
 * </ul>
 */
public final class MxLanguageServerLauncher {

    private MxLanguageServerLauncher() {
    }

    public static void main(String[] args) {
        System.exit(runOnStdio());
    }

    /**
     * Serves LSP on this process's stdin/stdout and returns the exit code. Also used in-process by
     * {@code mx lsp}.
     */
    public static int runOnStdio() {
        System.out.flush();
        OutputStream rpcOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        return run(System.in, rpcOut);
    }

    /**
     * Serves LSP on the given streams until {@code exit} or end of input, and returns the exit code.
     * Does not touch {@link System#out} and does not call {@link System#exit}.
     */
    public static int run(InputStream in, OutputStream out) {
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        try {
            PlaceholderServer server = new PlaceholderServer();
            Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                    .setLocalService(server)
                    .setRemoteInterface(LanguageClient.class)
                    .setInput(in)
                    .setOutput(out)
                    .setExecutorService(executor)
                    .create();
            Future<Void> listening = launcher.startListening();
            executor.execute(() -> {
                try {
                    listening.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | RuntimeException e) {
                    // the reader failed; treat it like the client going away
                }
                server.inputClosed();
            });
            return server.exitCode().join();
        } finally {
            executor.shutdownNow();
        }
    }

    /** Version reported in {@code serverInfo}: the jar manifest's, or "dev" when run from classes. */
    public static String version() {
        String v = MxLanguageServerLauncher.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mx-lsp-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Minimal server: lifecycle only. */
    static final class PlaceholderServer implements LanguageServer {
        private final AtomicBoolean shutdownRequested = new AtomicBoolean();
        private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        private final TextDocumentService documents = new IgnoringTextDocumentService();
        private final WorkspaceService workspace = new IgnoringWorkspaceService();

        @Override
        public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
            InitializeResult result = new InitializeResult(new ServerCapabilities());
            result.setServerInfo(new ServerInfo("mx", version()));
            return CompletableFuture.completedFuture(result);
        }

        @Override
        public CompletableFuture<Object> shutdown() {
            shutdownRequested.set(true);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void exit() {
            exitCode.complete(shutdownRequested.get() ? 0 : 1);
        }

        void inputClosed() {
            exitCode.complete(shutdownRequested.get() ? 0 : 1);
        }

        CompletableFuture<Integer> exitCode() {
            return exitCode;
        }

        @Override
        public TextDocumentService getTextDocumentService() {
            return documents;
        }

        @Override
        public WorkspaceService getWorkspaceService() {
            return workspace;
        }
    }

    private static final class IgnoringTextDocumentService implements TextDocumentService {
        @Override
        public void didOpen(DidOpenTextDocumentParams params) {
        }

        @Override
        public void didChange(DidChangeTextDocumentParams params) {
        }

        @Override
        public void didClose(DidCloseTextDocumentParams params) {
        }

        @Override
        public void didSave(DidSaveTextDocumentParams params) {
        }
    }

    private static final class IgnoringWorkspaceService implements WorkspaceService {
        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        }
    }
}
