package dev.mx.engine.generator;

import dev.mx.engine.MxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders a generator in memory from its resolved parameters: files under its files root
 * (templated names, {@code .ftl} rendered, the rest copied), its manifest keys and its next
 * steps. Writes nothing.
 */
public final class GeneratorRenderer {
    private GeneratorRenderer() {
    }

    public static RenderedGenerator render(GeneratorDescriptor g, Map<String, Object> model) {
        String display = g.origin() == GeneratorOrigin.BUILT_IN ? g.id() : g.root().toString();
        SandboxedTemplates t = new SandboxedTemplates(g.root(), display);
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (g.filesRoot() != null) {
            renderFiles(g, model, t, files);
        }
        List<RenderedGenerator.ManifestEdit> manifests = new ArrayList<>();
        for (ManifestContribution m : g.manifests()) {
            String file = t.renderText(m.file(), model, g.id() + "/generator.yaml (manifest file)");
            checkOutputPath(g, file);
            String create = m.createTemplate() == null ? null : t.renderFile(m.createTemplate(), model);
            List<RenderedGenerator.KeyValue> keys = new ArrayList<>();
            for (ManifestContribution.Key k : m.keys()) {
                String where = g.id() + "/generator.yaml (key " + k.path() + ")";
                if (k.when() != null && !t.test(k.when(), model, where)) {
                    continue;
                }
                String path = t.renderText(k.path(), model, where);
                List<String> segments = List.of(path.split("\\."));
                if (segments.stream().anyMatch(String::isBlank)) {
                    throw MxException.input(where + ": key path '" + path + "' has an empty segment");
                }
                keys.add(new RenderedGenerator.KeyValue(segments, t.renderFile(k.template(), model)));
            }
            manifests.add(new RenderedGenerator.ManifestEdit(file, create, keys));
        }
        String next = g.nextStepsTemplate() == null ? null : t.renderFile(g.nextStepsTemplate(), model);
        return new RenderedGenerator(files, manifests, next, renderPostApply(g, model, t));
    }

    /** Each post-apply command whose {@code when} holds, with every argument rendered; nothing runs here. */
    private static List<PostApplyCommand> renderPostApply(GeneratorDescriptor g, Map<String, Object> model,
            SandboxedTemplates t) {
        List<PostApplyCommand> out = new ArrayList<>();
        for (int i = 0; i < g.postApply().size(); i++) {
            PostApplyStep step = g.postApply().get(i);
            String where = g.id() + "/generator.yaml (post_apply " + (i + 1) + ")";
            if (step.when() != null && !t.test(step.when(), model, where)) {
                continue;
            }
            List<String> argv = new ArrayList<>();
            for (String arg : step.run()) {
                argv.add(arg.contains("[=") || arg.contains("[#") ? t.renderText(arg, model, where) : arg);
            }
            if (argv.get(0).isBlank()) {
                throw MxException.input(where + ": the program to run renders to an empty string");
            }
            if (argv.stream().anyMatch(a -> a.indexOf('\0') >= 0)) {
                throw MxException.input(where + ": an argument contains a NUL character");
            }
            out.add(new PostApplyCommand(argv, step.description(), step.timeout()));
        }
        return out;
    }

    private static void renderFiles(GeneratorDescriptor g, Map<String, Object> model, SandboxedTemplates t,
            Map<String, byte[]> out) {
        Path filesRoot = g.root().resolve(g.filesRoot());
        if (!Files.isDirectory(filesRoot)) {
            throw MxException.input(g.id() + "/generator.yaml: files root '" + g.filesRoot() + "' is not a directory");
        }
        List<Path> sources;
        Path realRoot;
        try (Stream<Path> s = Files.walk(filesRoot)) {
            sources = s.filter(Files::isRegularFile).sorted().toList();
            realRoot = g.root().toRealPath();
        } catch (IOException e) {
            throw new MxException(MxException.Kind.IO, g.id() + ": cannot list templates: " + e.getMessage(), e);
        }
        Map<PathMatcher, String> conditions = new LinkedHashMap<>();
        g.fileConditions().forEach((glob, expr) ->
                conditions.put(FileSystems.getDefault().getPathMatcher("glob:" + glob), expr));
        for (Path source : sources) {
            String rel = relative(filesRoot, source);
            confined(g, realRoot, source, rel);
            boolean include = true;
            for (var c : conditions.entrySet()) {
                if (c.getKey().matches(Path.of(rel))) {
                    include &= t.test(c.getValue(), model, g.id() + "/generator.yaml (files.when for " + rel + ")");
                }
            }
            if (!include) {
                continue;
            }
            String target = rel;
            if (target.contains("[=") || target.contains("[#")) {
                target = t.renderText(target, model, g.id() + "/" + g.filesRoot() + "/" + rel + " (file name)");
            }
            boolean template = target.endsWith(".ftl");
            if (template) {
                target = target.substring(0, target.length() - 4);
            }
            checkOutputPath(g, target);
            byte[] content;
            if (template) {
                content = t.renderFile(g.filesRoot() + "/" + rel, model).getBytes(StandardCharsets.UTF_8);
            } else {
                try {
                    content = Files.readAllBytes(source);
                } catch (IOException e) {
                    throw new MxException(MxException.Kind.IO, g.id() + ": cannot read " + rel, e);
                }
            }
            if (out.put(target, content) != null) {
                throw MxException.input(g.id() + ": two templates render to the same file '" + target + "'");
            }
        }
    }

    /**
     * A source file must really be inside the generator: a symbolic link to a file elsewhere (an
     * SSH key, a token) would otherwise be copied into the project verbatim.
     */
    private static void confined(GeneratorDescriptor g, Path realRoot, Path source, String rel) {
        Path real;
        try {
            real = source.toRealPath();
        } catch (IOException e) {
            throw new MxException(MxException.Kind.IO, g.id() + ": cannot read " + rel + ": " + e.getMessage(), e);
        }
        if (!real.startsWith(realRoot)) {
            throw MxException.input("generator " + g.id() + ": refusing to read " + g.filesRoot() + "/" + rel
                    + ": it is a symbolic link that leads outside the generator's directory");
        }
    }

    private static String relative(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path p : root.relativize(file)) {
            parts.add(p.toString());
        }
        return String.join("/", parts);
    }

    /** Rejects paths no generator may write, before any file system check. */
    private static void checkOutputPath(GeneratorDescriptor g, String path) {
        String why = null;
        if (path.isBlank() || path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
            why = "it is not a relative path";
        } else if (List.of(path.split("[/\\\\]")).stream().anyMatch(s -> s.equals("..") || s.isEmpty())) {
            why = "it contains '..' or an empty segment";
        } else if (path.equals(".mx") || path.startsWith(".mx/")) {
            why = ".mx/ belongs to mx itself";
        }
        if (why != null) {
            throw MxException.input("generator " + g.id() + " tried to write '" + path + "': refused, " + why);
        }
    }
}
