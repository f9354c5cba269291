package dev.mx.engine.text;

/**
 * A place in a text: zero-based line and zero-based column counted in UTF-16 code units,
 * which is what LSP clients use by default. Output for people adds one to both.
 */
public record Position(int line, int column) implements Comparable<Position> {
    public Position {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative position " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(Position o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return (line + 1) + ":" + (column + 1);
    }
}
