package dev.mx.engine.text;

/** Replace the text in {@code range} with {@code newText}; an empty range inserts. */
public record TextEdit(Range range, String newText) {
    public static TextEdit insert(Position at, String text) {
        return new TextEdit(Range.at(at), text);
    }
}
