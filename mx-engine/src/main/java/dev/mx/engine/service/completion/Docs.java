package dev.mx.engine.service.completion;

import java.util.List;

/** Markdown for keys and values, shared by completion (documentation) and hover. */
public final class Docs {
    private Docs() {
    }

    /**
     * A key's doc with its default, allowed values and the keys it excludes ({@code parent} is the
     * object holding it, or null).
     */
    public static String key(String name, Spec spec, Spec parent) {
        StringBuilder sb = new StringBuilder();
        if (spec != null && spec.doc() != null && !spec.doc().isBlank()) {
            sb.append(spec.doc().strip());
        }
        if (spec != null && !spec.enumValues().isEmpty()) {
            para(sb).append("Values: ").append(codes(spec.enumValues())).append('.');
        } else if (spec != null && spec.shape() == Spec.Shape.BOOL) {
            para(sb).append("Values: `true`, `false`.");
        }
        if (spec != null && spec.defaultValue() != null && !spec.defaultValue().isBlank()) {
            para(sb).append("Default: `").append(spec.defaultValue()).append("`.");
        }
        if (parent != null) {
            for (Spec.Exclusive g : parent.exclusive()) {
                if (g.keys().contains(name)) {
                    para(sb).append(capitalize(g.note())).append('.');
                }
            }
        }
        return sb.toString();
    }

    /** The hover of a key: name and type, then {@link #key}. */
    public static String keyHover(String name, Spec spec, Spec parent) {
        StringBuilder sb = new StringBuilder("**").append(name).append("**");
        if (spec != null) {
            sb.append(" · `").append(spec.type()).append('`');
        }
        String body = key(name, spec, parent);
        if (!body.isEmpty()) {
            sb.append("\n\n").append(body);
        }
        return sb.toString();
    }

    public static String codes(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('`').append(v).append('`');
        }
        return sb.toString();
    }

    private static StringBuilder para(StringBuilder sb) {
        if (sb.length() > 0) {
            sb.append("\n\n");
        }
        return sb;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
