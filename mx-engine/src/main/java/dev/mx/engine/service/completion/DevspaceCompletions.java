package dev.mx.engine.service.completion;

import dev.mx.engine.devspace.DevspaceSchema;
import dev.mx.engine.service.CompletionItem;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.YamlNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * devspace.yaml: keys and enum values from DevSpace's model, and the names a value refers to:
 * {@code ${runtime.images.NAME.image}}, image selectors, and the deployments, images and dev
 * configurations that pipeline commands take.
 */
final class DevspaceCompletions {
    private static final String RUNTIME_IMAGES = "runtime.images.";

    private DevspaceCompletions() {
    }

    static void complete(DocumentModel doc, CursorContext ctx, Items items) {
        DevspaceSchema schema = DevspaceSchema.v2beta1();
        Spec root = Spec.of(schema.root());
        switch (ctx.kind()) {
            case KEY -> KeyCompletions.complete(ctx, root.at(ctx.path()), items);
            case VALUE -> value(doc, ctx, root, schema, items);
            case SCALAR -> {
                String before = ctx.textBefore();
                if (!variables(doc, ctx, before, items) && PipelineScripts.isScript(ctx.path())) {
                    PipelineScripts.complete(doc, ctx, before, items);
                }
            }
            default -> {
            }
        }
    }

    private static void value(DocumentModel doc, CursorContext ctx, Spec root, DevspaceSchema schema, Items items) {
        String before = ctx.textBefore();
        if (variables(doc, ctx, before, items)) {
            return;
        }
        List<String> path = ctx.path();
        if (PipelineScripts.isScript(path)) {
            PipelineScripts.complete(doc, ctx, before, items);
            return;
        }
        Range token = ctx.wordRange(c -> !Character.isWhitespace(c) && c != ',' && c != '[' && c != ']',
                ctx.valueStart());
        if ("imageSelector".equals(ctx.key())) {
            imageSelectors(doc, token, items);
            return;
        }
        Spec spec = root.at(path);
        if (spec == null) {
            return;
        }
        if (path.size() == 1 && path.get(0).equals("version")) {
            items.value(schema.version(), CompletionItem.Kind.ENUM, "config version",
                    "The config format of DevSpace 6.", token, schema.version());
        }
        for (String v : spec.enumValues()) {
            items.value(v, CompletionItem.Kind.ENUM, spec.type(), spec.doc(), token, v);
        }
        if (spec.shape() == Spec.Shape.BOOL) {
            for (String v : List.of("true", "false")) {
                items.value(v, CompletionItem.Kind.VALUE, "bool", spec.doc(), token, v);
            }
        }
    }

    /** Image references for dev.*.imageSelector: the runtime variable of each image, and its repository. */
    private static void imageSelectors(DocumentModel doc, Range token, Items items) {
        Map<String, YamlNode> images = Sections.entries(doc.yaml(), List.of("images"));
        for (var e : images.entrySet()) {
            String ref = "${runtime.images." + e.getKey() + ".image}";
            String repo = Sections.field(e.getValue(), "image");
            items.value(ref, CompletionItem.Kind.REFERENCE, "image " + e.getKey() + " as built",
                    "The image DevSpace built for `images." + e.getKey() + "`"
                            + (repo == null ? "" : " (`" + repo + "`)") + ", with its tag.", token, ref);
        }
        for (var e : images.entrySet()) {
            String repo = Sections.field(e.getValue(), "image");
            if (repo != null && !repo.contains("${")) {
                items.value(repo, CompletionItem.Kind.REFERENCE, "images." + e.getKey() + ".image",
                        "The repository of image `" + e.getKey() + "`, matched in any tag.", token, repo);
            }
        }
    }

    /**
     * {@code ${...}} being typed: config variables, {@code runtime.images.NAME}, and an image's
     * {@code image} or {@code tag}. True when the cursor is inside one (nothing else then applies).
     */
    static boolean variables(DocumentModel doc, CursorContext ctx, String before, Items items) {
        int open = before.lastIndexOf("${");
        if (open < 0 || before.indexOf('}', open) >= 0) {
            return false;
        }
        String expr = before.substring(open + 2);
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        Map<String, YamlNode> images = Sections.entries(doc.yaml(), List.of("images"));
        if (expr.startsWith(RUNTIME_IMAGES)) {
            String rest = expr.substring(RUNTIME_IMAGES.length());
            int dot = rest.indexOf('.');
            if (dot < 0) {
                Range r = ctx.wordRange(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-',
                        ctx.column() - rest.length());
                for (var e : images.entrySet()) {
                    String repo = Sections.field(e.getValue(), "image");
                    items.value(e.getKey(), CompletionItem.Kind.REFERENCE, repo == null ? "image" : repo,
                            "Image `" + e.getKey() + "` of this config: `${runtime.images." + e.getKey()
                                    + ".image}` is the repository it was pushed to, `.tag` the tag it got.", r,
                            e.getKey());
                }
            } else if (rest.indexOf('.', dot + 1) < 0 && images.containsKey(rest.substring(0, dot))) {
                String name = rest.substring(0, dot);
                Range r = ctx.wordRange(Character::isLetterOrDigit, ctx.column() - (rest.length() - dot - 1));
                items.value("image", CompletionItem.Kind.REFERENCE, "string",
                        "The repository image `" + name + "` was built and pushed to.", r, "image");
                items.value("tag", CompletionItem.Kind.REFERENCE, "string",
                        "The tag DevSpace gave image `" + name + "` in this run.", r, "tag");
            }
            return true;
        }
        if (expr.indexOf('.') < 0 || RUNTIME_IMAGES.startsWith(expr)) {
            Range r = ctx.wordRange(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.',
                    ctx.column() - expr.length());
            if (expr.indexOf('.') < 0) {
                for (var e : Sections.entries(doc.yaml(), List.of("vars")).entrySet()) {
                    items.value(e.getKey(), CompletionItem.Kind.REFERENCE, "variable",
                            "Config variable `" + e.getKey() + "` (vars).", r, e.getKey());
                }
            }
            for (String name : images.keySet()) {
                String v = RUNTIME_IMAGES + name + ".image";
                items.value(v, CompletionItem.Kind.REFERENCE, "runtime variable",
                        "The repository image `" + name + "` was built and pushed to.", r, v);
            }
            return true;
        }
        return expr.startsWith("runtime.");
    }

    /** Names written in a section, without those in {@code except}. */
    static Set<String> names(DocumentModel doc, String section) {
        return new java.util.LinkedHashSet<>(Sections.entries(doc.yaml(), List.of(section)).keySet());
    }

    static Set<String> without(Set<String> names, Set<String> except) {
        Set<String> out = new java.util.LinkedHashSet<>(names);
        out.removeAll(new HashSet<>(except));
        return out;
    }
}
