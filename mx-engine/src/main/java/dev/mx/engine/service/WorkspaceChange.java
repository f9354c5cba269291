package dev.mx.engine.service;

import dev.mx.engine.text.TextEdit;
import java.nio.file.Path;
import java.util.List;

/**
 * File operations for an editor to apply as one undoable step (an LSP WorkspaceEdit with
 * resource operations): files to create with their content, edits to existing files, deletions.
 */
public record WorkspaceChange(List<Create> creates, List<Edit> edits, List<Path> deletes, String summary) {
    public record Create(Path file, String content) {
    }

    public record Edit(Path file, List<TextEdit> edits) {
    }

    public WorkspaceChange {
        creates = List.copyOf(creates);
        edits = List.copyOf(edits);
        deletes = List.copyOf(deletes);
    }

    public boolean isEmpty() {
        return creates.isEmpty() && edits.isEmpty() && deletes.isEmpty();
    }
}
