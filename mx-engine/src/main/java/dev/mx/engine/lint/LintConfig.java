package dev.mx.engine.lint;

import dev.mx.engine.diag.Severity;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlParser;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A project's {@code .mx/lint.yaml}: a severity (or {@code off}) per rule, and per-path
 * overrides, later entries winning.
 *
 * <pre>
 * rules:
 *   devspace/unknown-key: warning
 * overrides:
 *   - files: ["legacy/**"]
 *     rules:
 *       devspace/unknown-key: off
 * </pre>
 */
public final class LintConfig {
    public static final String RELATIVE_PATH = ".mx/lint.yaml";
    public static final LintConfig EMPTY = new LintConfig(Map.of(), List.of());

    /** A rule's configured level: a severity, or empty for off. */
    public record Level(Optional<Severity> severity) {
        static final Level OFF = new Level(Optional.empty());
    }

    private record Override(List<PathMatcher> files, Map<String, Level> rules) {
    }

    private final Map<String, Level> rules;
    private final List<Override> overrides;

    private LintConfig(Map<String, Level> rules, List<Override> overrides) {
        this.rules = rules;
        this.overrides = overrides;
    }

    /** The config of the project at {@code root}, ignoring its mistakes (they are linted on their own). */
    public static LintConfig load(Path root) {
        Path file = root.resolve(".mx").resolve("lint.yaml");
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        try {
            return parse(YamlParser.parse(Files.readString(file, StandardCharsets.UTF_8)), RuleRegistry.standard(),
                    (r, m) -> { });
        } catch (IOException | RuntimeException e) {
            return EMPTY;
        }
    }

    /** Reads a config; every mistake goes to {@code problems} with its range, and is skipped. */
    public static LintConfig parse(ParsedYaml yaml, RuleRegistry registry, BiConsumer<Range, String> problems) {
        YamlNode root = yaml.root();
        if (root == null || (root instanceof YamlScalar s && s.isNull())) {
            return EMPTY;
        }
        if (!(root instanceof YamlMapping m)) {
            problems.accept(root.range(), "the lint config must be a mapping with 'rules' and 'overrides'");
            return EMPTY;
        }
        Map<String, Level> rules = new LinkedHashMap<>();
        List<Override> overrides = new ArrayList<>();
        for (YamlEntry e : m.entries()) {
            if (e.keyText() == null) {
                problems.accept(e.key().range(), "keys of the lint config must be plain text (rules, overrides)");
                continue;
            }
            switch (e.keyText()) {
                case "rules" -> rules.putAll(levels(e.value(), registry, problems));
                case "overrides" -> {
                    if (!(e.value() instanceof YamlSequence seq)) {
                        problems.accept(e.value().range(), "'overrides' must be a list of {files, rules}");
                        continue;
                    }
                    for (YamlNode item : seq.items()) {
                        Override o = override(item, registry, problems);
                        if (o != null) {
                            overrides.add(o);
                        }
                    }
                }
                default -> problems.accept(e.key().range(), "unknown key '" + e.keyText()
                        + "' in the lint config (allowed: rules, overrides)");
            }
        }
        return new LintConfig(rules, overrides);
    }

    private static Override override(YamlNode item, RuleRegistry registry, BiConsumer<Range, String> problems) {
        if (!(item instanceof YamlMapping m)) {
            problems.accept(item.range(), "each override must be a mapping with 'files' and 'rules'");
            return null;
        }
        List<PathMatcher> files = new ArrayList<>();
        Map<String, Level> rules = new LinkedHashMap<>();
        for (YamlEntry e : m.entries()) {
            if (e.keyText() == null) {
                problems.accept(e.key().range(), "keys of an override must be plain text (files, rules)");
                continue;
            }
            switch (e.keyText()) {
                case "files" -> {
                    List<YamlNode> globs = e.value() instanceof YamlSequence s ? s.items() : List.of(e.value());
                    for (YamlNode g : globs) {
                        if (g instanceof YamlScalar s && !s.isNull()) {
                            try {
                                files.add(FileSystems.getDefault().getPathMatcher("glob:" + s.value()));
                            } catch (RuntimeException ex) {
                                problems.accept(g.range(), "invalid glob '" + s.value() + "'");
                            }
                        } else {
                            problems.accept(g.range(), "'files' takes glob patterns such as legacy/**");
                        }
                    }
                }
                case "rules" -> rules.putAll(levels(e.value(), registry, problems));
                default -> problems.accept(e.key().range(), "unknown key '" + e.keyText()
                        + "' in an override (allowed: files, rules)");
            }
        }
        if (files.isEmpty()) {
            problems.accept(item.range(), "an override needs 'files'");
            return null;
        }
        return new Override(files, rules);
    }

    private static Map<String, Level> levels(YamlNode node, RuleRegistry registry, BiConsumer<Range, String> problems) {
        Map<String, Level> out = new LinkedHashMap<>();
        if (node instanceof YamlScalar s && s.isNull()) {
            return out;
        }
        if (!(node instanceof YamlMapping m)) {
            problems.accept(node.range(), "'rules' must map rule ids to error, warning, info, hint or off");
            return out;
        }
        for (YamlEntry e : m.entries()) {
            String id = e.keyText();
            if (id == null) {
                problems.accept(e.key().range(), "rule ids must be plain text, such as devspace/unknown-key");
                continue;
            }
            if (!registry.isKnown(id)) {
                String hint = registry.all().stream().map(r -> r.meta().id())
                        .filter(k -> dev.mx.engine.text.Similarity.editDistance(k, id) <= 3).findFirst()
                        .map(k -> " (did you mean '" + k + "'?)").orElse("");
                problems.accept(e.key().range(), "unknown rule '" + id + "'" + hint + "; `mx rules` lists them");
                continue;
            }
            String v = e.value() instanceof YamlScalar s ? s.value().strip().toLowerCase(Locale.ROOT) : "";
            switch (v) {
                case "off", "false" -> out.put(id, Level.OFF);
                case "error", "warning", "info", "hint" -> out.put(id, new Level(Optional.of(Severity.parse(v))));
                default -> problems.accept(e.value().range(), "severity must be error, warning, info, hint or off");
            }
        }
        return out;
    }

    /**
     * The level for {@code rule} in a file at {@code relativePath} (relative to the project root,
     * '/'-separated), or null when the config says nothing.
     */
    public Level levelFor(String rule, String relativePath) {
        Level level = rules.get(rule);
        for (Override o : overrides) {
            if (o.rules().containsKey(rule) && relativePath != null
                    && o.files().stream().anyMatch(f -> f.matches(Path.of(relativePath)))) {
                level = o.rules().get(rule);
            }
        }
        return level;
    }
}
