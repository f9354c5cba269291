package dev.mx.engine.lint.mlproject;

import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.ScalarStyle;
import dev.mx.engine.yaml.YamlScalar;

/**
 * Maps a span of a scalar's value back to the source, so a finding can point at one placeholder
 * of a long command. Exact when the source holds the value verbatim (plain or quoted on one
 * line, no escapes); otherwise the span's text is searched in the scalar's source (the same
 * occurrence as in the value); else the whole scalar.
 */
final class Spans {
    private Spans() {
    }

    static Range of(ParsedYaml yaml, YamlScalar s, int start, int end) {
        Range exact = exact(yaml, s, start, end);
        return exact != null ? exact : s.range();
    }

    /**
     * For a one-line scalar: the source offset (within {@code src}) of every value character, plus
     * one for the end; null when the source cannot be decoded here.
     */
    private static int[] quotedOffsets(YamlScalar s, String src) {
        String v = s.value();
        int[] out = new int[v.length() + 1];
        if (s.style() == ScalarStyle.PLAIN) {
            if (!src.equals(v)) {
                return null;
            }
            for (int i = 0; i <= v.length(); i++) {
                out[i] = i;
            }
            return out;
        }
        if (src.length() < 2 || s.style() != ScalarStyle.SINGLE_QUOTED && s.style() != ScalarStyle.DOUBLE_QUOTED) {
            return null;
        }
        boolean dq = s.style() == ScalarStyle.DOUBLE_QUOTED;
        int i = 1;
        int k = 0;
        int end = src.length() - 1;
        while (i < end && k < v.length()) {
            out[k++] = i;
            char c = src.charAt(i);
            i += width(src, i, dq);
        }
        if (i != end || k != v.length()) {
            return null;
        }
        out[k] = end;
        return out;
    }

    /** How many source characters the value character at {@code i} takes (escapes: more than one). */
    private static int width(String src, int i, boolean dq) {
        if (!dq) {
            return src.startsWith("''", i) ? 2 : 1;
        }
        if (src.charAt(i) != '\\' || i + 1 >= src.length()) {
            return 1;
        }
        return switch (src.charAt(i + 1)) {
            case 'x' -> 4;
            case 'u' -> 6;
            case 'U' -> 10;
            default -> 2;
        };
    }

    /** The span's range, or null when it cannot be placed exactly. */
    static Range exact(ParsedYaml yaml, YamlScalar s, int start, int end) {
        try {
            String value = s.value();
            if (start < 0 || end > value.length() || start >= end) {
                return null;
            }
            Range r = s.range();
            String src = yaml.textOf(r);
            int base = yaml.lines().offset(r.start());
            if (r.start().line() == r.end().line()) {
                int[] map = quotedOffsets(s, src);
                if (map != null) {
                    boolean dq = s.style() == ScalarStyle.DOUBLE_QUOTED;
                    return new Range(yaml.lines().position(base + map[start]),
                            yaml.lines().position(base + map[end - 1] + width(src, map[end - 1], dq)));
                }
            }
            String piece = value.substring(start, end);
            int nth = 0;
            for (int i = value.indexOf(piece); i >= 0 && i < start; i = value.indexOf(piece, i + 1)) {
                nth++;
            }
            int total = 0;
            for (int i = value.indexOf(piece); i >= 0; i = value.indexOf(piece, i + 1)) {
                total++;
            }
            int found = 0;
            int at = -1;
            for (int i = src.indexOf(piece); i >= 0; i = src.indexOf(piece, i + 1)) {
                if (found == nth) {
                    at = i;
                }
                found++;
            }
            if (at < 0 || found != total) {
                return null;
            }
            Position a = yaml.lines().position(base + at);
            Position b = yaml.lines().position(base + at + piece.length());
            return new Range(a, b);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
