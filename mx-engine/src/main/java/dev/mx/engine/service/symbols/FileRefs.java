package dev.mx.engine.service.symbols;

import static dev.mx.engine.lint.devspace.DevspaceFiles.get;
import static dev.mx.engine.lint.devspace.DevspaceFiles.mapping;
import static dev.mx.engine.lint.devspace.DevspaceFiles.scalar;
import static dev.mx.engine.lint.devspace.DevspaceFiles.sequence;

import dev.mx.engine.lint.ProjectView;
import dev.mx.engine.lint.devspace.DevspaceFiles;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The paths to other files a document names, with where each is written: what document links
 * and go to definition share. DevSpace and MLflow resolve them against the document's folder; the
 * state file's paths are relative to the project root.
 */
final class FileRefs {
    /** Most files one directory or glob reference offers as definitions. */
    static final int MAX_TARGETS = 50;

    private static final Pattern COMMAND_TOKEN = Pattern.compile("[^\\s\"'=,;{}()<>|&]+");

    private FileRefs() {
    }

    /**
     * One path written in a document.
     *
     * @param range where the path is written (without quotes)
     * @param value the path as written
     * @param base the folder it is relative to
     * @param patterns true where globs and directories are allowed (kubectl manifests)
     */
    record Ref(Range range, String value, Path base, boolean patterns) {
        boolean isGlob() {
            return patterns && value.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
        }

        /** The path, or null when it cannot be a path on this system. */
        Path resolved() {
            try {
                return base.resolve(value).normalize();
            } catch (InvalidPathException e) {
                return null;
            }
        }

