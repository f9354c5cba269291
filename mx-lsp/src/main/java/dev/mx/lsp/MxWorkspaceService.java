package dev.mx.lsp;

import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.lint.Linter;
import dev.mx.engine.plan.FileChange;
import dev.mx.engine.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.JsonElement;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Settings, file-watcher events and the server's commands:
 * <ul>
 *   <li>{@code mx.applyGenerator [projectRoot, generatorId]}: plans and applies a generator on disk
 *       under the project lock (as {@code mx generate}), then re-validates;</li>
 *   <li>{@code mx.lintWorkspace [folder?]}: lints every mx file under the workspace folders (or
 *       the given folder) and publishes diagnostics for files that are not open too.</li>
 * </ul>
 * Both report work-done progress and stop early when the user cancels it.
 */
final class MxWorkspaceService implements WorkspaceService {
    private final MxLanguageServer server;
    /** Files not open in the editor whose diagnostics {@code mx.lintWorkspace} published, by URI. */
    private final Map<String, Path> diskLinted = new ConcurrentHashMap<>();

    MxWorkspaceService(MxLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        try {
            server.settingsChanged(params.getSettings());
        } catch (RuntimeException e) {
            server.log().error("didChangeConfiguration failed", e);
        }
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        List<FileEvent> events = params.getChanges() == null ? List.of() : List.copyOf(params.getChanges());
        server.run("refresh after file changes", () -> {
            for (FileEvent e : events) {
                Path p = diskLinted.get(e.getUri());
                if (p == null || server.document(e.getUri()) != null) {
                    continue;
                }
                if (e.getType() == FileChangeType.Deleted) {
                    diskLinted.remove(e.getUri());
                    server.publish(new PublishDiagnosticsParams(e.getUri(), List.of()));
                } else {
                    lintOnDisk(e.getUri(), p);
                }
            }
        });
        // a manifest that now exists, an edited .mx/state.yaml or .mx/lint.yaml: every open document may change
        server.validator().scheduleAll(Validator.REFRESH_DELAY_MS);
    }

    /** A document was closed: its diagnostics go, unless the workspace lint shows them for the file on disk. */
    void closed(OpenDocument doc) {
        if (diskLinted.containsKey(doc.uri()) && doc.path() != null) {
            server.run("lint " + doc.uri(), () -> lintOnDisk(doc.uri(), doc.path()));
        } else {
            server.publish(new PublishDiagnosticsParams(doc.uri(), List.of()));
        }
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        String command = params.getCommand() == null ? "" : params.getCommand();
        List<Object> args = params.getArguments() == null ? List.of() : params.getArguments();
        Either<String, Integer> token = params.getWorkDoneToken();
        return switch (command) {
            case MxLanguageServer.APPLY_GENERATOR -> server.async(command, null, cancel -> {
                if (args.size() < 2 || string(args.get(0)) == null || string(args.get(1)) == null) {
                    throw invalidParams(command + " takes [projectRoot, generatorId]");
                }
                return applyGenerator(pathOf(string(args.get(0))), string(args.get(1)), token, cancel);
            });
            case MxLanguageServer.LINT_WORKSPACE -> server.async(command, null, cancel -> {
                String folder = args.isEmpty() ? null : string(args.get(0));
                List<Path> roots = folder == null ? server.roots() : List.of(pathOf(folder));
                return lintWorkspace(roots, token, cancel);
            });
            default -> {
                CompletableFuture<Object> f = new CompletableFuture<>();
                f.completeExceptionally(invalidParams("unknown command " + command));
                yield f;
            }
        };
    }

