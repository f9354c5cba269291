package dev.mx.engine.generator;

import dev.mx.engine.MxException;
import dev.mx.engine.io.MarkedYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and checks a {@code generator.yaml}; every mistake is reported at its line and column. */
public final class DescriptorLoader {
    public static final String DESCRIPTOR = "generator.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern PARAM_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private DescriptorLoader() {
    }

    public static GeneratorDescriptor load(Path root, GeneratorOrigin origin, String displayName) {
        Path file = root.resolve(DESCRIPTOR);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw MxException.at(displayName, -1, -1, "not valid UTF-8 text");
        } catch (IOException e) {
            throw new MxException(MxException.Kind.IO, displayName, -1, -1, "cannot read: " + e.getMessage(), e);
        }
        return parse(root, origin, displayName, text);
    }

    static GeneratorDescriptor parse(Path root, GeneratorOrigin origin, String displayName, String text) {
        MarkedYaml doc = MarkedYaml.parse(displayName, text);
        doc.onlyKeys("generator.yaml", "id", "version", "description", "help", "requires", "parameters", "files",
                "manifests", "next_steps", "post_apply");
        String id = requiredString(doc, "id");
        if (!ID.matcher(id).matches()) {
            throw doc.get("id").error("generator id '" + id + "' must be lowercase letters, digits and '-'");
        }
        String version = requiredString(doc, "version");
        String description = requiredString(doc, "description");
        String help = optionalString(doc, "help");

        List<String> requires = new ArrayList<>();
        if (doc.get("requires") != null && !doc.get("requires").isNull()) {
            for (MarkedYaml r : doc.get("requires").items()) {
                requires.add(r.string());
            }
        }

        List<Parameter> parameters = new ArrayList<>();
        if (doc.get("parameters") != null && !doc.get("parameters").isNull()) {
            for (MarkedYaml p : doc.get("parameters").items()) {
                Parameter param = parameter(p);
                if (parameters.stream().anyMatch(x -> x.name().equals(param.name()))) {
                    throw p.get("name").error("parameter '" + param.name() + "' is declared twice");
                }
                parameters.add(param);
            }
        }

        String filesRoot = null;
        Map<String, String> conditions = new LinkedHashMap<>();
        MarkedYaml files = doc.get("files");
        if (files != null && !files.isNull()) {
            files.onlyKeys("files", "root", "when");
            filesRoot = requiredString(files, "root");
            checkRelative(files.get("root"), filesRoot);
            MarkedYaml when = files.get("when");
            if (when != null && !when.isNull()) {
                when.entries().forEach((glob, expr) -> {
                    if (glob.startsWith("/") || glob.startsWith("\\") || glob.matches("^[A-Za-z]:.*")
                            || List.of(glob.split("[/\\\\]")).contains("..")) {
                        throw when.keyError(glob, "'" + glob + "' must be a glob relative to the files root"
                                + " (no absolute path, no '..')");
                    }
                    conditions.put(glob, expr.string());
                });
            }
        }

        List<ManifestContribution> manifests = new ArrayList<>();
        MarkedYaml ms = doc.get("manifests");
        if (ms != null && !ms.isNull()) {
            for (MarkedYaml m : ms.items()) {
                m.onlyKeys("a manifest contribution", "file", "create", "keys");
                String file = requiredString(m, "file");
                checkRelative(m.get("file"), file);
                String create = optionalString(m, "create");
                if (create != null) {
                    checkRelative(m.get("create"), create);
                }
                List<ManifestContribution.Key> keys = new ArrayList<>();
                if (m.get("keys") != null && !m.get("keys").isNull()) {
                    for (MarkedYaml k : m.get("keys").items()) {
                        k.onlyKeys("a manifest key", "path", "template", "when");
                        String template = requiredString(k, "template");
                        checkRelative(k.get("template"), template);
                        keys.add(new ManifestContribution.Key(requiredString(k, "path"), template,
                                optionalString(k, "when")));
                    }
                }
                manifests.add(new ManifestContribution(file, create, keys));
            }
        }
        String nextSteps = optionalString(doc, "next_steps");
        if (nextSteps != null) {
            checkRelative(doc.get("next_steps"), nextSteps);
        }
        List<PostApplyStep> postApply = new ArrayList<>();
        MarkedYaml pa = doc.get("post_apply");
        if (pa != null && !pa.isNull()) {
            for (MarkedYaml item : pa.items()) {
                postApply.add(postApplyStep(item));
            }
        }
        return new GeneratorDescriptor(id, version, description, help, requires, parameters, filesRoot, conditions,
                manifests, nextSteps, root, origin, postApply);
    }

    /** {@code {run: [program, args...], description: text, when: expr?, timeout_seconds: n?}}: an argv, no shell. */
    private static PostApplyStep postApplyStep(MarkedYaml item) {
        item.onlyKeys("a post_apply command", "run", "description", "when", "timeout_seconds");
        MarkedYaml run = item.get("run");
        if (run == null || run.isNull()) {
            throw item.error("missing required key 'run'");
        }
        if (!run.isSequence()) {
            throw run.error("'run' must be a list: the program and its arguments, e.g. [make, setup]"
                    + " (mx runs no shell, so pipes, '&&' and redirections are not available)");
        }
        List<String> argv = new ArrayList<>();
        for (MarkedYaml a : run.items()) {
            argv.add(scalarText(a));
        }
        if (argv.isEmpty() || argv.get(0).isBlank()) {
            throw run.error("'run' needs at least the program to run");
        }
        String description = requiredString(item, "description");
        Long seconds = number(item, "timeout_seconds");
        if (seconds != null && (seconds < 1 || seconds > 24 * 3600)) {
            throw item.get("timeout_seconds").error("'timeout_seconds' must be from 1 to 86400");
        }
        return new PostApplyStep(argv, optionalString(item, "when"), description,
                seconds == null ? PostApplyStep.DEFAULT_TIMEOUT : java.time.Duration.ofSeconds(seconds));
    }

    private static Parameter parameter(MarkedYaml p) {
        p.onlyKeys("a parameter", "name", "type", "default", "pattern", "help", "required", "scope", "choices", "min",
                "max");
        String name = requiredString(p, "name");
        if (!PARAM_NAME.matcher(name).matches()) {
            throw p.get("name").error("parameter name '" + name + "' must be snake_case (a-z, 0-9, _)");
        }
        String typeText = requiredString(p, "type");
        ParameterType type;
        try {
            type = ParameterType.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw p.get("type").error("unknown parameter type '" + typeText + "' (use string, int, bool, enum or list)");
        }
        Object def = null;
        MarkedYaml d = p.get("default");
        if (d != null && !d.isNull()) {
            if (type == ParameterType.LIST) {
                if (!d.isSequence()) {
                    throw d.error("the default of list parameter '" + name + "' must be a list");
                }
                List<String> items = new ArrayList<>();
                for (MarkedYaml i : d.items()) {
                    items.add(scalarText(i));
                }
                def = items;
            } else {
                def = scalarText(d);
            }
        }
        String pattern = optionalString(p, "pattern");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw p.get("pattern").error("invalid regular expression: " + e.getDescription());
            }
        }
        boolean required = bool(p, "required", false);
        String scope = optionalString(p, "scope");
        if (scope != null && !scope.equals("project") && !scope.equals("generator")) {
            throw p.get("scope").error("scope must be 'project' or 'generator'");
        }
        List<String> choices = new ArrayList<>();
        if (p.get("choices") != null) {
            for (MarkedYaml c : p.get("choices").items()) {
                choices.add(scalarText(c));
            }
        }
        if (type == ParameterType.ENUM && choices.isEmpty()) {
            throw p.keyError("type", "enum parameter '" + name + "' needs 'choices'");
        }
        if (type != ParameterType.ENUM && !choices.isEmpty()) {
            throw p.keyError("choices", "'choices' only applies to enum parameters");
        }
        Long min = number(p, "min");
        Long max = number(p, "max");
        if ((min != null || max != null) && type != ParameterType.INT) {
            throw p.keyError(min != null ? "min" : "max", "'min' and 'max' only apply to int parameters");
        }
        return new Parameter(name, type, def, pattern, optionalString(p, "help"), required, "project".equals(scope),
                choices, min, max);
    }

    private static String scalarText(MarkedYaml n) {
        if (!n.isScalar()) {
            throw n.error("expected a single value here");
        }
        return n.string();
    }

    private static void checkRelative(MarkedYaml at, String path) {
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")
                || List.of(path.split("[/\\\\]")).contains("..")) {
            throw at.error("'" + path + "' must be a relative path inside the generator");
        }
    }

    private static String requiredString(MarkedYaml m, String key) {
        MarkedYaml v = m.get(key);
        if (v == null || v.isNull()) {
            throw m.error("missing required key '" + key + "'");
        }
        return scalarText(v);
    }

    private static String optionalString(MarkedYaml m, String key) {
        MarkedYaml v = m.get(key);
        return v == null || v.isNull() ? null : scalarText(v);
    }

    private static boolean bool(MarkedYaml m, String key, boolean dflt) {
        MarkedYaml v = m.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!(v.toJava() instanceof Boolean b)) {
            throw v.error("'" + key + "' must be true or false");
        }
        return b;
    }

    private static Long number(MarkedYaml m, String key) {
        MarkedYaml v = m.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!(v.toJava() instanceof Long l)) {
            throw v.error("'" + key + "' must be a whole number");
        }
        return l;
    }
}
