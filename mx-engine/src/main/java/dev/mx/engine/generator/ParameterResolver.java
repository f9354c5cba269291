package dev.mx.engine.generator;

import dev.mx.engine.MxException;
import dev.mx.engine.state.AppliedGenerator;
import dev.mx.engine.state.ProjectState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides every parameter's value before anything renders, in this order: a value given on
 * the command line, the value this generator was applied with before, the project's shared
 * answer of the same name, the descriptor's default (which may derive from earlier
 * parameters), and last a prompt. Every value, wherever it came from, is type-checked and
 * validated; all problems are reported together.
 */
public final class ParameterResolver {
    private ParameterResolver() {
    }

    public static Map<String, Object> resolve(
            GeneratorDescriptor g,
            ProjectState state,
            Map<String, String> given,
            Map<String, Object> builtIns,
            SandboxedTemplates templates,
            Prompter prompter) {
        List<String> problems = new ArrayList<>();
        for (String key : given.keySet()) {
            if (g.parameter(key).isEmpty()) {
                problems.add("unknown parameter '" + key + "' for generator " + g.id() + suggest(g, key)
                        + " (parameters: " + String.join(", ", g.parameters().stream().map(Parameter::name).toList())
                        + ")");
            }
        }
        Optional<AppliedGenerator> previous = state.generator(g.id());
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> model = new LinkedHashMap<>(builtIns);
        // Once a value is invalid, defaults derived from it would only repeat the same complaint.
        boolean earlierInvalid = false;
        for (Parameter p : g.parameters()) {
            Object value;
            String source = p.name();
            try {
                if (given.containsKey(p.name())) {
                    source = "--set " + p.name();
                    value = coerce(p, given.get(p.name()));
                } else if (previous.isPresent() && previous.get().parameters().containsKey(p.name())) {
                    source = ".mx/state.yaml (" + g.id() + " parameters)";
                    value = coerce(p, previous.get().parameters().get(p.name()));
                } else if (state.answers().containsKey(p.name())) {
                    source = ".mx/state.yaml (answers)";
                    value = coerce(p, state.answers().get(p.name()));
                } else if (p.hasDefault()) {
                    source = "the default of " + p.name();
                    value = coerce(p, renderDefault(p, model, templates, g));
                } else {
                    String answer = prompter == null ? null : prompter.ask(p);
                    source = "your answer for " + p.name();
                    if (answer == null) {
                        if (p.required()) {
                            problems.add("missing required parameter '" + p.name() + "'; pass --set " + p.name()
                                    + "=<value>" + (p.help() == null ? "" : " (" + p.help().strip() + ")"));
                            earlierInvalid = true;
                            values.put(p.name(), emptyValue(p));
                            model.put(p.name(), emptyValue(p));
                            continue; // already reported: no second complaint about the empty value
                        }
                        value = emptyValue(p);
                    } else {
                        value = coerce(p, answer);
                    }
                }
                boolean derived = !given.containsKey(p.name()) && source.startsWith("the default");
                String problem = validate(p, value);
                if (problem != null && !(derived && earlierInvalid)) {
                    problems.add(source + ": " + problem);
                }
                earlierInvalid |= problem != null;
            } catch (IllegalArgumentException e) {
                problems.add(source + ": " + e.getMessage());
                earlierInvalid = true;
                value = emptyValue(p);
            }
            values.put(p.name(), value);
            model.put(p.name(), value);
        }
        if (!problems.isEmpty()) {
            throw MxException.input("invalid parameters for " + g.id() + ":\n  - " + String.join("\n  - ", problems));
        }
        return values;
    }