    private Map<String, Object> applyGenerator(Path root, String id, Either<String, Integer> token,
            CancelChecker cancel) {
        MxEngine engine = server.service().engine();
        MxEngine.Request request = new MxEngine.Request(root, id, Map.of());
        try (Progress progress = server.progress().begin(server.client(), server.caps(), token,
                "mx: applying " + id, server.log())) {
            try {
                progress.report("planning", 10);
                Plan plan = engine.plan(request);
                plan.changes().stream().filter(FileChange::writes)
                        .forEach(c -> server.requireSaved(plan.root().resolve(c.path()), id));
                cancel.checkCanceled();
                if (progress.cancelled()) {
                    progress.end("cancelled");
                    return result(false, "cancelled", List.of());
                }
                progress.report("writing files", 60);
                MxEngine.Outcome outcome = engine.planAndApply(request, false, notice -> server.log().info(notice));
                if (!outcome.applied()) {
                    String why = dev.mx.engine.plan.Applier.conflictError(outcome.plan()).getMessage();
                    server.showMessage(MessageType.Error, "mx: " + id + " " + why);
                    progress.end("not applied: conflicts");
                    return result(false, why, List.of());
                }
                List<String> written = outcome.written().stream().map(FileChange::path).toList();
                String summary = written.isEmpty() ? id + " is up to date"
                        : "applied " + id + ": " + written.size() + (written.size() == 1 ? " file" : " files");
                server.log().info(summary + " in " + root);
                server.showMessage(MessageType.Info, "mx: " + summary);
                // The server runs nothing from the workspace: post-apply commands are listed, never run.
                List<String> notRun = outcome.postApply().notRun().stream()
                        .map(dev.mx.engine.generator.PostApplyCommand::display).toList();
                if (!notRun.isEmpty()) {
                    String why = id + " declares post-apply commands that were not run (the language server never"
                            + " runs commands): " + String.join("; ", notRun) + ". Review them, then run `mx generate "
                            + id + "` in a terminal (with --trust for a pack that is not trusted) or run them yourself.";
                    server.log().info(why);
                    server.showMessage(MessageType.Warning, "mx: " + why);
                }
                progress.end(summary);
                server.validator().scheduleAll(0);
                Map<String, Object> r = result(true, summary, written);
                r.put("postApplyNotRun", notRun);
                return r;
            } catch (MxException e) {
                server.showMessage(MessageType.Error, "mx: " + id + ": " + e.getMessage());
                progress.end("failed");
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed,
                        "mx: " + e.getMessage(), null));
            }
        }
    }

    private static Map<String, Object> result(boolean applied, String message, List<String> files) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applied", applied);
        m.put("message", message);
        m.put("files", files);
        return m;
    }

    private Map<String, Object> lintWorkspace(List<Path> roots, Either<String, Integer> token, CancelChecker cancel) {
        List<Path> files;
        try {
            files = Linter.collect(roots.stream().filter(Files::isDirectory).toList());
        } catch (IOException e) {
            throw MxTextDocumentService.userError("cannot list the workspace: " + e.getMessage());
        }
        int problems = 0;
        int done = 0;
        boolean stopped = false;
        Set<String> seen = new java.util.HashSet<>();
        try (Progress progress = server.progress().begin(server.client(), server.caps(), token,
                "mx: linting the workspace", server.log())) {
            for (Path f : files) {
                cancel.checkCanceled();
                if (progress.cancelled()) {
                    stopped = true;
                    break;
                }
                Path file = f.toAbsolutePath().normalize();
                OpenDocument open = server.documentAt(file);
                String uri = open != null ? open.uri() : Convert.uri(file);
                if (!seen.add(uri)) {
                    continue;
                }
                if (open != null && open.kind() != null) {
                    server.validator().schedule(open, 0); // the editor's text, not the disk's
                } else {
                    problems += lintOnDisk(uri, file); // not open, or open but not named as ours (an imported file)
                }
                done++;
                progress.report(done + "/" + files.size() + " " + file.getFileName(), 100 * done / files.size());
            }
            progress.end(stopped ? "cancelled" : done + " files, " + problems + " problems");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files", done);
        m.put("problems", problems);
        m.put("cancelled", stopped);
        return m;
    }

    /** Lints a file from disk, publishes its diagnostics and returns how many there are. */
    private int lintOnDisk(String uri, Path file) {
        if (!Files.isRegularFile(file)) {
            diskLinted.remove(uri);
            server.publish(new PublishDiagnosticsParams(uri, List.of()));
            return 0;
        }
        List<Diagnostic> found = server.withUserLevels(Linter.lintFile(file, file.toString()));
        diskLinted.put(uri, file);
        List<org.eclipse.lsp4j.Diagnostic> lsp = new ArrayList<>();
        found.forEach(d -> lsp.add(Convert.diagnostic(d)));
        server.publish(new PublishDiagnosticsParams(uri, lsp));
        return found.size();
    }

    private static Path pathOf(String uriOrPath) {
        Path p = uriOrPath.startsWith("file:") ? OpenDocument.toPath(uriOrPath) : null;
        return p != null ? p : Path.of(uriOrPath).toAbsolutePath().normalize();
    }

    private static String string(Object o) {
        if (o instanceof JsonElement e) {
            return e.isJsonPrimitive() ? e.getAsString() : null;
        }
        return o instanceof String s ? s : null;
    }

    private static ResponseErrorException invalidParams(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }
}
