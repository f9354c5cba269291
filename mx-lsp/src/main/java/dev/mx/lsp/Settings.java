package dev.mx.lsp;

import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.RuleRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The user's settings, section {@code mx}:
 *
 * <pre>
 * { "mx": {
 *     "lint": { "rules": { "devspace/unknown-key": "warning", "mlproject/docker-env": "off" } },
 *     "generatorPath": ["~/generators"],
 *     "maxDocumentSize": 5000000 } }
 * </pre>
 *
 * Read leniently: the section may come wrapped as LemMinX clients send it
 * ({@code {"settings": {"mx": ...}}}), as {@code {"mx": ...}}, or bare. A bad value is reported
 * through {@code problems} and ignored; parsing never fails.
 *
 * @param ruleLevels per rule id: a severity, or empty for off; applied on top of the project's .mx/lint.yaml
 * @param generatorPath directories of generators instead of {@code MX_GENERATOR_PATH}, or null to use the environment
 * @param maxDocumentSize documents longer than this (in characters) get no features
 */
record Settings(Map<String, Optional<Severity>> ruleLevels, List<Path> generatorPath, int maxDocumentSize) {
    static final int DEFAULT_MAX_DOCUMENT_SIZE = 5_000_000;
    static final Settings DEFAULT = new Settings(Map.of(), null, DEFAULT_MAX_DOCUMENT_SIZE);

    Settings {
        ruleLevels = Map.copyOf(ruleLevels);
        generatorPath = generatorPath == null ? null : List.copyOf(generatorPath);
    }

    /** The {@code mx} section inside whatever the client sent, or null when there is none. */
    static JsonObject section(JsonElement sent) {
        JsonElement e = sent;
        if (e != null && e.isJsonObject() && e.getAsJsonObject().has("settings")) {
            e = e.getAsJsonObject().get("settings");
        }
        if (e != null && e.isJsonObject() && e.getAsJsonObject().has("mx")) {
            JsonElement mx = e.getAsJsonObject().get("mx");
            return mx.isJsonObject() ? mx.getAsJsonObject() : null;
        }
        if (e == null || !e.isJsonObject()) {
            return null;
        }
        JsonObject o = e.getAsJsonObject();
        boolean ours = o.has("lint") || o.has("generatorPath") || o.has("maxDocumentSize");
        return ours ? o : null;
    }

    /**
     * Reads an {@code mx} section (see {@link #section}); null gives the defaults.
     *
     * @param base directory that relative generator paths are resolved against (the workspace root), or null
     */
    static Settings parse(JsonObject mx, Path base, RuleRegistry rules, Consumer<String> problems) {
        if (mx == null) {
            return DEFAULT;
        }
        Map<String, Optional<Severity>> levels = new LinkedHashMap<>();
        List<Path> generatorPath = null;
        int maxSize = DEFAULT_MAX_DOCUMENT_SIZE;
        for (Map.Entry<String, JsonElement> e : mx.entrySet()) {
            JsonElement v = e.getValue();
            switch (e.getKey()) {
                case "lint" -> {
                    if (v.isJsonNull()) {
                        continue;
                    }
                    if (!v.isJsonObject()) {
                        problems.accept("mx.lint must be an object such as {\"rules\": {...}}");
                        continue;
                    }
                    for (Map.Entry<String, JsonElement> l : v.getAsJsonObject().entrySet()) {
                        if (l.getKey().equals("rules")) {
                            levels.putAll(levels(l.getValue(), rules, problems));
                        } else {
                            problems.accept("unknown setting mx.lint." + l.getKey() + " (known: mx.lint.rules)");
                        }
                    }
                }
                case "generatorPath" -> generatorPath = paths(v, base, problems);
                case "maxDocumentSize" -> {
                    if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() && v.getAsDouble() >= 1
                            && v.getAsDouble() <= Integer.MAX_VALUE && v.getAsDouble() == Math.rint(v.getAsDouble())) {
                        maxSize = v.getAsInt();
                    } else if (!v.isJsonNull()) {
                        problems.accept("mx.maxDocumentSize must be a positive whole number of characters, not " + v);
                    }
                }
                default -> problems.accept("unknown setting mx." + e.getKey()
                        + " (known: mx.lint.rules, mx.generatorPath, mx.maxDocumentSize)");
            }
        }
        return new Settings(levels, generatorPath, maxSize);
    }

    private static Map<String, Optional<Severity>> levels(JsonElement v, RuleRegistry rules, Consumer<String> problems) {
        Map<String, Optional<Severity>> out = new LinkedHashMap<>();
        if (v.isJsonNull()) {
            return out;
        }
        if (!v.isJsonObject()) {
            problems.accept("mx.lint.rules must map rule ids to error, warning, info, hint or off");
            return out;
        }
        for (Map.Entry<String, JsonElement> r : v.getAsJsonObject().entrySet()) {
            String id = r.getKey();
            if (!rules.isKnown(id)) {
                problems.accept("mx.lint.rules: unknown rule '" + id + "' (`mx rules` lists them)");
                continue;
            }
            JsonElement level = r.getValue();
            String s = level.isJsonPrimitive() ? level.getAsString().strip().toLowerCase(Locale.ROOT) : "";
            if (level.isJsonPrimitive() && level.getAsJsonPrimitive().isBoolean()) {
                s = level.getAsBoolean() ? "default" : "off";
            }
            switch (s) {
                case "off" -> out.put(id, Optional.empty());
                case "error", "warning", "info", "hint" -> out.put(id, Optional.of(Severity.parse(s)));
                case "default" -> { }
                default -> problems.accept("mx.lint.rules: '" + id + "' must be error, warning, info, hint or off, not "
                        + level);
            }
        }
        return out;
    }

    private static List<Path> paths(JsonElement v, Path base, Consumer<String> problems) {
        if (v.isJsonNull()) {
            return null;
        }
        List<JsonElement> items = new ArrayList<>();
        if (v.isJsonArray()) {
            ((JsonArray) v).forEach(items::add);
        } else if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
            items.add(v);
        } else {
            problems.accept("mx.generatorPath must be a list of directories");
            return null;
        }
        List<Path> out = new ArrayList<>();
        for (JsonElement item : items) {
            if (!(item instanceof JsonPrimitive p) || !p.isString() || p.getAsString().isBlank()) {
                problems.accept("mx.generatorPath: " + item + " is not a directory name");
                continue;
            }
            String s = p.getAsString().strip();
            try {
                Path path = s.equals("~") || s.startsWith("~/")
                        ? Path.of(System.getProperty("user.home")).resolve(s.substring(Math.min(2, s.length())))
                        : Path.of(s);
                if (!path.isAbsolute() && base != null) {
                    path = base.resolve(path);
                }
                out.add(path.normalize());
            } catch (RuntimeException e) {
                problems.accept("mx.generatorPath: '" + s + "' is not a valid path");
            }
        }
        return out;
    }
}
