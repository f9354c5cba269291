package dev.mx.engine.service.actions;

import dev.mx.engine.MxException;
import dev.mx.engine.plan.Applier;
import dev.mx.engine.plan.FileChange;
import dev.mx.engine.plan.Plan;
import dev.mx.engine.service.WorkspaceChange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as editor file operations: creates with their content, deletions, and for files that
 * change the smallest edits that turn the current text into the planned one (see {@link TextDiff}),
 * so an editor keeps cursors and undo steps where nothing changed. Conflicts are an error.
 */
public final class GeneratorChanges {
    private GeneratorChanges() {
    }

    public static WorkspaceChange of(Plan plan) {
        if (plan.hasConflicts()) {
            throw Applier.conflictError(plan);
        }
        List<WorkspaceChange.Create> creates = new ArrayList<>();
        List<WorkspaceChange.Edit> edits = new ArrayList<>();
        List<Path> deletes = new ArrayList<>();
        int n = 0;
        for (FileChange c : plan.changes()) {
            if (!c.writes()) {
                continue;
            }
            Path file = plan.root().resolve(c.path());
            n++;
            switch (c.kind()) {
                case CREATE -> creates.add(new WorkspaceChange.Create(file, text(c.after(), c.path())));
                case DELETE -> deletes.add(file);
                default -> edits.add(new WorkspaceChange.Edit(file,
                        TextDiff.edits(text(c.before(), c.path()), text(c.after(), c.path()))));
            }
        }
        return new WorkspaceChange(creates, edits, deletes,
                "apply " + plan.generator().id() + " " + plan.generator().version() + ": " + n + " files");
    }

    private static String text(byte[] bytes, String path) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(s.getBytes(StandardCharsets.UTF_8), bytes)) {
            throw MxException.input(path + " is not UTF-8 text; apply this generator from the command line");
        }
        return s;
    }
}
