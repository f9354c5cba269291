package dev.mx.engine.yaml;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Rendering of plain Java values as YAML text (block and flow) and scalar quoting. */
final class YamlText {
    private static final int MAX_DEPTH = 500;
    private static final Set<String> YAML11_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false",
            "null", "~", "=", "<<");
    /**
     * Numbers, sexagesimals and timestamps of YAML 1.1 or 1.2 (other parsers, such as the Go one
     * DevSpace uses, may read these as non-strings).
     */
    private static final Pattern NUMBERISH = Pattern.compile(String.join("|",
            "[-+]?[0-9][0-9_]*",
            "[-+]?0b[01_]+",
            "[-+]?0x[0-9a-fA-F_]+",
            "[-+]?0o[0-7_]+",
            "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?",
            "[-+]?[0-9][0-9_]*(\\.[0-9_]*)?[eE][-+]?[0-9]+",
            "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?",
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?",
            "[-+]?\\.(inf|Inf|INF)",
            "\\.(nan|NaN|NAN)"));

    private YamlText() {
    }

    static String quoteIfNeeded(String s) {
        if (s == null) {
            return "null";
        }
        return needsQuotes(s) ? doubleQuoted(s) : s;
    }

    static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        if (Character.isWhitespace(first) || Character.isWhitespace(last) || Character.isSpaceChar(first)
                || Character.isSpaceChar(last)) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                    || c == 0xFFFE || c == 0xFFFF) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        if ("*&!|>'\"%@`#,[]{}".indexOf(first) >= 0) {
            return true;
        }
        if ("-?:".indexOf(first) >= 0 && (s.length() == 1 || s.charAt(1) == ' ')) {
            return true;
        }
        if (s.startsWith("---") || s.startsWith("...")) {
            return true;
        }
        if (s.contains(": ") || s.endsWith(":") || s.contains(" #")) {
            return true;
        }
        if (YAML11_WORDS.contains(s.toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        return CoreSchema.resolvesToNonString(s) || NUMBERISH.matcher(s).matches();
    }

    /** A double-quoted YAML scalar with escapes for quotes, backslashes and non-printable characters. */
    static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\0");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pair) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                        sb.append(String.format("\\x%02X", (int) c));
                    } else if (Character.isSurrogate(c) || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A scalar usable inside a flow collection (no flow indicators left unquoted). */
    static String flowScalar(String s) {
        String q = quoteIfNeeded(s);
        if (!q.startsWith("\"") && q.chars().anyMatch(ch -> ",[]{}".indexOf(ch) >= 0)) {
            return doubleQuoted(s);
        }
        return q;
    }

    /** Block YAML at indent 0, each line ending with {@code \n}. */
    static String renderBlock(Object v) {
        StringBuilder sb = new StringBuilder();
        if (isNonEmptyCollection(v)) {
            block(v, 0, sb, 0);
        } else {
            sb.append(scalar(v)).append('\n');
        }
        return sb.toString();
    }

    private static boolean isNonEmptyCollection(Object v) {
        return (v instanceof Map<?, ?> m && !m.isEmpty()) || (v instanceof Collection<?> c && !c.isEmpty())
                || (v instanceof Object[] a && a.length > 0);
    }

    private static Collection<?> items(Object v) {
        return v instanceof Object[] a ? List.of(a) : (Collection<?>) v;
    }

    private static void block(Object v, int indent, StringBuilder sb, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value is nested too deeply to render as YAML");
        }
        String pad = " ".repeat(indent);
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(pad).append(quoteIfNeeded(String.valueOf(e.getKey()))).append(':');
                Object val = e.getValue();
                if (isNonEmptyCollection(val)) {
                    sb.append('\n');
                    block(val, indent + 2, sb, depth + 1);
                } else {
                    sb.append(' ').append(scalar(val)).append('\n');
                }
            }
        } else {
            for (Object item : items(v)) {
                sb.append(pad).append('-');
                if (isNonEmptyCollection(item)) {
                    StringBuilder inner = new StringBuilder();
                    block(item, indent + 2, inner, depth + 1);
                    sb.append(' ').append(inner, indent + 2, inner.length());
                } else {
                    sb.append(' ').append(scalar(item)).append('\n');
                }
            }
        }
    }

    /** A scalar (or empty collection) as one line of YAML. */
    static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte || v instanceof java.math.BigInteger) {
            return v.toString();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                return ".nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? ".inf" : "-.inf";
            }
            String s = v.toString();
            return s.contains(".") || s.contains("E") || s.contains("e") ? s : s + ".0";
        }
        if (v instanceof BigDecimal b) {
            String s = b.toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        if (v instanceof Map<?, ?> m && m.isEmpty()) {
            return "{}";
        }
        if ((v instanceof Collection<?> c && c.isEmpty()) || (v instanceof Object[] a && a.length == 0)) {
            return "[]";
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?> || v instanceof Object[]) {
            return flow(v, 0);
        }
        return quoteIfNeeded(String.valueOf(v));
    }

    /** One-line flow YAML. */
    static String flow(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value is nested too deeply to render as YAML");
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ").append(flowScalar(String.valueOf(e.getKey()))).append(": ")
                        .append(flow(e.getValue(), depth + 1));
                first = false;
            }
            return sb.append('}').toString();
        }
        if (v instanceof Collection<?> || v instanceof Object[]) {
            StringBuilder sb = new StringBuilder("[");
            boolean first = true;
            for (Object item : items(v)) {
                sb.append(first ? "" : ", ").append(flow(item, depth + 1));
                first = false;
            }
            return sb.append(']').toString();
        }
        if (v instanceof String s) {
            return flowScalar(s);
        }
        return scalar(v);
    }
}
