package dev.mx.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionTest {
    @TempDir
    Path dir;

    private static Transaction.Write w(String path, String content) {
        return new Transaction.Write(path, content == null ? null : content.getBytes(StandardCharsets.UTF_8));
    }

    /** Every file under the root except mx's own bookkeeping, with its content. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString();
                if (rel.isEmpty() || rel.startsWith(".mx/journal") || rel.startsWith(".mx/committed")
                        || rel.equals(".mx")) {
                    continue;
                }
                out.put(rel, Files.isDirectory(p) ? "<dir>" : Files.readString(p));
            }
        }
        return out;
    }

    private void seed() throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "old keep");
        Files.writeString(dir.resolve("gone.txt"), "to delete");
    }

    private List<Transaction.Write> writes() {
        return List.of(w("keep.txt", "new keep"), w("sub/dir/new.txt", "created"), w("gone.txt", null),
                w(".mx/state.yaml", "state"));
    }

    @Test
    void commitsAllWrites() throws Exception {
        seed();
        Transaction.commit(dir, writes(), p -> { });
        assertEquals(Map.of("keep.txt", "new keep", "sub", "<dir>", "sub/dir", "<dir>", "sub/dir/new.txt", "created",
                ".mx/state.yaml", "state"), snapshot(dir));
        try (Stream<Path> s = Files.walk(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".mx-")), "no staged or backup leftovers");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"journal", "staged:0", "staged:2", "backup:0", "renamed:0", "renamed:1", "backup:2",
        "renamed:3"})
    void aFailureAnywhereLeavesTheProjectExactlyAsBefore(String failAt) throws Exception {
        seed();
        Map<String, String> before = snapshot(dir);
        MxException e = assertThrows(MxException.class, () -> Transaction.commit(dir, writes(), p -> {
            if (p.equals(failAt)) {
                throw new IOException("No space left on device");
            }
        }));
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertEquals(before, snapshot(dir));
        assertFalse(Files.exists(dir.resolve(".mx/journal.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staged:1", "renamed:0", "renamed:2", "backup:3"})
    void aCrashIsRolledBackByTheNextRun(String crashAt) throws Exception {
        seed();
        Map<String, String> before = snapshot(dir);
        // A crash: the process dies at this point, so neither rollback nor cleanup runs.
        class Crash extends Error {
        }
        assertThrows(Crash.class, () -> Transaction.commit(dir, writes(), p -> {
            if (p.equals(crashAt)) {
                throw new Crash();
            }
        }));
        assertTrue(Files.exists(dir.resolve(".mx/journal.json")));
        assertTrue(Transaction.recover(dir).contains("rolled back"));
        assertEquals(before, snapshot(dir));
        try (Stream<Path> s = Files.walk(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".mx-")), "no leftovers");
        }
    }

    @Test
    void aCrashAfterTheCommitPointKeepsTheNewFiles() throws Exception {
        seed();
        class Crash extends Error {
        }
        assertThrows(Crash.class, () -> Transaction.commit(dir, writes(), p -> {
            if (p.equals("committed")) {
                throw new Crash();
            }
        }));
        Transaction.recover(dir);
        assertEquals("new keep", Files.readString(dir.resolve("keep.txt")));
        assertFalse(Files.exists(dir.resolve("gone.txt")));
        try (Stream<Path> s = Files.walk(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".mx-")), "no leftovers");
        }
    }

    @Test
    void aReadOnlyDirectoryFailsCleanly() throws Exception {
        seed();
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Files.writeString(ro.resolve("f.txt"), "mine");
        Map<String, String> before = snapshot(dir);
        ro.toFile().setWritable(false);
        try {
            if (Files.isWritable(ro)) {
                return; // running as a user who ignores permissions (root): covered by the injected faults above
            }
            MxException e = assertThrows(MxException.class, () -> Transaction.commit(dir,
                    List.of(w("keep.txt", "changed"), w("ro/f.txt", "theirs")), p -> { }));
            assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        } finally {
            ro.toFile().setWritable(true);
        }
        assertEquals(before, snapshot(dir));
    }

    @Test
    void aJournalTornWhileBeingWrittenIsRemovedByRecovery() throws Exception {
        seed();
        Map<String, String> before = snapshot(dir);
        Files.createDirectories(dir.resolve(".mx"));
        Files.writeString(dir.resolve(".mx/.journal.json.tmp"), "{\"tx\": \"12");
        assertTrue(Transaction.needsRecovery(dir));
        assertEquals(null, Transaction.recover(dir), "nothing had happened yet: nothing to roll back");
        assertFalse(Files.exists(dir.resolve(".mx/.journal.json.tmp")));
        assertFalse(Transaction.needsRecovery(dir));
        Map<String, String> after = snapshot(dir);
        after.remove(".mx");
        assertEquals(before, after);
    }

    @Test
    void theTestDelayHookIsBoundedAndOffByDefault() {
        assertEquals(0, Transaction.testDelay(null));
        assertEquals(0, Transaction.testDelay("nonsense"));
        assertEquals(0, Transaction.testDelay("-5"));
        assertEquals(7, Transaction.testDelay(" 7 "));
        assertEquals(1000, Transaction.testDelay("999999"));
    }

    @Test
    void errorsNameTheProjectFileNotTheStagedCopy() throws Exception {
        seed();
        MxException e = assertThrows(MxException.class, () -> Transaction.commit(dir, writes(), p -> {
            if (p.equals("staged:1")) {
                throw new java.nio.file.FileSystemException(dir.resolve("sub/dir/.new.txt.mx-new-0123abcd").toString(),
                        null, "No space left on device");
            }
        }));
        assertEquals("could not write the project (No space left on device: sub/dir/new.txt); nothing was changed",
                e.getMessage());
    }
}
