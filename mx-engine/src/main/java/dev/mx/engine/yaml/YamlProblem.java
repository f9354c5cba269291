package dev.mx.engine.yaml;

import dev.mx.engine.text.Range;

/** Something wrong with a YAML text, with a one-line message meant for people. */
public record YamlProblem(Range range, String message, Kind kind) {
    public enum Kind {
        /** the text is not valid YAML */
        SYNTAX,
        /** a mapping defines the same key twice */
        DUPLICATE_KEY,
        /** a safety limit (nesting, aliases, documents, size) was reached; the tree is partial */
        LIMIT,
        /** characters YAML does not allow (control characters, lone surrogates) */
        ENCODING
    }

    @Override
    public String toString() {
        return range.start() + ": " + message + " [" + kind + "]";
    }
}
