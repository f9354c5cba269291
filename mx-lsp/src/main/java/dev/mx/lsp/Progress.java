package dev.mx.lsp;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Work-done progress ({@code $/progress}) for long operations, when the client supports it: with
 * the token the client sent in the request, or one the server creates. Cancellable from the
 * client's UI ({@code window/workDoneProgress/cancel}). Without client support it does nothing,
 * and {@link #cancelled()} stays false.
 *
 * <p>Must not run on the reader thread: creating a token waits for the client's answer.
 */
final class Progress implements AutoCloseable {
    private static final Progress NONE = new Progress(null, null, null);

    private final LanguageClient client;
    private final Either<String, Integer> token;
    private final Map<Either<String, Integer>, Progress> registry;
    private volatile boolean cancelled;
    private boolean ended;

    private Progress(LanguageClient client, Either<String, Integer> token,
            Map<Either<String, Integer>, Progress> registry) {
        this.client = client;
        this.token = token;
        this.registry = registry;
    }

    /** The running progress reports, by token, so that a cancel from the client finds its report. */
    static final class Registry {
        private final Map<Either<String, Integer>, Progress> running = new ConcurrentHashMap<>();

        void cancel(Either<String, Integer> token) {
            Progress p = token == null ? null : running.get(token);
            if (p != null) {
                p.cancelled = true;
            }
        }

        /**
         * Starts a progress report titled {@code title}.
         *
         * @param clientToken the request's workDoneToken, or null to create one (when supported)
         */
        Progress begin(LanguageClient client, ClientCaps caps, Either<String, Integer> clientToken, String title,
                ServerLog log) {
            if (client == null) {
                return NONE;
            }
            Either<String, Integer> token = clientToken;
            if (token == null) {
                if (!caps.workDoneProgress()) {
                    return NONE;
                }
                token = Either.forLeft("mx-" + UUID.randomUUID());
                try {
                    client.createProgress(new WorkDoneProgressCreateParams(token)).get(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return NONE;
                } catch (Exception e) {
                    log.debug("window/workDoneProgress/create refused: " + e);
                    return NONE;
                }
            }
            Progress p = new Progress(client, token, running);
            running.put(token, p);
            WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
            begin.setTitle(title);
            begin.setCancellable(true);
            begin.setPercentage(0);
            p.send(begin);
            return p;
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    void report(String message, Integer percentage) {
        if (client == null) {
            return;
        }
        WorkDoneProgressReport r = new WorkDoneProgressReport();
        r.setMessage(message);
        r.setPercentage(percentage);
        send(r);
    }

    /** Ends the report with a final message; idempotent. */
    synchronized void end(String message) {
        if (client == null || ended) {
            return;
        }
        ended = true;
        registry.remove(token);
        WorkDoneProgressEnd e = new WorkDoneProgressEnd();
        e.setMessage(message);
        send(e);
    }

    @Override
    public void close() {
        end(null);
    }

    private void send(WorkDoneProgressNotification n) {
        try {
            client.notifyProgress(new ProgressParams(token, Either.forLeft(n)));
        } catch (RuntimeException e) {
            // the client went away; nothing to report to
        }
    }
}
