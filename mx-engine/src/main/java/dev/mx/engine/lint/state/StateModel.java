package dev.mx.engine.lint.state;

import dev.mx.engine.MxEngine;
import dev.mx.engine.apply.PathGuard;
import dev.mx.engine.generator.GeneratorCatalog;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.state.AppliedGenerator;
import dev.mx.engine.state.ProjectState;
import dev.mx.engine.state.StateFile;
import dev.mx.engine.text.Similarity;
import dev.mx.engine.yaml.YamlAliasNode;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A state file that mx can read (state/invalid reports the others), as both the parsed
 * {@link ProjectState} mx works with and the positioned tree findings point into.
 */
final class StateModel {
    /** One applied generator: its parsed record and where its parts are written. */
    record Generator(AppliedGenerator applied, YamlMapping node, YamlScalar id, YamlMapping parameters,
            YamlMapping files, YamlMapping manifests) {
    }

    final LintContext ctx;
    final ProjectState state;
    final YamlMapping root;
    final List<Generator> generators;
    /** The project the state file belongs to: the folder holding .mx/. */
    final Path projectRoot;

    private StateModel(LintContext ctx, ProjectState state, YamlMapping root, List<Generator> generators,
            Path projectRoot) {
        this.ctx = ctx;
        this.state = state;
        this.root = root;
        this.generators = generators;
        this.projectRoot = projectRoot;
    }

    /** The top-level keys of a state file, as {@link StateFile} reads them. */
    static final List<String> KEYS = List.of("format_version", "mx_version", "answers", "generators");

    /**
     * The first top-level entry whose key no state file has, or null. Checked on the model before the state
     * file's own reader builds a second tree of the text: some other file saved as .mx/state.yaml is told
     * apart cheaply (a 250,000-line one ran a 256 MB editor out of memory, once per state rule).
     */
    static YamlEntry unknownTopKey(YamlMapping root) {
        for (YamlEntry e : root.entries()) {
            if (e.keyText() != null && !KEYS.contains(e.keyText())) {
                return e;
            }
        }
        return null;
    }

    /**
     * The state file as mx reads it ({@link ProjectState}), or what reading it threw (a {@link RuntimeException},
     * or an {@link OutOfMemoryError} for a huge file); read once per lint for all the state rules.
     */
    static Object read(LintContext ctx) {
        return ctx.memo(StateModel.class, () -> {
            try {
                return StateFile.parse(ctx.text());
            } catch (RuntimeException e) {
                return e;
            } catch (OutOfMemoryError e) {
                return e; // state/invalid reports it once; the other state rules skip the file
            }
        });
    }

    /** The model, or null when the file does not parse as a state file. */
    static StateModel of(LintContext ctx) {
        if (ctx.yaml().hasSyntaxErrors() || !(deref(ctx.root()) instanceof YamlMapping root)) {
            return null;
        }
        if (unknownTopKey(root) != null) {
            return null; // not a state file: state/invalid says so without reading it twice
        }
        if (!(read(ctx) instanceof ProjectState state)) {
            return null; // state/invalid reports why
        }
        List<Generator> gens = new ArrayList<>();
        YamlSequence seq = deref(root.get("generators")) instanceof YamlSequence s ? s : null;
        if (seq != null && seq.items().size() == state.generators().size()) {
            for (int i = 0; i < seq.items().size(); i++) {
                YamlMapping g = mapping(seq.items().get(i));
                if (g == null) {
                    return null;
                }
                gens.add(new Generator(state.generators().get(i), g,
                        deref(g.get("id")) instanceof YamlScalar id ? id : null, mapping(g.get("parameters")),
                        mapping(g.get("files")), mapping(g.get("manifests"))));
            }
        }
        Path base = ctx.project().baseDir();
        Path name = base.getFileName();
        Path projectRoot = name != null && name.toString().equals(".mx") && base.getParent() != null
                ? base.getParent() : ctx.project().projectRoot();
        return new StateModel(ctx, state, root, gens, projectRoot);
    }

    /** The generators visible from this project, as `mx generate` would load them. */
    GeneratorCatalog catalog() {
        return MxEngine.create().catalog(projectRoot);
    }

    /** A project-relative path as the linted file's project view resolves it. */
    String viewPath(String projectRelative) {
        return ctx.project().baseDir().relativize(projectRoot.resolve(projectRelative)).toString()
                .replace('\\', '/');
    }

    /** Whether a recorded path stays inside the project (mx never writes elsewhere). */
    boolean inside(String projectRelative) {
        try {
            PathGuard.resolveInside(projectRoot, projectRelative);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    boolean exists(String projectRelative) {
        String p = viewPath(projectRelative);
        return ctx.project().exists(p) && !ctx.project().isDirectory(p);
    }

    /** The file's bytes (an editor's unsaved buffer when there is one), or empty. */
    Optional<byte[]> bytes(String projectRelative) {
        Optional<String> text = ctx.project().read(viewPath(projectRelative));
        if (text.isPresent()) {
            return Optional.of(text.get().getBytes(StandardCharsets.UTF_8));
        }
        try {
            Path p = projectRoot.resolve(projectRelative);
            return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The candidate nearest to {@code s} by edit distance, if within {@code maxDistance}; else null. */
    static String nearest(String s, Collection<String> candidates, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = Similarity.editDistance(s, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= maxDistance ? best : null;
    }

    static YamlNode deref(YamlNode n) {
        int guard = 0;
        while (n instanceof YamlAliasNode a && guard++ < 100) {
            n = a.target();
        }
        return n;
    }

    static YamlMapping mapping(YamlNode n) {
        return deref(n) instanceof YamlMapping m ? m : null;
    }

    static List<YamlEntry> entries(YamlMapping m) {
        return m == null ? List.of() : m.entries();
    }
}
