package dev.mx.engine.service;

import dev.mx.engine.MxEngine;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.lint.LintConfig;
import dev.mx.engine.lint.Linter;
import dev.mx.engine.lint.ProjectView;
import dev.mx.engine.lint.RuleRegistry;
import dev.mx.engine.plan.Plan;
import dev.mx.engine.service.actions.CodeActionProvider;
import dev.mx.engine.service.actions.GeneratorChanges;
import dev.mx.engine.service.completion.CompletionProvider;
import dev.mx.engine.service.hover.HoverProvider;
import dev.mx.engine.service.symbols.DefinitionProvider;
import dev.mx.engine.service.symbols.LinkProvider;
import dev.mx.engine.service.symbols.SymbolProvider;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's editor features behind one facade, as Eclipse LemMinX does: one small class per
 * feature, each working on a {@link DocumentModel} parsed once per version. Speaks only the
 * engine's own types; {@code mx-lsp} converts them to and from LSP. Thread-safe.
 */
public final class MxLanguageService {
    private final MxEngine engine;
    private final RuleRegistry rules;
    private final Map<Path, CachedConfig> configs = new ConcurrentHashMap<>();

    private record CachedConfig(long modified, LintConfig config) {
    }

    public MxLanguageService(MxEngine engine, RuleRegistry rules) {
        this.engine = engine;
        this.rules = rules;
    }

    public MxEngine engine() {
        return engine;
    }

    public RuleRegistry rules() {
        return rules;
    }

    /**
     * The generators visible from a project (built-ins and the generator path when {@code projectRoot}
     * is null), cached until a descriptor outside the jar changes.
     */
    public dev.mx.engine.generator.GeneratorCatalog catalog(Path projectRoot) {
        return CatalogCache.catalog(engine, projectRoot);
    }

    /** The lint rules' findings for a document; {@code overlay} holds other open documents' unsaved text. */
    public List<Diagnostic> diagnostics(DocumentModel doc, Map<Path, String> overlay, CancelChecker cancel) {
        if (doc.kind() == null) {
            return List.of();
        }
        Path file = doc.path() != null ? doc.path() : Path.of(doc.uri()).toAbsolutePath();
        ProjectView project = ProjectView.withOverlay(file, overlay);
        cancel.checkCanceled();
        String display = doc.path() != null ? doc.path().toString() : doc.uri();
        return Linter.lint(new Linter.Request(display, doc.text(), doc.kind(), project,
                config(project.projectRoot()), rules, doc.yaml()));
    }

    /** The project's .mx/lint.yaml, re-read only when it changed on disk. */
    LintConfig config(Path projectRoot) {
        Path f = projectRoot.resolve(".mx").resolve("lint.yaml");
        long modified;
        try {
            modified = Files.isRegularFile(f) ? Files.getLastModifiedTime(f).toMillis() : -1;
        } catch (IOException e) {
            modified = -1;
        }
        CachedConfig c = configs.get(projectRoot);
        if (c == null || c.modified() != modified) {
            c = new CachedConfig(modified, modified < 0 ? LintConfig.EMPTY : LintConfig.load(projectRoot));
            configs.put(projectRoot, c);
        }
        return c.config();
    }

    public CompletionResult complete(DocumentModel doc, Position position, boolean snippets, CancelChecker cancel) {
        return doc.kind() == null ? CompletionResult.EMPTY
                : CompletionProvider.complete(this, doc, position, snippets, cancel);
    }

    public Optional<HoverResult> hover(DocumentModel doc, Position position, CancelChecker cancel) {
        return doc.kind() == null ? Optional.empty() : HoverProvider.hover(this, doc, position, cancel);
    }

    /** Quick fixes of the diagnostics in {@code context}, and "Apply generator …" where it makes sense. */
    public List<CodeActionItem> codeActions(DocumentModel doc, Range range, List<Diagnostic> context,
            CancelChecker cancel) {
        return doc.kind() == null ? List.of() : CodeActionProvider.codeActions(this, doc, range, context, cancel);
    }

    /**
     * Plans a generator and returns its changes for the editor to apply as one undoable edit;
     * nothing is written here. Conflicts are an error (the editor shows it).
     */
    public WorkspaceChange applyGenerator(Path projectRoot, String generatorId, Map<String, String> values) {
        Plan plan = engine.plan(new MxEngine.Request(projectRoot, generatorId, values));
        return GeneratorChanges.of(plan);
    }

    public List<SymbolItem> symbols(DocumentModel doc, CancelChecker cancel) {
        return doc.kind() == null ? List.of() : SymbolProvider.symbols(doc, cancel);
    }

    public List<LocationItem> definition(DocumentModel doc, Position position, CancelChecker cancel) {
        return doc.kind() == null ? List.of() : DefinitionProvider.definition(this, doc, position, cancel);
    }

    public List<LinkItem> links(DocumentModel doc, CancelChecker cancel) {
        return doc.kind() == null ? List.of() : LinkProvider.links(doc, cancel);
    }
}
