package dev.mx.engine.lint.devspace;

import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.ScalarStyle;
import dev.mx.engine.yaml.YamlScalar;

/**
 * Maps a span of a scalar's value (after quotes, escapes, indentation and folding are removed) back
 * to the source text, so a diagnostic can point at one word inside a script. Exact for literal
 * block scalars and single-line plain scalars; otherwise it finds the span's text in the scalar's
 * source, and falls back to the whole scalar when that fails.
 */
final class ScalarRanges {
    private ScalarRanges() {
    }

    static Range of(ParsedYaml yaml, YamlScalar s, int start, int end) {
        try {
            Range r = exact(yaml, s, start, end);
            return r != null ? r : s.range();
        } catch (RuntimeException e) {
            return s.range();
        }
    }

    private static Range exact(ParsedYaml yaml, YamlScalar s, int start, int end) {
        String value = s.value();
        if (start < 0 || end > value.length() || start > end) {
            return null;
        }
        String piece = value.substring(start, end);
        if (piece.indexOf('\n') >= 0) {
            return null;
        }
        LineMap lines = yaml.lines();
        Range sr = s.range();
        if (s.style() == ScalarStyle.LITERAL) {
            int lineIdx = 0;
            int lineStart = 0;
            for (int i = 0; i < start; i++) {
                if (value.charAt(i) == '\n') {
                    lineIdx++;
                    lineStart = i + 1;
                }
            }
            int lineEnd = value.indexOf('\n', start);
            String valueLine = value.substring(lineStart, lineEnd < 0 ? value.length() : lineEnd);
            int srcLine = sr.start().line() + 1 + lineIdx;
            if (srcLine < lines.lineCount() && srcLine <= sr.end().line()) {
                String src = lines.line(srcLine);
                if (src.endsWith(valueLine)) {
                    int col = src.length() - valueLine.length() + (start - lineStart);
                    return new Range(new Position(srcLine, col), new Position(srcLine, col + piece.length()));
                }
            }
            return search(yaml, s, piece, start);
        }
        if (s.style() == ScalarStyle.PLAIN && sr.start().line() == sr.end().line()) {
            String src = yaml.textOf(sr);
            if (src.equals(value)) {
                int col = sr.start().column() + start;
                return new Range(new Position(sr.start().line(), col), new Position(sr.start().line(), col + piece.length()));
            }
        }
        return search(yaml, s, piece, start);
    }

    /** The occurrence of {@code piece} in the scalar's source nearest to where it is in the value. */
    private static Range search(ParsedYaml yaml, YamlScalar s, String piece, int valueOffset) {
        if (piece.isEmpty()) {
            return null;
        }
        LineMap lines = yaml.lines();
        int from = lines.offset(s.range().start());
        String src = yaml.textOf(s.range());
        // the value is never longer than its source, so the piece starts at or after valueOffset
        // minus nothing; search forward from there first, then anywhere
        int nth = occurrence(s.value(), piece, valueOffset);
        int at = -1;
        int idx = -1;
        for (int k = 0; k <= nth; k++) {
            idx = src.indexOf(piece, idx + 1);
            if (idx < 0) {
                break;
            }
            at = idx;
        }
        if (at < 0 || idx < 0) {
            return null;
        }
        return new Range(lines.position(from + at), lines.position(from + at + piece.length()));
    }

    /** How many earlier occurrences of {@code piece} the value has before {@code offset}. */
    private static int occurrence(String value, String piece, int offset) {
        int n = 0;
        int i = value.indexOf(piece);
        while (i >= 0 && i < offset) {
            n++;
            i = value.indexOf(piece, i + 1);
        }
        return n;
    }
}
