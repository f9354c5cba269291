package dev.mx.engine.service.hover;

import dev.mx.engine.devspace.DevspaceSchema;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.HoverResult;
import dev.mx.engine.service.completion.CursorContext;
import dev.mx.engine.service.completion.Docs;
import dev.mx.engine.service.completion.PipelineScripts;
import dev.mx.engine.service.completion.Sections;
import dev.mx.engine.service.completion.Spec;
import dev.mx.engine.text.Range;
import java.util.List;
import java.util.Optional;

/** devspace.yaml: the doc and type of a key (by its path), an enum value, a runtime image, a pipeline command. */
final class DevspaceHover {
    private DevspaceHover() {
    }

    static Optional<HoverResult> hover(DocumentModel doc, CursorContext ctx) {
        Spec root = Spec.of(DevspaceSchema.v2beta1().root());
        Optional<HoverResult> image = runtimeImage(doc, ctx);
        if (image.isPresent()) {
            return image;
        }
        List<String> path = ctx.path();
        switch (ctx.kind()) {
            case KEY -> {
                Spec spec = root.at(path);
                Spec parent = root.at(path.subList(0, path.size() - 1));
                if (spec == null) {
                    return Optional.empty();
                }
                String md = Docs.keyHover(ctx.key(), spec, parent);
                if (parent != null && parent.shape() == Spec.Shape.MAP && path.size() >= 1) {
                    md = "**" + ctx.key() + "** · " + "entry of `" + path.get(path.size() - 2) + "` · `"
                            + spec.type() + "`" + (spec.doc().isBlank() ? "" : "\n\n" + spec.doc());
                }
                return HoverProvider.result(ctx.keyRange(), md);
            }
            case VALUE -> {
                Spec spec = root.at(path);
                if (spec == null) {
                    return Optional.empty();
                }
                String value = ctx.lineText().substring(ctx.valueRange().start().column(),
                        ctx.valueRange().end().column());
                String head;
                if (spec.enumValues().contains(unquote(value))) {
                    head = "`" + unquote(value) + "`: one of the values of **" + ctx.key() + "**";
                } else if (!spec.enumValues().isEmpty()) {
                    head = "`" + unquote(value) + "` is not one of the values of **" + ctx.key() + "**";
                } else {
                    return HoverProvider.result(ctx.valueRange(), Docs.keyHover(ctx.key(), spec,
                            root.at(path.subList(0, path.size() - 1))));
                }
                return HoverProvider.result(ctx.valueRange(), head + "\n\n"
                        + Docs.key(ctx.key(), spec, root.at(path.subList(0, path.size() - 1))));
            }
            case SCALAR -> {
                if (!PipelineScripts.isScript(path)) {
                    return Optional.empty();
                }
                Range word = ctx.wordRange(c -> Character.isLetterOrDigit(c) || c == '_', 0);
                String w = ctx.lineText().substring(word.start().column(), word.end().column());
                String d = PipelineScripts.COMMANDS.get(w);
                return d == null ? Optional.empty()
                        : HoverProvider.result(word, "**" + w + "** · DevSpace pipeline command\n\n" + d);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** {@code ${runtime.images.NAME.image|tag}} under the cursor. */
    private static Optional<HoverResult> runtimeImage(DocumentModel doc, CursorContext ctx) {
        String line = ctx.lineText();
        int col = ctx.column();
        int open = line.lastIndexOf("${", Math.min(col, line.length() - 1));
        if (open < 0) {
            return Optional.empty();
        }
        int close = line.indexOf('}', open);
        if (close < 0 || close + 1 < col) {
            return Optional.empty();
        }
        String expr = line.substring(open + 2, close);
        if (!expr.startsWith("runtime.images.")) {
            return Optional.empty();
        }
        String[] parts = expr.substring("runtime.images.".length()).split("\\.", -1);
        String name = parts[0];
        var images = Sections.entries(doc.yaml(), List.of("images"));
        Range range = Range.of(ctx.line(), open, ctx.line(), close + 1);
        if (!images.containsKey(name)) {
            return HoverProvider.result(range, "`" + name + "` is not an image of this config (images: "
                    + (images.isEmpty() ? "none" : String.join(", ", images.keySet())) + ").");
        }
        String repo = Sections.field(images.get(name), "image");
        String field = parts.length > 1 ? parts[1] : "image";
        String what = field.equals("tag") ? "The tag DevSpace gave image `" + name + "` in this run."
                : "The repository image `" + name + "` was built and pushed to.";
        return HoverProvider.result(range, "**runtime.images." + name + "." + field + "**\n\n" + what
                + (repo == null ? "" : "\n\n`images." + name + ".image`: `" + repo + "`"));
    }

    static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
