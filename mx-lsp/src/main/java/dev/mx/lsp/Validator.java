package dev.mx.lsp;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.service.CancelChecker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Publishes diagnostics of open documents: each change of a document replaces its pending
 * validation; while one runs, further changes ask for a single rerun on the newest version. A validation
 * whose document moved on while it ran is dropped (a newer one is on its way), and diagnostics
 * are never published for a version older than the last one published.
 */
final class Validator {
    /**
     * Quiet time after a change before validating. None by default: one validation per document
     * runs at a time and a burst of edits during it collapses into one rerun on the newest
     * version (see {@link #submit}), so waiting would only add latency. The engine lints a typical
     * devspace.yaml in about a millisecond and a 10,000-line one in tens of milliseconds.
     */
    static final long CHANGE_DELAY_MS = Long.getLong("mx.lsp.debounceMs", 0);
    /** Delay for events that come in bursts from outside the editor (file watcher, settings). */
    static final long REFRESH_DELAY_MS = 50;

    private final MxLanguageServer server;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, Integer> publishedVersion = new ConcurrentHashMap<>();
    /** Documents being validated now, and whether another run was asked for meanwhile. */
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();

    Validator(MxLanguageServer server) {
        this.server = server;
    }

    /**
     * Validates {@code doc} after {@code delayMs}, replacing a validation still waiting for it.
     * Documents that are not mx files are left alone: they get no diagnostics, not even empty ones.
     */
    void schedule(OpenDocument doc, long delayMs) {
        if (doc.kind() == null) {
            return;
        }
        if (delayMs <= 0) {
            // no timer thread in between: the validation starts on a worker right away
            ScheduledFuture<?> previous = pending.remove(doc.uri());
            if (previous != null) {
                previous.cancel(false);
            }
            submit(doc);
            return;
        }
        ScheduledFuture<?> next = server.timer().schedule(() -> submit(doc), delayMs, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pending.put(doc.uri(), next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** Re-validates every open document (the disk, the project config or the settings changed). */
    void scheduleAll(long delayMs) {
        server.openDocuments().forEach(d -> schedule(d, delayMs));
    }

    /** Forgets a closed document: its waiting validation is dropped. */
    void forget(String uri) {
        ScheduledFuture<?> f = pending.remove(uri);
        if (f != null) {
            f.cancel(false);
        }
        publishedVersion.remove(uri);
    }

    void cancelAll() {
        pending.values().forEach(f -> f.cancel(false));
        pending.clear();
    }

    /**
     * Starts a validation of {@code doc}, or, when one is running (a large file takes a while),
     * asks for another once it ends: one validation per document at a time, so a burst of edits
     * to a big file does not pile up work on every worker.
     */
    private void submit(OpenDocument doc) {
        // atomically: start when none runs (false: no rerun asked yet), else ask for a rerun (true)
        if (running.compute(doc.uri(), (uri, asked) -> asked != null)) {
            return;
        }
        try {
            server.workers().execute(() -> {
                try {
                    validate(doc);
                } finally {
                    if (Boolean.TRUE.equals(running.remove(doc.uri()))) {
                        submit(doc);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(doc.uri());
            if (!server.isShutDown()) {
                schedule(doc, REFRESH_DELAY_MS); // busy: try again shortly rather than block the timer
            }
        }
    }

    private void validate(OpenDocument doc) {
        if (!server.isOpen(doc)) {
            return;
        }
        OpenDocument.Snapshot s = doc.snapshot();
        CancelChecker cancel = () -> {
            if (doc.version() != s.version() || !server.isOpen(doc)) {
                throw new CancellationException("document changed");
            }
        };
        long t0 = System.nanoTime();
        try {
            List<Diagnostic> found = server.tooLarge(doc, s) ? List.of()
                    : server.diagnostics(doc.model(s), cancel);
            cancel.checkCanceled();
            doc.validated(s.version(), found);
            boolean first = !publishedVersion.containsKey(doc.uri());
            publish(doc, s.version(), found.stream().map(Convert::diagnostic).toList());
            if (first && s.text().length() > WARM_UP_MIN_CHARS) {
                warmUp(doc, s, cancel);
            }
            server.log().debug(String.format("validated %s v%d: %d diagnostics in %.1f ms", doc.uri(), s.version(),
                    found.size(), (System.nanoTime() - t0) / 1e6));
        } catch (CancellationException e) {
            // a newer version is scheduled and will publish
        } catch (RuntimeException | StackOverflowError e) {
            server.log().error("validating " + doc.uri() + " failed", e);
        } catch (OutOfMemoryError e) {
            // the validation's garbage is collectable now; the worker and the server live on
            server.log().error("validating " + doc.uri() + " ran out of memory (" + s.text().length()
                    + " characters); start the server with a larger -Xmx", null);
        }
    }

    /** Below this size a document lints in about a millisecond even before the JIT compiled anything. */
    private static final int WARM_UP_MIN_CHARS = 50_000;
    private static final int WARM_UP_RUNS = 8;

    /**
     * After the first diagnostics of a large document, lints it a few more times without
     * publishing, so the JIT compiles the rules before the user's first edit instead of during it
     * (an edit re-parses only what it touched, see {@link OpenDocument#model}, so the rules are what
     * an edit waits for). Stops as soon as the document changes: a real validation wins.
     */
    private void warmUp(OpenDocument doc, OpenDocument.Snapshot s, CancelChecker cancel) {
        try {
            for (int i = 0; i < WARM_UP_RUNS; i++) {
                cancel.checkCanceled();
                server.diagnostics(doc.model(s), cancel);
            }
        } catch (CancellationException e) {
            // the user typed: their validation runs next
        }
    }

    private void publish(OpenDocument doc, int version, List<org.eclipse.lsp4j.Diagnostic> diagnostics) {
        synchronized (publishedVersion) {
            Integer last = publishedVersion.get(doc.uri());
            if ((last != null && last > version) || doc.version() != version || !server.isOpen(doc)) {
                return;
            }
            publishedVersion.put(doc.uri(), version);
            // inside the lock, so a newer version's diagnostics can never be overtaken by these
            server.publish(new PublishDiagnosticsParams(doc.uri(), diagnostics, version));
        }
    }
}
