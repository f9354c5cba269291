package dev.mx.engine.service.symbols;

import static dev.mx.engine.lint.devspace.DevspaceFiles.get;
import static dev.mx.engine.lint.devspace.DevspaceFiles.mapping;
import static dev.mx.engine.lint.devspace.DevspaceFiles.text;

import dev.mx.engine.MxException;
import dev.mx.engine.generator.DescriptorLoader;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.lint.ProjectView;
import dev.mx.engine.lint.devspace.DevspaceFiles;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.LocationItem;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlScalar;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go to definition. A path to another file opens it (a directory or glob of kubectl manifests
 * offers the manifests in it); in devspace.yaml an image or deployment named by a
 * {@code ${runtime.images.NAME...}} variable, a {@code dev.*.imageSelector}, a pipeline function
 * such as {@code create_deployments NAME} or a hook event such as {@code before:deploy:NAME} goes
 * to its key; in an MLproject a command's {@code {param}} goes to its declaration; in the state
 * file a generator id opens that generator's {@code generator.yaml} when it is a directory on
 * disk (built-ins packaged in the mx jar have no file to open).
 */
public final class DefinitionProvider {
    private static final Pattern RUNTIME_IMAGE = Pattern.compile("\\$\\{\\s*runtime\\.images\\.([A-Za-z0-9_-]+)[^}]*}?");

    /** Pipeline functions whose plain arguments name things of one section. */
    private static final Map<String, String> FUNCTIONS = dev.mx.engine.service.completion.PipelineScripts.NAME_ARGS;

    private DefinitionProvider() {
    }

    public static List<LocationItem> definition(MxLanguageService service, DocumentModel doc, Position position,
            CancelChecker cancel) {
        if (doc.path() == null) {
            return List.of();
        }
        FileRefs.Ref ref = FileRefs.at(FileRefs.of(doc, cancel), position);
        if (ref != null) {
            return ref.definitionTargets().stream().map(DefinitionProvider::top).toList();
        }
        cancel.checkCanceled();
        Nav.At at = Nav.at(doc.yaml(), position);
        YamlScalar s = at.scalar();
        if (s == null || at.onKey()) {
            return List.of();
        }
        Path file = doc.path().toAbsolutePath().normalize();
        return switch (doc.kind()) {
            case DEVSPACE -> in(file, devspace(doc.yaml(), at, s, position));
            case MLPROJECT -> in(file, mlproject(doc.yaml(), at, s, position));
            case STATE -> generatorFile(service, doc, at, s).map(p -> List.of(top(p))).orElse(List.of());
            default -> List.of();
        };
    }

    private static List<LocationItem> in(Path file, List<Range> ranges) {
        return ranges.stream().map(r -> new LocationItem(file, r)).toList();
    }

    private static LocationItem top(Path p) {
        return new LocationItem(p, Range.of(0, 0, 0, 0));
    }

    // devspace.yaml

    private static List<Range> devspace(ParsedYaml yaml, Nav.At at, YamlScalar s, Position p) {
        YamlMapping root = mapping(yaml.root());
        String src = yaml.textOf(s.range());
        int cursor = yaml.lines().offset(p) - yaml.lines().offset(s.range().start());
        Matcher m = RUNTIME_IMAGE.matcher(src);
        while (m.find()) {
            if (m.start() <= cursor && cursor <= m.end()) {
                return keys(root, "images", m.group(1));
            }
        }
        List<Object> steps = at.sectionSteps();
        if (Nav.matches(steps, "dev", "*", "imageSelector")) {
            return imagesFor(root, s.value().strip());
        }
        if (Nav.matches(steps, "hooks", "#", "events", "#") || Nav.matches(steps, "hooks", "#", "events")) {
            String[] parts = s.value().strip().split(":");
            if (parts.length == 3 && !parts[2].contains("*")) {
                String section = switch (parts[1]) {
                    case "deploy", "purge", "render" -> "deployments";
                    case "build" -> "images";
                    default -> null;
                };
                return section == null ? List.of() : keys(root, section, parts[2]);
            }
            return List.of();
        }
        if (Nav.matches(steps, "pipelines", "*", "run") || Nav.matches(steps, "functions", "*")) {
            return functionArgument(root, src, cursor);
        }
        return List.of();
    }

    /** The key of {@code section.name}: the top level's, else every profile's that defines it. */
    private static List<Range> keys(YamlMapping root, String section, String name) {
        YamlEntry top = DevspaceFiles.entry(root.get(section), name);
        if (top != null) {
            return List.of(top.key().range());
        }
        List<Range> out = new ArrayList<>();
        for (YamlMapping m : Nav.sections(root, section)) {
            YamlEntry e = m.entry(name);
            if (e != null) {
                out.add(e.key().range());
            }
        }
        return out;
    }

