package dev.mx.engine.text;

/** A half-open span [start, end) of a text. */
public record Range(Position start, Position end) {
    public Range {
        if (end.compareTo(start) < 0) {
            throw new IllegalArgumentException("range ends before it starts: " + start + "-" + end);
        }
    }

    public static Range of(int startLine, int startColumn, int endLine, int endColumn) {
        return new Range(new Position(startLine, startColumn), new Position(endLine, endColumn));
    }

    public static Range at(Position p) {
        return new Range(p, p);
    }

    public boolean contains(Position p) {
        return start.compareTo(p) <= 0 && p.compareTo(end) <= 0;
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
