package dev.mx.engine.plan;

import dev.mx.engine.MxException;
import dev.mx.engine.apply.PathGuard;
import dev.mx.engine.apply.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a plan all or nothing. The caller holds the project lock. Conflicts stop the apply
 * unless forced; forcing keeps the user's version of each conflicting file as {@code <file>.orig}.
 */
public final class Applier {
    private Applier() {
    }

    /** @return the changes actually written */
    public static List<FileChange> apply(Plan plan, boolean force, Transaction.Checkpoint checkpoint) {
        if (plan.hasConflicts() && !force) {
            throw conflictError(plan);
        }
        // The plan may be older than the files (an editor computed it a while ago): refuse to
        // write over anything that changed since.
        for (FileChange c : plan.changes()) {
            byte[] now = read(plan.root(), c.path());
            if (!Arrays.equals(now, c.before())) {
                throw new MxException(MxException.Kind.CONFLICT, c.path(), -1, -1,
                        "changed since the plan was made; plan again", null);
            }
        }
        List<Transaction.Write> writes = new ArrayList<>();
        List<FileChange> written = new ArrayList<>();
        for (FileChange c : plan.changes()) {
            if (!c.writes() || (c.kind() == FileChange.Kind.CONFLICT && Arrays.equals(c.before(), c.after()))) {
                continue;
            }
            if (c.kind() == FileChange.Kind.CONFLICT && c.before() != null) {
                writes.add(new Transaction.Write(c.path() + ".orig", c.before()));
            }
            writes.add(new Transaction.Write(c.path(), c.after()));
            written.add(c);
        }
        if (!writes.isEmpty()) {
            Transaction.commit(plan.root(), writes, checkpoint);
        }
        return written;
    }

    public static MxException conflictError(Plan plan) {
        StringBuilder sb = new StringBuilder("not applied: ")
                .append(plan.conflicts().size() == 1 ? "1 file is" : plan.conflicts().size() + " files are")
                .append(" in conflict; your versions are untouched:");
        for (FileChange c : plan.conflicts()) {
            sb.append("\n  ").append(c.path()).append(": ").append(c.reason());
        }
        sb.append("\nRun with --dry-run to see the differences, or --force to overwrite them"
                + " (your versions are kept as <file>.orig).");
        return new MxException(MxException.Kind.CONFLICT, sb.toString());
    }

    private static byte[] read(Path root, String relative) {
        Path p = PathGuard.resolveInside(root, relative);
        try {
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        } catch (IOException e) {
            throw new MxException(MxException.Kind.IO, relative, -1, -1, "cannot read: " + e.getMessage(), e);
        }
    }
}