    private static Object renderDefault(Parameter p, Map<String, Object> model, SandboxedTemplates t,
            GeneratorDescriptor g) {
        String where = g.id() + "/generator.yaml (default of " + p.name() + ")";
        if (p.defaultExpression() instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                out.add(t.renderText(String.valueOf(o), model, where));
            }
            return out;
        }
        return t.renderText(String.valueOf(p.defaultExpression()), model, where);
    }

    private static Object emptyValue(Parameter p) {
        return switch (p.type()) {
            case LIST -> List.of();
            case BOOL -> Boolean.FALSE;
            case INT -> 0L;
            default -> "";
        };
    }

    /** Turns text or a YAML value into the parameter's type; throws IllegalArgumentException with a clear reason. */
    public static Object coerce(Parameter p, Object raw) {
        switch (p.type()) {
            case INT -> {
                if (raw instanceof Long l) {
                    return l;
                }
                if (raw instanceof Integer i) {
                    return i.longValue();
                }
                try {
                    return Long.parseLong(String.valueOf(raw).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + raw + "' is not a whole number");
                }
            }
            case BOOL -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                String s = String.valueOf(raw).strip().toLowerCase(Locale.ROOT);
                return switch (s) {
                    case "true", "yes", "y", "on", "1" -> Boolean.TRUE;
                    case "false", "no", "n", "off", "0" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("'" + raw + "' is not true or false");
                };
            }
            case LIST -> {
                if (raw instanceof List<?> l) {
                    return l.stream().map(String::valueOf).toList();
                }
                String s = String.valueOf(raw).strip();
                if (s.startsWith("[") && s.endsWith("]")) {
                    s = s.substring(1, s.length() - 1);
                }
                if (s.isBlank()) {
                    return List.of();
                }
                List<String> out = new ArrayList<>();
                for (String part : s.split(",")) {
                    String v = part.strip();
                    if ((v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))
                            && v.length() >= 2) {
                        v = v.substring(1, v.length() - 1);
                    }
                    if (!v.isEmpty()) {
                        out.add(v);
                    }
                }
                return out;
            }
            default -> {
                if (raw instanceof List || raw instanceof Map) {
                    throw new IllegalArgumentException("expected a single value, got a list");
                }
                return String.valueOf(raw);
            }
        }
    }

    /** @return null when valid, else why not */
    public static String validate(Parameter p, Object value) {
        switch (p.type()) {
            case ENUM -> {
                if (!p.choices().contains(value)) {
                    return "'" + value + "' is not one of " + String.join(", ", p.choices());
                }
            }
            case INT -> {
                long v = (Long) value;
                if (p.min() != null && v < p.min()) {
                    return p.name() + " must be at least " + p.min() + ", got " + v;
                }
                if (p.max() != null && v > p.max()) {
                    return p.name() + " must be at most " + p.max() + ", got " + v;
                }
            }
            case STRING -> {
                String s = (String) value;
                if (p.required() && s.isEmpty()) {
                    return p.name() + " must not be empty";
                }
                if (p.pattern() != null && !(s.isEmpty() && !p.required()) && !Pattern.compile(p.pattern())
                        .matcher(s).matches()) {
                    return "'" + s + "' is not a valid " + p.name() + patternHelp(p);
                }
            }
            case LIST -> {
                if (p.pattern() != null) {
                    for (Object item : (List<?>) value) {
                        if (!Pattern.compile(p.pattern()).matcher(String.valueOf(item)).matches()) {
                            return "'" + item + "' is not a valid item of " + p.name() + patternHelp(p);
                        }
                    }
                }
            }
            default -> {
            }
        }
        return null;
    }

    private static String patternHelp(Parameter p) {
        return p.help() == null ? " (must match " + p.pattern() + ")" : " (" + p.help().strip() + ")";
    }

    private static String suggest(GeneratorDescriptor g, String key) {
        int limit = Math.max(1, key.length() / 3);
        return g.parameters().stream()
                .map(Parameter::name)
                .filter(n -> dev.mx.engine.text.Similarity.editDistance(n, key) <= limit)
                .min(java.util.Comparator.comparingInt(n -> dev.mx.engine.text.Similarity.editDistance(n, key)))
                .map(n -> " (did you mean '" + n + "'?)")
                .orElse("");
    }
}
