package dev.mx.lsp;

import dev.mx.engine.MxEngine;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.RuleRegistry;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The mx language server: lifecycle, client capabilities, settings, the open documents and the
 * threads. Features live in {@link MxTextDocumentService} and {@link MxWorkspaceService}, which
 * only convert between LSP and {@link MxLanguageService}.
 *
 * <p>Threading: lsp4j reads and dispatches messages on one thread. Handlers there only record
 * state (a document's new text) and hand everything else to a small bounded pool of workers, so a
 * slow feature never holds up the next message. Requests get a cancel checker that fires on
 * {@code $/cancelRequest} and when their document's version moves on.
 */
public final class MxLanguageServer implements LanguageServer, LanguageClientAware {
    static final String APPLY_GENERATOR = "mx.applyGenerator";
    static final String LINT_WORKSPACE = "mx.lintWorkspace";

    private final ServerLog log;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final Map<String, OpenDocument> documents = new ConcurrentHashMap<>();
    private final Validator validator = new Validator(this);
    private final Progress.Registry progress = new Progress.Registry();
    private final MxTextDocumentService textDocuments = new MxTextDocumentService(this);
    private final MxWorkspaceService workspace = new MxWorkspaceService(this);
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final AtomicBoolean shutdownRequested = new AtomicBoolean();
    private final Set<String> warnedTooLarge = ConcurrentHashMap.newKeySet();
    private final RuleRegistry rules = RuleRegistry.standard();

    private volatile LanguageClient client;
    private volatile ClientCaps caps = ClientCaps.NONE;
    private volatile Settings settings = Settings.DEFAULT;
    private volatile MxLanguageService service;
    private volatile List<Path> roots = List.of();
    private volatile List<String> pendingSettingsProblems = List.of();

    MxLanguageServer(ServerLog log) {
        this.log = log;
        int n = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.workers = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(512),
                daemonThreads("mx-lsp-worker"), new ThreadPoolExecutor.AbortPolicy());
        this.workers.allowCoreThreadTimeOut(true);
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("mx-lsp-timer"));
        this.service = new MxLanguageService(MxEngine.create(), rules);
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void connect(LanguageClient c) {
        this.client = c;
    }

    // ---- lifecycle ------------------------------------------------------------------------

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        caps = ClientCaps.of(params);
        roots = roots(params);
        List<String> problems = new ArrayList<>();
        JsonObject mx = params.getInitializationOptions() instanceof JsonElement e ? Settings.section(e) : null;
        applySettings(Settings.parse(mx, roots.isEmpty() ? null : roots.get(0), rules, problems::add), false);
        pendingSettingsProblems = problems;
        watchParent(params.getProcessId());
        run("warm-up", MxLanguageServer::warmUp); // while the client reads our answer
        log.info("mx language server " + MxLanguageServerLauncher.version() + " for "
                + (caps.clientName().isEmpty() ? "an unnamed client" : caps.clientName() + " " + caps.clientVersion())
                + (log.file() != null ? "; log: " + log.file() : ""));

        ServerCapabilities sc = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        sc.setTextDocumentSync(sync);
        sc.setPositionEncoding("utf-16");
        sc.setCompletionProvider(new CompletionOptions(false, List.of(":", "$", "{", "/", "-")));
        sc.setHoverProvider(true);
        CodeActionOptions actions = new CodeActionOptions(List.of(CodeActionKind.QuickFix,
                dev.mx.engine.service.CodeActionItem.Kind.APPLY_GENERATOR.lspKind()));
        actions.setResolveProvider(caps.codeActionResolveEdit());
        sc.setCodeActionProvider(caps.codeActionLiterals() ? Either.forRight(actions) : Either.forLeft(true));
        sc.setDocumentSymbolProvider(true);
        sc.setDefinitionProvider(true);
        sc.setDocumentLinkProvider(new DocumentLinkOptions(false));
        sc.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(APPLY_GENERATOR, LINT_WORKSPACE)));
        InitializeResult result = new InitializeResult(sc);
        result.setServerInfo(new ServerInfo("mx", MxLanguageServerLauncher.version()));
        return CompletableFuture.completedFuture(result);
    }

    private static List<Path> roots(InitializeParams params) {
        List<Path> out = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                Optional.ofNullable(f == null ? null : OpenDocument.toPath(f.getUri())).ifPresent(out::add);
            }
        }
        @SuppressWarnings("deprecation")
        String rootUri = params.getRootUri();
        @SuppressWarnings("deprecation")
        String rootPath = params.getRootPath();
        if (out.isEmpty() && rootUri != null) {
            Optional.ofNullable(OpenDocument.toPath(rootUri)).ifPresent(out::add);
        }
        if (out.isEmpty() && rootPath != null) {
            try {
                out.add(Path.of(rootPath).toAbsolutePath().normalize());
            } catch (RuntimeException e) {
                // not a path here
            }
        }
        return List.copyOf(out);
    }

    /** Exits (code 1) once the editor process that started us is gone, checked every second. */
    private void watchParent(Integer pid) {
        if (pid == null) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            // another PID namespace (a container), or already gone: do not guess
            log.warn("client process " + pid + " is not visible from here; not watching it");
            return;
        }
        timer.scheduleWithFixedDelay(() -> {
            if (!parent.get().isAlive()) {
                log.info("client process " + pid + " is gone; exiting");
                exitCode.complete(1);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void initialized(InitializedParams params) {
        LanguageClient c = client;
        if (c == null) {
            return;
        }
        log.connect(c); // from now on the log also reaches the editor (not before initialize is answered)
        List<Registration> registrations = new ArrayList<>();
        if (caps.watchedFilesDynamic()) {
            // any file: a manifest or env file that appears or disappears changes diagnostics
            registrations.add(new Registration("mx-watched-files", "workspace/didChangeWatchedFiles",
                    new DidChangeWatchedFilesRegistrationOptions(List.of(new FileSystemWatcher(Either.forLeft("**/*"))))));
        }
        if (caps.configurationDynamic()) {
            registrations.add(new Registration("mx-configuration", "workspace/didChangeConfiguration", null));
        }
        if (!registrations.isEmpty()) {
            c.registerCapability(new RegistrationParams(registrations)).whenComplete((ok, err) -> {
                if (err != null) {
                    log.debug("client/registerCapability failed: " + err);
                }
            });
        }
        reportSettingsProblems(pendingSettingsProblems);
        pendingSettingsProblems = List.of();
        if (caps.configurationPull()) {
            pullSettings();
        }
    }

    /**
     * Loads and compiles the rules once before the first document arrives: the first diagnostics
     * of a session then come in tens of milliseconds instead of most of a second.
     */
    private static void warmUp() {
        dev.mx.engine.lint.Linter.lintText("version: v2beta1\nname: warm-up\nimages:\n  app:\n    image: x/app\n"
                + "dev:\n  app:\n    imageSelector: x/app\n", "devspace.yaml", dev.mx.engine.lint.FileKind.DEVSPACE);
        dev.mx.engine.lint.Linter.lintText("name: warm-up\nentry_points:\n  main:\n    command: python x.py\n",
                "MLproject", dev.mx.engine.lint.FileKind.MLPROJECT);
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested.set(true);
        log.connect(null); // nothing but the shutdown answer goes to the client now
        validator.cancelAll();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exitCode.complete(shutdownRequested.get() ? 0 : 1);
    }

    /** The input ended (the client closed our stdin or the socket). */
    void inputClosed() {
        exitCode.complete(shutdownRequested.get() ? 0 : 1);
    }

    CompletableFuture<Integer> exitCode() {
        return exitCode;
    }

    boolean isShutDown() {
        return exitCode.isDone() || workers.isShutdown();
    }

    /** Stops the threads; called by the launcher once the exit code is known. */
    void dispose() {
        validator.cancelAll();
        timer.shutdownNow();
        workers.shutdownNow();
    }

    @Override
    public void cancelProgress(WorkDoneProgressCancelParams params) {
        progress.cancel(params.getToken());
    }

    @Override
    public MxTextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public MxWorkspaceService getWorkspaceService() {
        return workspace;
    }

    // ---- settings -------------------------------------------------------------------------

    /** Settings pushed by the client ({@code didChangeConfiguration}); pulled instead when it answers pulls. */
    void settingsChanged(Object sent) {
        if (caps.configurationPull()) {
            pullSettings();
            return;
        }
        JsonObject mx = sent instanceof JsonElement e ? Settings.section(e) : null;
        if (mx == null) {
            return; // settings of other tools, or none at all: keep ours
        }
        List<String> problems = new ArrayList<>();
        applySettings(Settings.parse(mx, root(), rules, problems::add), true);
        reportSettingsProblems(problems);
    }

    private void pullSettings() {
        LanguageClient c = client;
        ConfigurationItem item = new ConfigurationItem();
        item.setSection("mx");
        c.configuration(new ConfigurationParams(List.of(item))).whenCompleteAsync((values, err) -> {
            if (err != null || values == null || values.isEmpty() || !(values.get(0) instanceof JsonObject o)) {
                return; // nothing configured there: keep what initializationOptions said
            }
            List<String> problems = new ArrayList<>();
            applySettings(Settings.parse(o, root(), rules, problems::add), true);
            reportSettingsProblems(problems);
        }, workers);
    }

    private void applySettings(Settings next, boolean revalidate) {
        Settings previous = settings;
        settings = next;
        if (!java.util.Objects.equals(previous.generatorPath(), next.generatorPath()) || service == null) {
            MxEngine engine = next.generatorPath() == null ? MxEngine.create()
                    : MxEngine.withGeneratorPath(next.generatorPath());
            service = new MxLanguageService(engine, rules);
        }
        if (revalidate && !previous.equals(next)) {
            warnedTooLarge.clear();
            validator.scheduleAll(Validator.REFRESH_DELAY_MS);
        }
    }

    private void reportSettingsProblems(List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        String text = "mx: ignoring settings: " + String.join("; ", problems);
        log.warn(text);
        showMessage(MessageType.Warning, text);
    }

    Settings settings() {
        return settings;
    }

    ClientCaps caps() {
        return caps;
    }

    MxLanguageService service() {
        return service;
    }

    /** The first workspace folder, or null. */
    Path root() {
        List<Path> r = roots;
        return r.isEmpty() ? null : r.get(0);
    }

    List<Path> roots() {
        return roots;
    }

    // ---- documents ------------------------------------------------------------------------

    void open(OpenDocument doc) {
        documents.put(doc.uri(), doc);
    }

    OpenDocument close(String uri) {
        OpenDocument d = documents.remove(uri);
        validator.forget(uri);
        warnedTooLarge.remove(uri);
        return d;
    }

    OpenDocument document(String uri) {
        return uri == null ? null : documents.get(uri);
    }

    boolean isOpen(OpenDocument doc) {
        return documents.get(doc.uri()) == doc;
    }

    Collection<OpenDocument> openDocuments() {
        return documents.values();
    }

    /** The open document for a file, or null. */
    OpenDocument documentAt(Path file) {
        Path p = file.toAbsolutePath().normalize();
        for (OpenDocument d : documents.values()) {
            if (p.equals(d.path())) {
                return d;
            }
        }
        return null;
    }

    /**
     * Refuses to let a generator write a file whose editor buffer differs from the disk: the plan
     * was made from the disk, and applying it would lose the user's unsaved edits.
     */
    void requireSaved(Path file, String generatorId) {
        OpenDocument open = documentAt(file);
        if (open == null) {
            return;
        }
        String disk;
        try {
            disk = java.nio.file.Files.readString(open.path(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            disk = null;
        }
        if (!open.text().equals(disk)) {
            throw MxTextDocumentService.userError(file.getFileName() + " has unsaved changes; save it, then apply "
                    + generatorId + " again");
        }
    }

    /** The editor's unsaved text of every open file, for rules that read other files. */
    Map<Path, String> overlay() {
        Map<Path, String> m = new java.util.HashMap<>();
        for (OpenDocument d : documents.values()) {
            if (d.path() != null) {
                m.put(d.path(), d.text());
            }
        }
        return m;
    }

    /** Whether the snapshot is over mx.maxDocumentSize; the first time, tells the user why it gets nothing. */
    boolean tooLarge(OpenDocument doc, OpenDocument.Snapshot s) {
        int max = settings.maxDocumentSize();
        if (s.text().length() <= max) {
            return false;
        }
        if (warnedTooLarge.add(doc.uri())) {
            String text = "mx: " + doc.path().getFileName() + " has " + s.text().length()
                    + " characters, more than mx.maxDocumentSize (" + max + "); mx features are off for it";
            log.warn(text);
            showMessage(MessageType.Warning, text);
        }
        return true;
    }

    Validator validator() {
        return validator;
    }

    /** The rules' findings, with the user's mx.lint.rules applied on top of the project's config. */
    List<Diagnostic> diagnostics(DocumentModel model, CancelChecker cancel) {
        return withUserLevels(service.diagnostics(model, overlay(), cancel));
    }

    List<Diagnostic> withUserLevels(List<Diagnostic> found) {
        Map<String, Optional<Severity>> levels = settings.ruleLevels();
        if (levels.isEmpty()) {
            return found;
        }
        List<Diagnostic> out = new ArrayList<>(found.size());
        for (Diagnostic d : found) {
            Optional<Severity> level = levels.get(d.rule());
            if (level == null) {
                out.add(d);
            } else if (level.isPresent()) {
                out.add(new Diagnostic(d.file(), d.range(), level.get(), d.rule(), d.message(), d.fixes()));
            }
        }
        return out;
    }

    // ---- requests -------------------------------------------------------------------------

    /** The document a request was about moved on to a newer version: its answer would be stale. */
    static final class DocumentChanged extends CancellationException {
        DocumentChanged() {
            super("the document changed");
        }
    }

    /** What a feature does with one version of a document. */
    @FunctionalInterface
    interface Feature<R> {
        R compute(OpenDocument doc, DocumentModel model, CancelChecker cancel);
    }

    /**
     * Runs a feature on a worker with the document's current version. A document that is not
     * open, not ours or too large gives {@code empty}; so does a failure inside the feature
     * (logged). A cancelled request is answered RequestCancelled, one whose document changed
     * meanwhile ContentModified.
     */
    <R> CompletableFuture<R> onDocument(String method, String uri, R empty, Feature<R> feature) {
        OpenDocument doc = document(uri);
        if (doc == null || doc.kind() == null) {
            return CompletableFuture.completedFuture(empty);
        }
        OpenDocument.Snapshot s = doc.snapshot();
        return async(method, empty, lspCancel -> {
            if (tooLarge(doc, s)) {
                return empty;
            }
            CancelChecker cancel = () -> {
                lspCancel.checkCanceled();
                if (doc.version() != s.version()) {
                    throw new DocumentChanged();
                }
            };
            DocumentModel model = doc.model(s);
            cancel.checkCanceled();
            R r = feature.compute(doc, model, cancel);
            cancel.checkCanceled();
            return r;
        });
    }

    /**
     * Runs {@code work} on a worker with lsp4j's cancel checker. Failures other than cancellation
     * and deliberate error responses are logged and answered with {@code empty}.
     */
    <R> CompletableFuture<R> async(String method, R empty,
            java.util.function.Function<org.eclipse.lsp4j.jsonrpc.CancelChecker, R> work) {
        try {
            return CompletableFutures.computeAsync(workers, lspCancel -> {
                long t0 = System.nanoTime();
                try {
                    R r = work.apply(lspCancel);
                    log.debug(String.format("%s in %.1f ms", method, (System.nanoTime() - t0) / 1e6));
                    return r;
                } catch (DocumentChanged e) {
                    throw new ResponseErrorException(new ResponseError(ResponseErrorCode.ContentModified,
                            "the document changed", null));
                } catch (CancellationException | ResponseErrorException e) {
                    throw e;
                } catch (RuntimeException | StackOverflowError e) {
                    log.error(method + " failed", e);
                    return empty;
                }
            });
        } catch (RejectedExecutionException e) {
            CompletableFuture<R> busy = new CompletableFuture<>();
            busy.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed,
                    "mx language server is busy; try again", null)));
            return busy;
        }
    }

    /** Runs a task on a worker, logging its failure. */
    void run(String what, Runnable task) {
        try {
            workers.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | StackOverflowError e) {
                    log.error(what + " failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn(what + " skipped: server busy or stopping");
        }
    }

    // ---- to the client --------------------------------------------------------------------

    void publish(PublishDiagnosticsParams params) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(params);
        }
    }

    void showMessage(MessageType type, String text) {
        LanguageClient c = client;
        if (c != null) {
            c.showMessage(new MessageParams(type, text));
        }
    }

    LanguageClient client() {
        return client;
    }

    Progress.Registry progress() {
        return progress;
    }

    ServerLog log() {
        return log;
    }

    ThreadPoolExecutor workers() {
        return workers;
    }

    ScheduledExecutorService timer() {
        return timer;
    }
}
