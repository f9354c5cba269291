package dev.mx.engine.service.completion;

import dev.mx.engine.generator.GeneratorCatalog;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.generator.Parameter;
import dev.mx.engine.generator.ParameterType;
import dev.mx.engine.service.CompletionItem;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.text.Range;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code .mx/state.yaml}: generator ids from the project's catalog, a generator's parameters and
 * their values, and the answers generators share.
 */
public final class StateCompletions {
    public static final String GENERATORS_KEY = "generators";
    public static final String PARAMETERS_KEY = "parameters";
    public static final String ANSWERS_KEY = "answers";

    private StateCompletions() {
    }

    static void complete(MxLanguageService service, DocumentModel doc, CursorContext ctx, Items items) {
        List<String> path = ctx.path();
        Spec root = StateModel.root();
        if (ctx.kind() == CursorContext.Kind.KEY) {
            if (path.equals(List.of(ANSWERS_KEY))) {
                answerKeys(catalog(service, doc), ctx, items);
            } else if (isParameters(path)) {
                GeneratorDescriptor g = generatorOf(catalog(service, doc), ctx, ctx.ancestors().size() - 1);
                if (g != null) {
                    parameterKeys(g, ctx, items);
                }
            } else {
                KeyCompletions.complete(ctx, root.at(path), items);
            }
            return;
        }
        if (ctx.kind() != CursorContext.Kind.VALUE) {
            return;
        }
        Range token = ctx.wordRange(c -> !Character.isWhitespace(c) && c != ',' && c != '[' && c != ']',
                ctx.valueStart());
        if (path.equals(List.of(GENERATORS_KEY, YamlOutline.ITEM, "id"))) {
            for (GeneratorDescriptor g : catalog(service, doc).all()) {
                items.value(g.id(), CompletionItem.Kind.GENERATOR, g.version() + " · " + origin(g),
                        generatorDoc(g), token, g.id());
            }
        } else if (path.equals(List.of(GENERATORS_KEY, YamlOutline.ITEM, "version"))) {
            String id = itemValue(ctx.outline(), ctx.line(), ctx.keyColumn(), ctx.newItem(), "id");
            catalog(service, doc).find(id == null ? "" : id).ifPresent(g -> items.value(g.version(),
                    CompletionItem.Kind.VALUE, "version of " + g.id() + " in the catalog", null, token, g.version()));
        } else if (path.size() == 4 && isParameters(path.subList(0, 3))) {
            GeneratorDescriptor g = generatorOf(catalog(service, doc), ctx, ctx.ancestors().size() - 1);
            if (g != null) {
                g.parameter(path.get(3)).ifPresent(p -> parameterValues(p, token, items));
            }
        } else if (path.size() == 2 && path.get(0).equals(ANSWERS_KEY)) {
            Parameter p = answers(catalog(service, doc)).get(path.get(1));
            if (p != null) {
                parameterValues(p, token, items);
            }
        } else {
            Spec spec = root.at(path);
            if (spec != null) {
                for (String v : spec.enumValues()) {
                    items.value(v, CompletionItem.Kind.ENUM, spec.type(), spec.doc(), token, v);
                }
            }
        }
    }

    public static boolean isParameters(List<String> path) {
        return path.equals(List.of(GENERATORS_KEY, YamlOutline.ITEM, PARAMETERS_KEY));
    }

    public static GeneratorCatalog catalog(MxLanguageService service, DocumentModel doc) {
        return service.catalog(projectRootOfState(doc.path()));
    }

    /**
     * The generator of the list item holding ancestor {@code index} (the {@code parameters:} key):
     * its {@code id} sibling's value looked up in the catalog.
     */
    public static GeneratorDescriptor generatorOf(GeneratorCatalog catalog, CursorContext ctx, int index) {
        if (index < 0 || index >= ctx.ancestors().size()) {
            return null;
        }
        YamlOutline.Ancestor params = ctx.ancestors().get(index);
        YamlOutline outline = ctx.outline();
        boolean startsItem = outline.shape(params.line()).dashes().length > 0;
        String id = itemValue(outline, params.line(), params.column(), startsItem, "id");
        return id == null ? null : catalog.find(id).orElse(null);
    }

