package dev.mx.engine.service.completion;

import dev.mx.engine.service.CompletionItem;
import dev.mx.engine.text.Range;
import dev.mx.engine.text.TextEdit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds completion items with the file's line break and indentation step. Plain edits carry
 * absolute indentation (the client must insert them as they are); snippets are made only when the
 * client supports them.
 */
public final class Items {
    private final String eol;
    private final int step;
    private final boolean snippets;
    private final List<CompletionItem> out = new ArrayList<>();
    private final Set<String> labels = new LinkedHashSet<>();

    public Items(String eol, int step, boolean snippets) {
        this.eol = eol;
        this.step = step;
        this.snippets = snippets;
    }

    public List<CompletionItem> list() {
        return out;
    }

    public boolean isEmpty() {
        return out.isEmpty();
    }

    /** A value (or any plain insertion): no tab stops, so no snippet. Labels already added are skipped. */
    public void value(String label, CompletionItem.Kind kind, String detail, String doc, Range range, String text) {
        add(new CompletionItem(label, kind, detail, emptyToNull(doc), new TextEdit(range, text), null,
                sort(out.size()), null));
    }

    /**
     * A key, replacing {@code range}: {@code key:} and, for a mapping or list, a line break with the
     * child indentation ({@code column} + step); just the key when a colon already follows.
     *
     * @param column where the key starts (after {@code - } when {@code asItem})
     * @param asItem insert {@code - key} (a new item of a list of objects)
     */
    public void key(String key, Spec spec, String detail, String doc, Range range, String after, int column,
            boolean asItem, CompletionItem.Kind kind) {
        String dash = asItem ? "- " : "";
        int keyCol = column + dash.length();
        String text;
        String snippet;
        if (after.stripLeading().startsWith(":")) {
            text = dash + key;
            snippet = null;
        } else {
            String child = " ".repeat(keyCol + step);
            Spec.Shape shape = spec == null ? Spec.Shape.SCALAR : spec.shape();
            String k = escape(key);
            switch (shape) {
                case OBJECT, MAP, FREE -> {
                    text = dash + key + ":" + eol + child;
                    snippet = dash + k + ":" + eol + child + "$1";
                }
                case LIST -> {
                    text = dash + key + ":" + eol + child + "- ";
                    snippet = dash + k + ":" + eol + child + "- $1";
                }
                case BOOL -> {
                    text = dash + key + ": ";
                    snippet = dash + k + ": ${1|" + choice(spec.defaultValue(), List.of("true", "false")) + "|}";
                }
                default -> {
                    text = dash + key + ": ";
                    if (spec != null && !spec.enumValues().isEmpty()) {
                        snippet = dash + k + ": ${1|" + choice(spec.defaultValue(), spec.enumValues()) + "|}";
                    } else if (spec != null && spec.defaultValue() != null && !spec.defaultValue().isEmpty()) {
                        snippet = dash + k + ": ${1:" + escape(spec.defaultValue()) + "}";
                    } else {
                        snippet = dash + k + ": $1";
                    }
                }
            }
        }
        add(new CompletionItem(key, kind, detail, emptyToNull(doc), new TextEdit(range, text),
                snippets ? snippet : null, sort(out.size()), asItem ? key : null));
    }

    private void add(CompletionItem item) {
        if (labels.add(item.label())) {
            out.add(item);
        }
    }

    /** Choices of a snippet, the default first. */
    private static String choice(String first, List<String> values) {
        List<String> ordered = new ArrayList<>();
        if (first != null && values.contains(first)) {
            ordered.add(first);
        }
        for (String v : values) {
            if (!ordered.contains(v)) {
                ordered.add(v);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String v : ordered) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(escape(v).replace(",", "\\,").replace("|", "\\|"));
        }
        return sb.toString();
    }

    /** Literal text inside a snippet. */
    public static String escape(String s) {
        return s.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}");
    }

    /** Keeps the order items were added in (zero-padded, no String.format: it runs per item). */
    private static String sort(int i) {
        String n = Integer.toString(i);
        return n.length() >= 4 ? n : "0000".substring(n.length()) + n;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