    /** Images whose {@code image} an imageSelector names (with or without a tag or digest). */
    private static List<Range> imagesFor(YamlMapping root, String selector) {
        List<Range> out = new ArrayList<>();
        if (selector.isEmpty()) {
            return out;
        }
        for (YamlMapping images : Nav.sections(root, "images")) {
            for (YamlEntry e : images.entries()) {
                String image = text(get(e.value(), "image"));
                if (image != null && !image.isBlank()) {
                    String i = image.strip();
                    if (selector.equals(i) || selector.startsWith(i + ":") || selector.startsWith(i + "@")) {
                        out.add(e.key().range());
                    }
                }
            }
            if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    /**
     * In a pipeline script: the word at the cursor when it is a plain argument of a function such
     * as {@code create_deployments}, resolved in that function's section.
     */
    private static List<Range> functionArgument(YamlMapping root, String src, int cursor) {
        if (cursor < 0 || cursor > src.length()) {
            return List.of();
        }
        int lineStart = src.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        int lineEnd = src.indexOf('\n', cursor);
        String line = src.substring(lineStart, lineEnd < 0 ? src.length() : lineEnd);
        int c = cursor - lineStart;
        // the simple command around the cursor: split at ; & | ( ) and stop at a comment
        int cmdStart = 0;
        for (int i = 0; i < c && i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == ';' || ch == '&' || ch == '|' || ch == '(' || ch == ')') {
                cmdStart = i + 1;
            } else if (ch == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return List.of();
            }
        }
        Matcher w = Pattern.compile("[^\\s;&|()]+").matcher(line);
        w.region(cmdStart, line.length());
        String function = null;
        while (w.find()) {
            if (function == null) {
                function = w.group();
                if (w.start() <= c && c <= w.end()) {
                    return List.of(); // the function name itself
                }
                continue;
            }
            if (w.start() <= c && c <= w.end()) {
                String section = FUNCTIONS.get(function);
                String word = w.group();
                if (section == null || word.startsWith("-") || word.contains("=")) {
                    return List.of();
                }
                return keys(root, section, word);
            }
            if (w.start() > c) {
                break;
            }
        }
        return List.of();
    }

    // MLproject

    private static List<Range> mlproject(ParsedYaml yaml, Nav.At at, YamlScalar s, Position p) {
        List<Object> steps = at.steps();
        if (!Nav.matches(steps, "entry_points", "*", "command")) {
            return List.of();
        }
        String src = yaml.textOf(s.range());
        int cursor = yaml.lines().offset(p) - yaml.lines().offset(s.range().start());
        String name = placeholderAt(src, cursor);
        if (name == null) {
            return List.of();
        }
        YamlMapping params = mapping(get(get(mapping(yaml.root()).get("entry_points"), (String) steps.get(1)),
                "parameters"));
        YamlEntry e = params == null ? null : params.entry(name);
        return e == null ? List.of() : List.of(e.key().range());
    }

    /**
     * The name of the {@code str.format} field ({@code {name}}, {@code {name:spec}}) around an
     * offset of the command as written; {@code {{} and {@code }}} are literal braces.
     */
    static String placeholderAt(String src, int cursor) {
        int i = 0;
        while (i < src.length()) {
            char ch = src.charAt(i);
            if (ch == '{') {
                if (i + 1 < src.length() && src.charAt(i + 1) == '{') {
                    i += 2;
                    continue;
                }
                int end = src.indexOf('}', i + 1);
                if (end < 0) {
                    return null;
                }
                if (i <= cursor && cursor <= end + 1) {
                    String field = src.substring(i + 1, end);
                    int cut = field.length();
                    for (char stop : new char[] {'.', '[', '!', ':'}) {
                        int k = field.indexOf(stop);
                        if (k >= 0 && k < cut) {
                            cut = k;
                        }
                    }
                    String name = field.substring(0, cut).strip();
                    return name.isEmpty() ? null : name;
                }
                i = end + 1;
            } else if (ch == '}' && i + 1 < src.length() && src.charAt(i + 1) == '}') {
                i += 2;
            } else {
                i++;
            }
        }
        return null;
    }

    // .mx/state.yaml

    private static Optional<Path> generatorFile(MxLanguageService service, DocumentModel doc, Nav.At at,
            YamlScalar s) {
        if (!Nav.matches(at.steps(), "generators", "#", "id") || at.onKey()) {
            return Optional.empty();
        }
        Path root = ProjectView.findRoot(doc.path().toAbsolutePath().normalize().getParent());
        try {
            return service.engine().catalog(root).find(s.value().strip()).flatMap(DefinitionProvider::descriptorFile);
        } catch (MxException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** A generator's {@code generator.yaml} when it is a file on disk; empty inside a jar. */
    static Optional<Path> descriptorFile(GeneratorDescriptor g) {
        Path root = g.root();
        if (root == null || root.getFileSystem() != FileSystems.getDefault()) {
            return Optional.empty();
        }
        Path f = root.resolve(DescriptorLoader.DESCRIPTOR).toAbsolutePath().normalize();
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }
}
