package dev.mx.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mx.engine.MxException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Writes a set of files all or nothing, even across a crash. The journal {@code .mx/journal.json}
 * is written before anything else; new contents are staged beside their targets; each existing
 * target gets a backup (a hard link) before the staged file is renamed over it. Renaming the
 * journal to {@code .mx/committed.json} is the commit point. Whoever takes the project lock next
 * calls {@link #recover}: with a journal it rolls back to exactly the old files, with a commit
 * record it only removes leftovers. Callers must hold the {@link ProjectLock}.
 */
public final class Transaction {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file to write; {@code content} null deletes the target. */
    public record Write(String path, byte[] content) {
    }

    /** Called at named points; tests throw from it to simulate a crash or a full disk. */
    public interface Checkpoint {
        void reached(String point) throws IOException;
    }

    private Transaction() {
    }

    static Path journal(Path root) {
        return root.resolve(".mx").resolve("journal.json");
    }

    static Path committed(Path root) {
        return root.resolve(".mx").resolve("committed.json");
    }

    /** The journal while it is being written, before the rename that makes it the journal. */
    static Path journalTmp(Path root) {
        return root.resolve(".mx").resolve(".journal.json.tmp");
    }

    /** True when a run left something for {@link #recover} to do. */
    public static boolean needsRecovery(Path projectRoot) {
        Path root = projectRoot.toAbsolutePath().normalize();
        return Files.exists(journal(root)) || Files.exists(committed(root)) || Files.exists(journalTmp(root));
    }

    /**
     * Test hook, for tests only: {@code MX_TEST_APPLY_DELAY_MS} (0 to 1000, default 0) makes every
     * checkpoint of a commit sleep that long, so a test that kills mx at a random moment lands
     * inside the transaction often. It only slows an apply down; it never changes what is written.
     */
    static final long TEST_DELAY_MS = testDelay(System.getenv("MX_TEST_APPLY_DELAY_MS"));

    static long testDelay(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(1000, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Checkpoint slowed(Checkpoint checkpoint) {
        if (TEST_DELAY_MS <= 0) {
            return checkpoint;
        }
        return point -> {
            try {
                Thread.sleep(TEST_DELAY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            checkpoint.reached(point);
        };
    }

    public static void commit(Path projectRoot, List<Write> writes, Checkpoint given) {
        Path root = projectRoot.toAbsolutePath().normalize();
        Checkpoint checkpoint = slowed(given);
        String tx = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        ObjectNode record = JSON.createObjectNode();
        record.put("tx", tx);
        ArrayNode entries = record.putArray("entries");
        List<Path[]> paths = new ArrayList<>();
        java.util.Set<Path> targets = new java.util.HashSet<>();
        for (Write w : writes) {
            Path target = PathGuard.resolveInside(root, w.path());
            if (!targets.add(target)) {
                throw new MxException(MxException.Kind.INPUT, w.path() + " is written twice in one apply");
            }
            Path staged = target.resolveSibling("." + target.getFileName() + ".mx-new-" + tx);
            Path backup = target.resolveSibling("." + target.getFileName() + ".mx-old-" + tx);
            boolean existed = Files.exists(target);
            ObjectNode e = entries.addObject();
            e.put("target", w.path());
            e.put("staged", root.relativize(staged).toString());
            e.put("backup", root.relativize(backup).toString());
            e.put("existed", existed);
            e.put("delete", w.content() == null);
            paths.add(new Path[] {target, staged, backup});
        }
        // Directories to create, parents first; recorded before they exist so a rollback removes them.
        ArrayNode dirs = record.putArray("createdDirs");
        List<Path> toCreate = new ArrayList<>();
        for (Path[] p : paths) {
            List<Path> missing = new ArrayList<>();
            for (Path d = p[0].getParent(); d != null && !Files.exists(d) && !toCreate.contains(d); d = d.getParent()) {
                missing.add(0, d);
            }
            for (Path d : missing) {
                toCreate.add(d);
                dirs.add(root.relativize(d).toString());
            }
        }
        try {
            writeAtomically(journal(root), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
            checkpoint.reached("journal");
            for (Path d : toCreate) {
                Files.createDirectories(d);
            }
            for (int i = 0; i < writes.size(); i++) {
                byte[] content = writes.get(i).content();
                if (content != null) {
                    writeSynced(paths.get(i)[1], content);
                }
                checkpoint.reached("staged:" + i);
            }
            for (int i = 0; i < writes.size(); i++) {
                Path target = paths.get(i)[0];
                if (Files.exists(target)) {
                    backup(target, paths.get(i)[2]);
                }
                checkpoint.reached("backup:" + i);
                if (writes.get(i).content() == null) {
                    Files.deleteIfExists(target);
                } else {
                    move(paths.get(i)[1], target);
                }
                checkpoint.reached("renamed:" + i);
            }
            syncDirectories(paths);
            // The commit point: one atomic rename.
            move(journal(root), committed(root));
            checkpoint.reached("committed");
        } catch (IOException | RuntimeException e) {
            rollBackQuietly(root);
            if (e instanceof MxException mx) {
                throw mx;
            }
            if (Files.exists(journal(root))) {
                throw new MxException(MxException.Kind.IO, "could not write the project (" + describe(root, e)
                        + ") and could not undo all of it yet; the journal .mx/journal.json is kept and the next"
                        + " mx run finishes the rollback", e);
            }
            throw new MxException(MxException.Kind.IO, "could not write the project (" + describe(root, e)
                    + "); nothing was changed", e);
        }
        cleanUp(root);
    }

    /**
     * Finishes or undoes what a killed run left: rolls back an uncommitted journal, removes the
     * leftovers of a committed one. Returns a message for people, or null when there was nothing.
     */
    public static String recover(Path projectRoot) {
        Path root = projectRoot.toAbsolutePath().normalize();
        try {
            // A journal torn while it was first written: nothing after it had happened yet.
            Files.deleteIfExists(journalTmp(root));
        } catch (IOException e) {
            // harmless; tried again by the next run
        }
        if (Files.exists(journal(root))) {
            rollBack(root);
            return "rolled back an interrupted mx run; the project is as it was before it";
        }
        if (Files.exists(committed(root))) {
            cleanUp(root);
            return null;
        }
        return null;
    }

    private static void rollBackQuietly(Path root) {
        try {
            rollBack(root);
        } catch (RuntimeException ignored) {
            // The journal stays; the next run retries the rollback.
        }
    }

    private static void rollBack(Path root) {
        JsonNode record = readRecord(journal(root));
        List<String> failures = new ArrayList<>();
        if (record != null) {
            // Every entry is undone on its own: one that cannot be (a file made immutable meanwhile)
            // must not stop the others from being restored.
            for (JsonNode e : record.path("entries")) {
                Path target = root.resolve(e.path("target").asText());
                Path backup = root.resolve(e.path("backup").asText());
                Path staged = root.resolve(e.path("staged").asText());
                try {
                    if (Files.exists(backup)) {
                        // rename(2) between two links of one file does nothing, so drop the link instead;
                        // a copied backup of a target that was never replaced is dropped too
                        if (Files.exists(target) && (Files.isSameFile(backup, target) || sameContent(backup, target))) {
                            Files.delete(backup);
                        } else {
                            move(backup, target);
                        }
                    } else if (!e.path("existed").asBoolean()) {
                        Files.deleteIfExists(target);
                    }
                } catch (IOException ex) {
                    failures.add(describe(root, ex));
                }
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException ex) {
                    failures.add(describe(root, ex));
                }
            }
            List<String> dirs = new ArrayList<>();
            record.path("createdDirs").forEach(d -> dirs.add(d.asText()));
            for (int i = dirs.size() - 1; i >= 0; i--) {
                try {
                    deleteIfEmpty(root.resolve(dirs.get(i)));
                } catch (IOException ex) {
                    failures.add(describe(root, ex));
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new MxException(MxException.Kind.IO, "could not roll back an interrupted mx run: "
                    + String.join("; ", failures) + "; the journal .mx/journal.json is kept, run mx again to retry");
        }
        try {
            Files.deleteIfExists(journal(root));
        } catch (IOException e) {
            throw new MxException(MxException.Kind.IO, "could not remove the journal after a rollback: "
                    + describe(root, e) + "; run mx again", e);
        }
    }

    private static boolean sameContent(Path a, Path b) throws IOException {
        return Files.size(a) == Files.size(b) && Files.mismatch(a, b) == -1;
    }

    private static void cleanUp(Path root) {
        JsonNode record = readRecord(committed(root));
        try {
            if (record != null) {
                for (JsonNode e : record.path("entries")) {
                    Files.deleteIfExists(root.resolve(e.path("backup").asText()));
                    Files.deleteIfExists(root.resolve(e.path("staged").asText()));
                }
                // A deleted file's folder that is now empty goes too (never the root itself).
                for (JsonNode e : record.path("entries")) {
                    if (e.path("delete").asBoolean()) {
                        Path dir = root.resolve(e.path("target").asText()).normalize().getParent();
                        while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
                            deleteIfEmpty(dir);
                            if (Files.exists(dir)) {
                                break;
                            }
                            dir = dir.getParent();
                        }
                    }
                }
            }
            Files.deleteIfExists(committed(root));
        } catch (IOException e) {
            // Leftover backups are harmless; the next run removes them.
        }
    }

    private static JsonNode readRecord(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // A journal torn by a crash while it was first written: nothing after it happened yet.
            return null;
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }

    private static void backup(Path target, Path backup) throws IOException {
        Files.deleteIfExists(backup);
        try {
            Files.createLink(backup, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    static void writeAtomically(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            writeSynced(tmp, content);
            move(tmp, file);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // removed by the next recovery
            }
            throw e;
        }
    }

    private static void writeSynced(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (java.nio.file.FileSystemException e) {
            throw e;
        } catch (IOException e) {
            // "No space left on device", "File too large": say which file
            java.nio.file.FileSystemException named = new java.nio.file.FileSystemException(file.toString(), null,
                    e.getMessage());
            named.initCause(e);
            throw named;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncDirectories(List<Path[]> paths) {
        paths.stream().map(p -> p[0].getParent()).distinct().forEach(dir -> {
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                // Not every platform can sync a directory; the rename itself is still atomic.
            }
        });
    }

    /** The OS's reason and the file, relative to the project where it is inside it. */
    private static String describe(Path root, Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + shown(root, a.getFile());
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason()) + ": "
                    + shown(root, f.getFile());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String shown(Path root, String file) {
        if (file == null) {
            return "?";
        }
        try {
            Path p = Path.of(file);
            if (p.isAbsolute() && p.normalize().startsWith(root)) {
                String rel = root.relativize(p.normalize()).toString();
                // a staged or backup name stands for the file it belongs to
                return rel.replaceAll("(^|/)\\.([^/]+)\\.mx-(new|old)-[0-9a-f]+$", "$1$2");
            }
            return file;
        } catch (RuntimeException e) {
            return file;
        }
    }
}
