package dev.mx.engine.text;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Converts between character offsets and line/column positions of one text. Lines end at
 * {@code \n}, {@code \r\n} or a lone {@code \r}, as YAML and LSP define them.
 */
public final class LineMap {
    private final String text;
    private final int[] lineStarts;

    public LineMap(String text) {
        this.text = text;
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public int lineStart(int line) {
        return lineStarts[Math.min(line, lineStarts.length - 1)];
    }

    /** Offset just past the line's content, before its line break. */
    public int lineContentEnd(int line) {
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
        while (end > lineStarts[line] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    public String line(int line) {
        return text.substring(lineStart(line), lineContentEnd(line));
    }

    public int offset(Position p) {
        if (p.line() >= lineStarts.length) {
            return text.length();
        }
        return Math.min(lineStarts[p.line()] + p.column(), lineContentEnd(p.line()));
    }

    public Position position(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int idx = Arrays.binarySearch(lineStarts, clamped);
        int line = idx >= 0 ? idx : -idx - 2;
        return new Position(line, clamped - lineStarts[line]);
    }

    /** The line break this text uses most ({@code \r\n} when any line has one, else {@code \n}). */
    public String lineBreak() {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** Applies non-overlapping edits (in any order) and returns the new text. */
    public String apply(List<TextEdit> edits) {
        List<TextEdit> sorted = edits.stream()
                .sorted(Comparator.comparing((TextEdit e) -> e.range().start()).reversed())
                .toList();
        StringBuilder sb = new StringBuilder(text);
        int lastStart = Integer.MAX_VALUE;
        for (TextEdit e : sorted) {
            int s = offset(e.range().start());
            int en = offset(e.range().end());
            if (en > lastStart) {
                throw new IllegalArgumentException("overlapping edits at " + e.range());
            }
            sb.replace(s, en, e.newText());
            lastStart = s;
        }
        return sb.toString();
    }
}
