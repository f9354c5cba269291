package dev.mx.engine.diag;

import dev.mx.engine.text.TextEdit;
import java.util.List;

/** A quick fix: a title for people and the edits to the diagnostic's own file. */
public record Fix(String title, List<TextEdit> edits) {
    public Fix {
        edits = List.copyOf(edits);
    }
}
