package dev.mx.engine.lint;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.core.CoreRules;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the rules of a file's kind on its positioned YAML model, then applies the project's
 * {@code .mx/lint.yaml} and inline suppressions. Never throws on bad input: unreadable or
 * binary files, broken YAML and crashing rules all become diagnostics.
 */
public final class Linter {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target", ".venv", "venv",
            "__pycache__", ".terraform", ".devspace");

    /** Every inline suppression directive contains this word ({@link Suppressions}). */
    private static final String SUPPRESSION_WORD = "mx-lint-disable-next-line";

    private Linter() {
    }

    /**
     * One file to lint, as text (from disk or an editor buffer).
     *
     * @param parsed the text already parsed (an editor's document model), or null to parse here
     */
    public record Request(String display, String text, FileKind kind, ProjectView project, LintConfig config,
            RuleRegistry registry, ParsedYaml parsed) {

        public Request(String display, String text, FileKind kind, ProjectView project, LintConfig config,
                RuleRegistry registry) {
            this(display, text, kind, project, config, registry, null);
        }
    }

    /** The known files under each path (a file is taken as given, a directory is searched). */
    public static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                Files.walkFileTree(p, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        Path n = dir.getFileName();
                        return n != null && !dir.equals(p) && SKIPPED_DIRS.contains(n.toString())
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && FileKind.of(file).isPresent()) {
                            out.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                out.add(p);
            }
        }
        addImports(out);
        out.sort(null);
        return out;
    }

    /** Files a devspace.yaml imports are DevSpace config too, whatever their name. */
    private static void addImports(List<Path> files) {
        List<Path> queue = new ArrayList<>(files);
        java.util.Set<Path> seen = new java.util.HashSet<>();
        files.forEach(f -> seen.add(f.toAbsolutePath().normalize()));
        while (!queue.isEmpty()) {
            Path f = queue.remove(queue.size() - 1);
            if (FileKind.of(f).orElse(null) != FileKind.DEVSPACE && !seen.contains(f.toAbsolutePath().normalize())) {
                continue;
            }
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            for (String rel : dev.mx.engine.lint.devspace.DevspaceImports.localImports(YamlParser.parse(text))) {
                try {
                    Path p = f.toAbsolutePath().normalize().getParent().resolve(rel).normalize();
                    if (Files.isDirectory(p)) {
                        p = p.resolve("devspace.yaml");
                    }
                    if (Files.isRegularFile(p) && seen.add(p)) {
                        Path shown = f.getParent() == null ? Path.of(rel) : f.getParent().resolve(rel).normalize();
                        files.add(Files.isDirectory(shown) ? shown.resolve("devspace.yaml") : shown);
                        queue.add(p);
                    }
                } catch (RuntimeException e) {
                    // an import path that is not a valid path here: devspace/import reports it
                }
            }
        }
    }

    /** Lints one file on disk with its project's config; {@code display} is how diagnostics name it. */
    public static List<Diagnostic> lintFile(Path file, String display) {
        // A file named on the command line that is no known kind (an imported base.yaml) is read as DevSpace config.
        FileKind kind = FileKind.of(file).orElse(guess(file));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return List.of(new Diagnostic(display, Range.of(0, 0, 0, 0), Severity.ERROR, CoreRules.ENCODING.id(),
                    "cannot read the file: " + e.getMessage()));
        }
        String text;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            // where the first byte that is not UTF-8 is, in the text before it
            out.flip();
            Position at = new LineMap(out.toString()).position(out.length());
            return List.of(new Diagnostic(display, new Range(at, new Position(at.line(), at.column() + 1)),
                    Severity.ERROR, CoreRules.ENCODING.id(), String.format("not UTF-8 text: byte 0x%02X here is"
                            + " not UTF-8 (is it a binary file, or saved in another encoding?)",
                            bytes[in.position()] & 0xFF)));
        }
        decoder.flush(out);
        out.flip();
        text = out.toString();
        ProjectView project = ProjectView.onDisk(file);
        return lint(new Request(display, text, kind, project, LintConfig.load(project.projectRoot()),
                RuleRegistry.standard()));
    }

    private static FileKind guess(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.contains("mlproject")) {
            return FileKind.MLPROJECT;
        }
        if (n.equals("state.yaml")) {
            return FileKind.STATE;
        }
        return FileKind.DEVSPACE;
    }

    /** Lints text as the given kind with no project around it (tests, stdin). */
    public static List<Diagnostic> lintText(String text, String display, FileKind kind) {
        return lint(new Request(display, text, kind, ProjectView.onDisk(Path.of(display).toAbsolutePath()),
                LintConfig.EMPTY, RuleRegistry.standard()));
    }

    public static List<Diagnostic> lint(Request r) {
        List<Diagnostic> raw;
        if (r.text().indexOf('\0') >= 0) {
            raw = List.of(new Diagnostic(r.display(), Range.of(0, 0, 0, 0), Severity.ERROR, CoreRules.ENCODING.id(),
                    "the file contains NUL bytes (is it a binary file?)"));
        } else {
            // an editor already parsed this version: parsing again would double the cost on big files
            ParsedYaml yaml = r.parsed() != null && r.parsed().text().equals(r.text()) ? r.parsed()
                    : YamlParser.parse(r.text());
            LintContext ctx = new LintContext(r.display(), r.kind(), yaml,
                    r.project() == null ? null : new MemoProjectView(r.project()));
            for (LintRule rule : r.registry().forKind(r.kind())) {
                ctx.startRule(rule.meta());
                try {
                    rule.check(ctx);
                } catch (RuntimeException | StackOverflowError e) {
                    ctx.add(new Diagnostic(r.display(), Range.of(0, 0, 0, 0), Severity.ERROR,
                            CoreRules.RULE_CRASHED.id(), "rule " + rule.meta().id() + " failed on this file: " + e
                            + " (a bug in mx, not in your file)"));
                } catch (OutOfMemoryError e) {
                    // what the rule allocated is garbage now: report it and let the other rules run
                    ctx.add(new Diagnostic(r.display(), Range.of(0, 0, 0, 0), Severity.ERROR,
                            CoreRules.RULE_CRASHED.id(), "rule " + rule.meta().id() + " ran out of memory on this"
                            + " file (" + yaml.lines().lineCount() + " lines); give mx more memory (-Xmx) or split"
                            + " the file"));
                }
            }
            // a directive names itself: a file without the word has none, and its lines need no matching
            if (yaml.text().contains(SUPPRESSION_WORD)) {
                Suppressions suppressions = new Suppressions(yaml.lines());
                suppressions.directives.forEach((line, ids) -> {
                    for (String id : ids) {
                        if (!id.equals("*") && !r.registry().isKnown(id)) {
                            int col = yaml.lines().line(line).indexOf(id);
                            ctx.add(new Diagnostic(r.display(), Range.of(line, Math.max(0, col), line,
                                    Math.max(0, col) + id.length()), CoreRules.UNKNOWN_SUPPRESSION.defaultSeverity(),
                                    CoreRules.UNKNOWN_SUPPRESSION.id(), "unknown rule '" + id + "' in suppression"));
                        }
                    }
                });
                raw = ctx.diagnostics().stream().filter(d -> !suppressions.suppressed(d)).toList();
            } else {
                raw = ctx.diagnostics();
            }
        }
        String rel = relative(r.project(), r.display());
        List<Diagnostic> out = new ArrayList<>();
        java.util.Map<String, java.util.Optional<LintConfig.Level>> levels = new java.util.HashMap<>();
        for (Diagnostic d : raw) {
            LintConfig.Level level = levels.computeIfAbsent(d.rule(),
                    rule -> java.util.Optional.ofNullable(r.config().levelFor(rule, rel))).orElse(null);
            if (level == null) {
                out.add(d);
            } else if (level.severity().isPresent()) {
                out.add(new Diagnostic(d.file(), d.range(), level.severity().get(), d.rule(), d.message(), d.fixes()));
            }
        }
        out.sort(Comparator.comparing((Diagnostic d) -> d.range().start()).thenComparing(Diagnostic::rule));
        return out;
    }

    /** The file's path relative to the project root, for per-path overrides. */
    private static String relative(ProjectView project, String display) {
        try {
            Path abs = Path.of(display).toAbsolutePath().normalize();
            Path root = project.projectRoot();
            return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : display;
        } catch (RuntimeException e) {
            return display;
        }
    }

    /**
     * The project as seen by one lint run, each path looked up once: a large devspace.yaml names the
     * same Dockerfile or manifest folder hundreds of times.
     */
    private static final class MemoProjectView implements ProjectView {
        private final ProjectView project;
        private final java.util.Map<String, Boolean> exists = new java.util.HashMap<>();
        private final java.util.Map<String, Boolean> directories = new java.util.HashMap<>();
        private final java.util.Map<String, java.util.Optional<String>> reads = new java.util.HashMap<>();

        MemoProjectView(ProjectView project) {
            this.project = project;
        }

        @Override
        public Path baseDir() {
            return project.baseDir();
        }

        @Override
        public Path projectRoot() {
            return project.projectRoot();
        }

        @Override
        public boolean exists(String relativePath) {
            return exists.computeIfAbsent(relativePath, project::exists);
        }

        @Override
        public boolean isDirectory(String relativePath) {
            return directories.computeIfAbsent(relativePath, project::isDirectory);
        }

        @Override
        public java.util.Optional<String> read(String relativePath) {
            return reads.computeIfAbsent(relativePath, project::read);
        }
    }
}