        /** The folder before a glob's first wildcard. */
        Path globBase() {
            int cut = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '*' || c == '?' || c == '[' || c == '{') {
                    break;
                }
                if (c == '/') {
                    cut = i + 1;
                }
            }
            try {
                return base.resolve(value.substring(0, cut)).normalize();
            } catch (InvalidPathException e) {
                return null;
            }
        }

        /** What a link opens: the file or directory, a glob's directory; null when nothing is there. */
        Path linkTarget() {
            Path p = isGlob() ? globBase() : resolved();
            if (p == null || !Files.exists(p) || (!patterns && !Files.isRegularFile(p))) {
                return null;
            }
            return p;
        }

        /** What go to definition opens: the file, a directory's manifests, a glob's matches. */
        List<Path> definitionTargets() {
            if (isGlob()) {
                return globMatches();
            }
            Path p = resolved();
            if (p == null) {
                return List.of();
            }
            if (Files.isRegularFile(p)) {
                return List.of(p);
            }
            if (patterns && Files.isDirectory(p)) {
                return list(p, f -> manifestFile(f));
            }
            return List.of();
        }

        private List<Path> globMatches() {
            Path dir = globBase();
            if (dir == null || !Files.isDirectory(dir)) {
                return List.of();
            }
            PathMatcher m;
            try {
                m = FileSystems.getDefault().getPathMatcher("glob:" + (value.startsWith("./") ? value.substring(2) : value));
            } catch (RuntimeException e) {
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            try (Stream<Path> s = Files.walk(dir, 8)) {
                s.filter(Files::isRegularFile).filter(f -> m.matches(base.relativize(f))).sorted().limit(MAX_TARGETS)
                        .forEach(out::add);
            } catch (IOException | RuntimeException e) {
                return out;
            }
            return out;
        }
    }

    private static boolean manifestFile(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(keep).sorted().limit(MAX_TARGETS).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Every path reference of a document on disk; empty for unsaved buffers. */
    static List<Ref> of(DocumentModel doc, CancelChecker cancel) {
        if (doc.path() == null || doc.kind() == null) {
            return List.of();
        }
        YamlMapping root = mapping(doc.yaml().root());
        if (root == null) {
            return List.of();
        }
        Path file = doc.path().toAbsolutePath().normalize();
        Path folder = file.getParent();
        List<Ref> out = new ArrayList<>();
        switch (doc.kind()) {
            case DEVSPACE -> devspace(root, folder, out, cancel);
            case MLPROJECT -> mlproject(doc, root, folder, out);
            case STATE -> state(root, ProjectView.findRoot(folder), out);
            default -> {
            }
        }
        out.sort((a, b) -> a.range().start().compareTo(b.range().start()));
        return out;
    }

    private static void devspace(YamlMapping root, Path base, List<Ref> out, CancelChecker cancel) {
        for (YamlMapping deployments : Nav.sections(root, "deployments")) {
            cancel.checkCanceled();
            for (YamlEntry d : deployments.entries()) {
                YamlNode kubectl = get(d.value(), "kubectl");
                items(get(kubectl, "manifests"), base, true, out);
                YamlNode helm = get(d.value(), "helm");
                items(get(helm, "valuesFiles"), base, false, out);
                YamlScalar chart = scalar(get(get(helm, "chart"), "name"));
                if (chart != null && isLocal(chart.value())) {
                    add(chart, base, true, out);
                }
            }
        }
        for (YamlMapping images : Nav.sections(root, "images")) {
            for (YamlEntry i : images.entries()) {
                YamlScalar dockerfile = scalar(get(i.value(), "dockerfile"));
                if (dockerfile != null) {
                    add(dockerfile, base, false, out);
                }
            }
        }
        YamlSequence imports = sequence(root.get("imports"));
        if (imports != null) {
            for (YamlNode imp : imports.items()) {
                YamlScalar path = scalar(get(imp, "path"));
                if (path != null) {
                    add(path, base, false, out);
                }
            }
        }
    }

    /** A chart name that is a folder (DevSpace reads {@code ./chart}) rather than a repository chart. */
    private static boolean isLocal(String v) {
        String t = v.strip();
        return t.startsWith("./") || t.startsWith("../") || t.startsWith("/");
    }

    private static void items(YamlNode list, Path base, boolean patterns, List<Ref> out) {
        YamlSequence s = sequence(list);
        if (s == null) {
            YamlScalar one = scalar(list);
            if (one != null) {
                add(one, base, patterns, out);
            }
            return;
        }
        for (YamlNode item : s.items()) {
            YamlScalar v = scalar(item);
            if (v != null) {
                add(v, base, patterns, out);
            }
        }
    }

    private static void add(YamlScalar s, Path base, boolean patterns, List<Ref> out) {
        String v = s.value().strip();
        if (v.isEmpty() || DevspaceFiles.isDynamic(v) || v.contains("://")) {
            return;
        }
        out.add(new Ref(Nav.inner(s), v, base, patterns));
    }

    private static void mlproject(DocumentModel doc, YamlMapping root, Path base, List<Ref> out) {
        for (String env : List.of("python_env", "conda_env")) {
            YamlScalar s = scalar(root.get(env));
            if (s != null) {
                add(s, base, false, out);
            }
        }
        YamlMapping eps = mapping(root.get("entry_points"));
        if (eps == null) {
            return;
        }
        for (YamlEntry ep : eps.entries()) {
            YamlScalar command = scalar(get(ep.value(), "command"));
            if (command != null) {
                commandFiles(doc, command, base, out);
            }
        }
    }

    /**
     * Scripts and config files named in an entry point's command ({@code python src/train.py}):
     * words of the command as written that look like a path and are a file next to the MLproject.
     */
    private static void commandFiles(DocumentModel doc, YamlScalar command, Path base, List<Ref> out) {
        LineMap lines = doc.lines();
        int start = lines.offset(command.range().start());
        String src = doc.yaml().textOf(command.range());
        Matcher m = COMMAND_TOKEN.matcher(src);
        while (m.find()) {
            String word = m.group();
            if (!word.contains(".") && !word.contains("/") || word.startsWith("-") || word.endsWith(".")) {
                continue;
            }
            Ref r = new Ref(new Range(lines.position(start + m.start()), lines.position(start + m.end())), word,
                    base, false);
            Path p = r.resolved();
            if (p != null && Files.isRegularFile(p)) {
                out.add(r);
            }
        }
    }

    private static void state(YamlMapping root, Path projectRoot, List<Ref> out) {
        YamlSequence gens = sequence(root.get("generators"));
        if (gens == null) {
            return;
        }
        for (YamlNode g : gens.items()) {
            for (String section : List.of("files", "manifests")) {
                YamlMapping m = mapping(get(g, section));
                if (m == null) {
                    continue;
                }
                for (YamlEntry e : m.entries()) {
                    if (e.key() instanceof YamlScalar k && !k.value().isBlank()) {
                        out.add(new Ref(Nav.inner(k), k.value(), projectRoot, false));
                    }
                }
            }
        }
    }

    /** The reference written at a position, or null. */
    static Ref at(List<Ref> refs, Position p) {
        for (Ref r : refs) {
            if (r.range().contains(p)) {
                return r;
            }
        }
        return null;
    }
}
