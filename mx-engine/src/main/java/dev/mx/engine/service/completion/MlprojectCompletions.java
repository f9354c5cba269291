package dev.mx.engine.service.completion;

import dev.mx.engine.service.CompletionItem;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MLproject: the keys MLflow reads, parameter types, and {@code {param}} placeholders in commands. */
public final class MlprojectCompletions {
    private MlprojectCompletions() {
    }

    static void complete(DocumentModel doc, CursorContext ctx, Items items) {
        Spec root = MlprojectModel.root();
        List<String> path = ctx.path();
        switch (ctx.kind()) {
            case KEY -> KeyCompletions.complete(ctx, root.at(path), items);
            case VALUE -> {
                if (isCommand(path)) {
                    placeholders(doc, ctx, items);
                } else if (isTypeValue(path)) {
                    Range token = ctx.wordRange(c -> !Character.isWhitespace(c) && c != ',' && c != '}',
                            ctx.valueStart());
                    for (String t : MlprojectModel.TYPES) {
                        items.value(t, CompletionItem.Kind.ENUM, "MLflow parameter type", MlprojectModel.typeDoc(t),
                                token, t);
                    }
                }
            }
            case SCALAR -> {
                if (isCommand(path)) {
                    placeholders(doc, ctx, items);
                }
            }
            default -> {
            }
        }
    }

    public static boolean isCommand(List<String> path) {
        return path.size() == 3 && path.get(0).equals("entry_points") && path.get(2).equals("command");
    }

    /** {@code entry_points.E.parameters.P.type}, or the short form {@code entry_points.E.parameters.P}. */
    public static boolean isTypeValue(List<String> path) {
        return path.size() >= 4 && path.get(0).equals("entry_points") && path.get(2).equals("parameters")
                && (path.size() == 4 || (path.size() == 5 && path.get(4).equals("type")));
    }

    /** After an unclosed single {@code {} in a command: the entry point's declared parameters. */
    private static void placeholders(DocumentModel doc, CursorContext ctx, Items items) {
        String before = ctx.textBefore();
        int open = before.lastIndexOf('{');
        if (open < 0 || before.indexOf('}', open) >= 0) {
            return;
        }
        int braces = 0;
        for (int i = open; i >= 0 && before.charAt(i) == '{'; i--) {
            braces++;
        }
        if (braces % 2 == 0) {
            return; // {{ is a literal brace
        }
        String partial = before.substring(open + 1);
        for (int i = 0; i < partial.length(); i++) {
            char c = partial.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return;
            }
        }
        Range r = ctx.wordRange(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-',
                ctx.column() - partial.length());
        boolean closed = ctx.after(r).startsWith("}");
        String entryPoint = ctx.path().get(1);
        for (var p : parameters(doc, ctx, entryPoint).entrySet()) {
            String type = p.getValue() == null ? "string" : p.getValue();
            items.value(p.getKey(), CompletionItem.Kind.PARAMETER, type,
                    "Parameter `" + p.getKey() + "` of entry point `" + entryPoint + "`, shell-quoted by MLflow.",
                    r, closed ? p.getKey() : p.getKey() + "}");
        }
    }

    /** Declared parameters of an entry point with their type: from the text, else from the parsed tree. */
    private static Map<String, String> parameters(DocumentModel doc, CursorContext ctx, String entryPoint) {
        Map<String, String> out = new LinkedHashMap<>();
        List<YamlOutline.Ancestor> anc = ctx.ancestors();
        YamlOutline outline = ctx.outline();
        if (anc.size() >= 2) {
            Integer params = outline.childKeys(anc.get(1).line()).get("parameters");
            if (params != null) {
                for (var e : outline.childKeys(params).entrySet()) {
                    String line = outline.line(e.getValue());
                    LineShape sh = LineShape.of(line);
                    String v = sh.value(line);
                    String type = null;
                    if (!v.isEmpty() && !v.startsWith("{")) {
                        type = v;
                    } else if (v.isEmpty()) {
                        Integer t = outline.childKeys(e.getValue()).get("type");
                        type = t == null ? null : LineShape.of(outline.line(t)).value(outline.line(t));
                    }
                    out.put(e.getKey(), type);
                }
            }
        }
        if (out.isEmpty()) {
            for (var e : Sections.entries(doc.yaml(), List.of("entry_points", entryPoint, "parameters")).entrySet()) {
                YamlNode v = e.getValue();
                String type = Sections.text(v) != null ? Sections.text(v) : Sections.field(v, "type");
                out.put(e.getKey(), type);
            }
        }
        return out;
    }
}
