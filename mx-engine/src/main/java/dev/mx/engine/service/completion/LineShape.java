package dev.mx.engine.service.completion;

import java.util.Arrays;

/**
 * One line of block-style YAML as written, read without a parser so that it works on the line
 * being typed: its indentation, its {@code - } indicators, and a {@code key:} with its inline value
 * or else a bare text (a scalar item, or a key being typed). Columns are UTF-16 offsets in the line.
 *
 * @param dashes columns of the {@code -} indicators, outermost first
 * @param contentStart column after the indentation and dashes (where the key or text starts)
 * @param key the key (quotes removed), or null when the line has no {@code key:}
 * @param keyEnd column just past the key as written (closing quote included)
 * @param valueStart column of the inline value after {@code key: }, or -1 without a key
 * @param valueEnd column past the inline value (a trailing comment and spaces excluded)
 */
public record LineShape(Kind kind, int indent, int[] dashes, int contentStart, String key, int keyEnd,
        int valueStart, int valueEnd) {

    public enum Kind {
        /** nothing but spaces */
        BLANK,
        /** a comment line */
        COMMENT,
        /** {@code ---} or {@code ...} */
        DOCUMENT_MARKER,
        /** a {@code key:} (maybe after dashes) */
        KEY,
        /** dashes and/or text without a {@code key:} (a scalar item, or a word being typed) */
        TEXT
    }

    private static final int[] NO_DASHES = new int[0];

    /** Reads one line (without its line break). */
    public static LineShape of(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        int indent = i;
        if (i == n || (s.charAt(i) == '\t' && s.isBlank())) {
            return new LineShape(Kind.BLANK, indent, NO_DASHES, indent, null, -1, -1, -1);
        }
        if (s.charAt(i) == '#') {
            return new LineShape(Kind.COMMENT, indent, NO_DASHES, indent, null, -1, -1, -1);
        }
        if (indent == 0 && (s.startsWith("---") || s.startsWith("..."))
                && (n == 3 || s.charAt(3) == ' ' || s.charAt(3) == '\t')) {
            return new LineShape(Kind.DOCUMENT_MARKER, 0, NO_DASHES, 0, null, -1, -1, -1);
        }
        int[] dashes = NO_DASHES;
        while (i < n && s.charAt(i) == '-' && (i + 1 == n || s.charAt(i + 1) == ' ')) {
            dashes = Arrays.copyOf(dashes, dashes.length + 1);
            dashes[dashes.length - 1] = i;
            i++;
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
        }
        int content = i;
        if (i == n || s.charAt(i) == '#') {
            return new LineShape(Kind.TEXT, indent, dashes, content, null, -1, -1, -1);
        }
        // find "key:" followed by a space or the end of the line
        String key = null;
        int keyEnd = -1;
        int colon = -1;
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            int close = closingQuote(s, i);
            if (close > 0) {
                int j = close + 1;
                while (j < n && s.charAt(j) == ' ') {
                    j++;
                }
                if (j < n && s.charAt(j) == ':' && (j + 1 == n || s.charAt(j + 1) == ' ' || s.charAt(j + 1) == '\t')) {
                    key = unquote(s.substring(i, close + 1));
                    keyEnd = close + 1;
                    colon = j;
                }
            }
        } else if ("[{|>!&*%@`?".indexOf(c) < 0) {
            for (int j = i; j < n; j++) {
                char d = s.charAt(j);
                if (d == '#' && j > i && (s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '\t')) {
                    break;
                }
                if (d == ':' && (j + 1 == n || s.charAt(j + 1) == ' ' || s.charAt(j + 1) == '\t')) {
                    int e = j;
                    while (e > i && s.charAt(e - 1) == ' ') {
                        e--;
                    }
                    key = s.substring(i, e);
                    keyEnd = e;
                    colon = j;
                    break;
                }
            }
        }
        if (key == null) {
            return new LineShape(Kind.TEXT, indent, dashes, content, null, -1, -1, -1);
        }
        int v = colon + 1;
        while (v < n && (s.charAt(v) == ' ' || s.charAt(v) == '\t')) {
            v++;
        }
        int ve = valueEnd(s, v);
        return new LineShape(Kind.KEY, indent, dashes, content, key, keyEnd, v, ve);
    }

    /** Past the last character of an inline value, before a {@code  #} comment and trailing spaces. */
    private static int valueEnd(String s, int from) {
        int n = s.length();
        int end = n;
        char q = 0;
        for (int j = from; j < n; j++) {
            char d = s.charAt(j);
            if (q != 0) {
                if (d == q) {
                    q = 0;
                }
            } else if ((d == '"' || d == '\'') && j == from) {
                q = d;
            } else if (d == '#' && (j == from || s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '\t')) {
                end = j;
                break;
            }
        }
        while (end > from && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    /** Where a {@code #} comment starts after the key's colon (outside a quoted value), or -1. */
    public int commentStart(String line) {
        if (valueStart < 0) {
            return -1;
        }
        int end = valueEnd(line, Math.min(valueStart, line.length()));
        for (int j = end; j < line.length(); j++) {
            if (line.charAt(j) == '#') {
                return j;
            }
        }
        return -1;
    }

    private static int closingQuote(String s, int open) {
        char q = s.charAt(open);
        for (int j = open + 1; j < s.length(); j++) {
            char d = s.charAt(j);
            if (q == '"' && d == '\\') {
                j++;
            } else if (d == q) {
                if (q == '\'' && j + 1 < s.length() && s.charAt(j + 1) == '\'') {
                    j++;
                    continue;
                }
                return j;
            }
        }
        return -1;
    }

    private static String unquote(String quoted) {
        String inner = quoted.substring(1, quoted.length() - 1);
        return quoted.charAt(0) == '\'' ? inner.replace("''", "'") : inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    public boolean isContent() {
        return kind == Kind.KEY || kind == Kind.TEXT;
    }

    public boolean hasKey() {
        return kind == Kind.KEY;
    }

    /** The inline value as written (empty when the value is on the following lines). */
    public String value(String line) {
        return valueStart < 0 ? "" : line.substring(valueStart, Math.max(valueStart, valueEnd));
    }

    /**
     * True when the key's value starts on the next lines: nothing after the colon, or only an
     * anchor or a tag.
     */
    public boolean valueOnNextLines(String line) {
        String v = value(line);
        if (v.isEmpty()) {
            return true;
        }
        for (String part : v.split(" ")) {
            if (!part.isEmpty() && part.charAt(0) != '&' && part.charAt(0) != '!') {
                return false;
            }
        }
        return true;
    }

    /** True when the inline value is a block scalar header ({@code |}, {@code >-}, {@code |2+} ...). */
    public boolean valueIsBlockScalar(String line) {
        String v = value(line);
        int j = 0;
        while (j < v.length() && (v.charAt(j) == '&' || v.charAt(j) == '!')) { // anchor or tag first
            int sp = v.indexOf(' ', j);
            if (sp < 0) {
                return false;
            }
            j = sp + 1;
        }
        return isBlockHeader(v.substring(j));
    }

    /** {@code |} or {@code >} with optional indentation and chomping indicators. */
    static boolean isBlockHeader(String v) {
        if (v.isEmpty() || (v.charAt(0) != '|' && v.charAt(0) != '>')) {
            return false;
        }
        for (int j = 1; j < v.length(); j++) {
            char d = v.charAt(j);
            if (!(d == '+' || d == '-' || (d >= '1' && d <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** The text after the dashes of a TEXT line (a scalar item), trimmed of a trailing comment. */
    public String text(String line) {
        return line.substring(Math.min(contentStart, line.length()), valueEnd(line, Math.min(contentStart, line.length())));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineShape l && l.kind == kind && l.indent == indent && Arrays.equals(l.dashes, dashes)
                && l.contentStart == contentStart && java.util.Objects.equals(l.key, key) && l.keyEnd == keyEnd
                && l.valueStart == valueStart && l.valueEnd == valueEnd;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, indent, Arrays.hashCode(dashes), contentStart, key);
    }

    @Override
    public String toString() {
        return kind + "@" + indent + Arrays.toString(dashes) + (key == null ? "" : " key=" + key);
    }
}