    /** The inline value of {@code key} in the mapping holding the key on {@code line} at {@code column}. */
    public static String itemValue(YamlOutline outline, int line, int column, boolean startsItem, String key) {
        Integer at = outline.siblings(line, column, startsItem).get(key);
        if (at == null) {
            return null;
        }
        String text = outline.line(at);
        String v = LineShape.of(text).value(text);
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1);
        }
        return v.isEmpty() ? null : v;
    }

    private static void parameterKeys(GeneratorDescriptor g, CursorContext ctx, Items items) {
        Range range = ctx.keyWordRange();
        String after = ctx.after(range);
        Set<String> present = ctx.presentKeys().keySet();
        for (Parameter p : g.parameters()) {
            if (!present.contains(p.name())) {
                items.key(p.name(), parameterSpec(p), p.type().id(), parameterDoc(p, g), range, after,
                        ctx.keyColumn(), false, CompletionItem.Kind.PARAMETER);
            }
        }
    }

    private static void answerKeys(GeneratorCatalog catalog, CursorContext ctx, Items items) {
        Range range = ctx.keyWordRange();
        String after = ctx.after(range);
        Set<String> present = ctx.presentKeys().keySet();
        for (var e : answers(catalog).entrySet()) {
            if (!present.contains(e.getKey())) {
                Parameter p = e.getValue();
                items.key(p.name(), parameterSpec(p), p.type().id(), parameterDoc(p, null), range, after,
                        ctx.keyColumn(), false, CompletionItem.Kind.PARAMETER);
            }
        }
    }

    /**
     * Parameters with project scope across the catalog, by name. Several generators may declare
     * the same answer; a declaration with choices wins over one without (it says more).
     */
    public static Map<String, Parameter> answers(GeneratorCatalog catalog) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (GeneratorDescriptor g : catalog.all()) {
            for (Parameter p : g.parameters()) {
                if (p.projectScoped()) {
                    Parameter known = out.get(p.name());
                    if (known == null || (known.choices().isEmpty() && !p.choices().isEmpty())) {
                        out.put(p.name(), p);
                    }
                }
            }
        }
        return out;
    }

    private static void parameterValues(Parameter p, Range token, Items items) {
        String literal = literalDefault(p);
        if (p.type() == ParameterType.BOOL) {
            for (String v : List.of("true", "false")) {
                items.value(v, CompletionItem.Kind.VALUE, "bool" + (v.equals(literal) ? " (default)" : ""), p.help(),
                        token, v);
            }
        }
        for (String c : p.choices()) {
            items.value(c, CompletionItem.Kind.ENUM, p.type().id() + (c.equals(literal) ? " (default)" : ""),
                    p.help(), token, c);
        }
        if (literal != null && p.type() != ParameterType.BOOL && !p.choices().contains(literal)) {
            items.value(literal, CompletionItem.Kind.VALUE, "default", p.help(), token, literal);
        }
    }

    /** The default when it is a plain value rather than an expression, else null. */
    static String literalDefault(Parameter p) {
        Object d = p.defaultExpression();
        if (d instanceof String s && !s.contains("[=") && !s.isEmpty()) {
            return s;
        }
        return d instanceof Boolean || d instanceof Number ? String.valueOf(d) : null;
    }

    private static Spec parameterSpec(Parameter p) {
        return switch (p.type()) {
            case LIST -> Spec.Node.list(p.help(), Spec.Node.scalar("string", p.help()));
            case BOOL -> Spec.Node.scalar("bool", p.help(), List.of("true", "false"), literalDefault(p));
            default -> Spec.Node.scalar(p.type().id(), p.help(), p.choices(), literalDefault(p));
        };
    }

    /** Markdown about a generator: description, version, origin and help. */
    public static String generatorDoc(GeneratorDescriptor g) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(g.id()).append("** ").append(g.version()).append(" · ").append(origin(g));
        if (g.description() != null && !g.description().isBlank()) {
            sb.append("\n\n").append(g.description().strip());
        }
        if (g.help() != null && !g.help().isBlank()) {
            sb.append("\n\n").append(g.help().strip());
        }
        return sb.toString();
    }

    /** Markdown about a parameter: type, help, default, choices, scope. */
    public static String parameterDoc(Parameter p, GeneratorDescriptor g) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(p.name()).append("** · `").append(p.type().id()).append('`');
        if (g != null) {
            sb.append(" · parameter of ").append(g.id());
        }
        if (p.help() != null && !p.help().isBlank()) {
            sb.append("\n\n").append(p.help().strip());
        }
        if (!p.choices().isEmpty()) {
            sb.append("\n\nChoices: ").append(Docs.codes(p.choices())).append('.');
        }
        if (p.defaultExpression() != null) {
            sb.append("\n\nDefault: `").append(p.defaultExpression()).append("`.");
        }
        if (p.required()) {
            sb.append("\n\nRequired.");
        }
        if (p.projectScoped()) {
            sb.append("\n\nProject scope: the answer is kept under `answers:` and reused by other generators.");
        }
        return sb.toString();
    }

    static String origin(GeneratorDescriptor g) {
        return g.origin().label();
    }

    /** The project a state file belongs to: the folder holding {@code .mx/}; null without a path. */
    static java.nio.file.Path projectRootOfState(java.nio.file.Path stateFile) {
        if (stateFile == null) {
            return null;
        }
        java.nio.file.Path mx = stateFile.toAbsolutePath().normalize().getParent();
        return mx == null ? null : mx.getParent();
    }
}
