package dev.mx.engine.service.actions;

import dev.mx.engine.MxException;
import dev.mx.engine.generator.GeneratorCatalog;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.generator.ManifestContribution;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.ProjectView;
import dev.mx.engine.lint.devspace.DevspaceFiles;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.CodeActionItem;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.state.ProjectState;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "Apply generator …" actions. In the project's devspace.yaml, with the cursor in the top-level
 * {@code deployments} section (its key line down to the next top-level key): the generators that
 * add a {@code deployments.*} key to that file. In {@code .mx/state.yaml}: every generator. Only
 * generators not applied yet whose required generators are applied (planning any other fails),
 * in catalog order, and only inside a project (a folder with {@code .mx/}). Nothing is rendered
 * here; the editor resolves the action with {@link MxLanguageService#applyGenerator}.
 */
final class GeneratorActions {
    private GeneratorActions() {
    }

    static List<CodeActionItem> offered(MxLanguageService service, DocumentModel doc, Range range,
            CancelChecker cancel) {
        if (doc.path() == null || (doc.kind() != FileKind.DEVSPACE && doc.kind() != FileKind.STATE)) {
            return List.of();
        }
        Path file = doc.path().toAbsolutePath().normalize();
        if (doc.kind() == FileKind.DEVSPACE && !inDeployments(doc, range.start())) {
            return List.of();
        }
        Path root = ProjectView.findRoot(file.getParent());
        if (!Files.isDirectory(root.resolve(".mx"))) {
            return List.of();
        }
        GeneratorCatalog catalog;
        ProjectState state;
        try {
            catalog = service.catalog(root);
            cancel.checkCanceled();
            state = service.engine().state(root);
        } catch (MxException | UncheckedIOException e) {
            return List.of(); // a broken state file is the linter's to report
        }
        List<CodeActionItem> out = new ArrayList<>();
        for (GeneratorDescriptor g : catalog.all()) {
            if (state.isApplied(g.id()) || !g.requires().stream().allMatch(state::isApplied)) {
                continue;
            }
            if (doc.kind() == FileKind.DEVSPACE && !addsDeployment(g, root, file)) {
                continue;
            }
            out.add(CodeActionItem.applyGenerator(title(g), g.id(), root));
        }
        return out;
    }

    static String title(GeneratorDescriptor g) {
        String d = g.description() == null ? "" : g.description().strip();
        int nl = d.indexOf('\n');
        if (nl >= 0) {
            d = d.substring(0, nl).strip();
        }
        return "Apply generator " + g.id() + (d.isEmpty() ? "" : ": " + d);
    }

    /** Whether the generator adds a {@code deployments.*} key to this very file. */
    static boolean addsDeployment(GeneratorDescriptor g, Path root, Path file) {
        for (ManifestContribution m : g.manifests()) {
            Path target;
            try {
                target = root.resolve(m.file()).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                continue;
            }
            if (target.equals(file) && m.keys().stream().anyMatch(k -> k.path().startsWith("deployments."))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code p} is on the line of the top-level {@code deployments} key or below it,
     * before the next top-level key: inside the section, blank and comment lines included.
     */
    static boolean inDeployments(DocumentModel doc, Position p) {
        YamlMapping root = DevspaceFiles.rootMapping(doc.yaml());
        if (root == null || root.flow()) {
            return false;
        }
        List<YamlEntry> entries = root.entries();
        for (int i = 0; i < entries.size(); i++) {
            YamlEntry e = entries.get(i);
            if (!"deployments".equals(e.keyText())) {
                continue;
            }
            int first = e.key().range().start().line();
            int last = i + 1 < entries.size() ? entries.get(i + 1).key().range().start().line() - 1
                    : doc.lines().lineCount() - 1;
            // a comment at the left margin just above the next key belongs to that key
            while (last > first && doc.lines().line(last).startsWith("#")) {
                last--;
            }
            if (p.line() >= first && p.line() <= Math.max(first, last)) {
                return true;
            }
        }
        return false;
    }
}
