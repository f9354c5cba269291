package dev.mx.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLockTest {
    @TempDir
    Path dir;

    @Test
    void secondHolderIsRefusedWithTheHoldersPid() {
        try (ProjectLock first = ProjectLock.acquire(dir, "mx generate a", Duration.ZERO, s -> { })) {
            MxException e = assertThrows(MxException.class,
                    () -> ProjectLock.acquire(dir, "mx generate b", Duration.ofMillis(300), s -> { }));
            assertEquals(MxException.Kind.LOCKED, e.kind());
            assertTrue(e.getMessage().contains("locked by pid " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().contains("mx generate a"), e.getMessage());
        }
        assertFalse(Files.exists(ProjectLock.path(dir)), "closing releases the lock");
    }

    @Test
    void lockOfADeadProcessIsClearedWithANotice() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Files.createDirectories(dir.resolve(".mx"));
        String host = Files.exists(Path.of("/proc/sys/kernel/hostname"))
                ? Files.readString(Path.of("/proc/sys/kernel/hostname")).strip() : "localhost";
        if (System.getenv("HOSTNAME") != null && !System.getenv("HOSTNAME").isBlank()) {
            host = System.getenv("HOSTNAME").strip();
        }
        Files.writeString(ProjectLock.path(dir), "pid=" + p.pid() + "\nhost=" + host
                + "\nstarted=unknown\nsince=2026-01-01T00:00:00Z\ncommand=mx generate killed\n");
        List<String> notices = new ArrayList<>();
        try (ProjectLock lock = ProjectLock.acquire(dir, "mx generate x", Duration.ZERO, notices::add)) {
            assertEquals(1, notices.size());
            assertTrue(notices.get(0).contains("stale lock left by pid " + p.pid()), notices.get(0));
        }
    }

    @Test
    void waitsForALiveHolderToFinish() throws Exception {
        ProjectLock first = ProjectLock.acquire(dir, "mx generate a", Duration.ZERO, s -> { });
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                // end early
            }
            first.close();
        });
        t.start();
        try (ProjectLock second = ProjectLock.acquire(dir, "mx generate b", Duration.ofSeconds(10), s -> { })) {
            assertTrue(Files.readString(ProjectLock.path(dir)).contains("mx generate b"));
        }
        t.join();
    }

    @Test
    void clearIfStaleRemovesOnlyADeadHoldersLock() throws Exception {
        assertEquals(null, ProjectLock.clearIfStale(dir), "no lock, nothing to say");
        try (ProjectLock live = ProjectLock.acquire(dir, "mx generate a", Duration.ZERO, s -> { })) {
            assertEquals(null, ProjectLock.clearIfStale(dir));
            assertTrue(Files.exists(ProjectLock.path(dir)), "a live holder's lock is kept");
        }
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Files.createDirectories(dir.resolve(".mx"));
        try (ProjectLock mine = ProjectLock.acquire(dir, "mx generate b", Duration.ZERO, s -> { })) {
            // the same lock file, but naming a process that has exited
            String text = Files.readString(ProjectLock.path(dir)).replaceFirst("pid=\\d+", "pid=" + p.pid())
                    .replaceFirst("started=[^\n]*", "started=unknown");
            Files.writeString(ProjectLock.path(dir), text);
            String notice = ProjectLock.clearIfStale(dir);
            assertTrue(notice != null && notice.contains("stale lock left by pid " + p.pid()), notice);
            assertFalse(Files.exists(ProjectLock.path(dir)));
        }
    }

    /** A lock file without a pid: being written right now (young), or torn by a crash or a full disk (old). */
    @Test
    void aTornLockIsWaitedForWhileYoungAndClearedWhenOld() throws Exception {
        Files.createDirectories(dir.resolve(".mx"));
        Path lock = ProjectLock.path(dir);
        Files.writeString(lock, "");
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(300);
                Files.writeString(lock, "pid=" + ProcessHandle.current().pid() + "\nhost=elsewhere\ncommand=mx x\n");
            } catch (Exception ignored) {
                // the assertion below fails instead
            }
        });
        writer.start();
        MxException e = assertThrows(MxException.class, () -> ProjectLock.acquire(dir, "mx generate b", Duration.ZERO,
                s -> { }));
        writer.join();
        assertTrue(e.getMessage().contains("locked by pid " + ProcessHandle.current().pid()),
                "a young empty lock is read again until its holder has written it: " + e.getMessage());

        Files.writeString(lock, "");
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        List<String> notices = new ArrayList<>();
        try (ProjectLock taken = ProjectLock.acquire(dir, "mx generate c", Duration.ZERO, notices::add)) {
            assertTrue(notices.size() == 1 && notices.get(0).contains("unreadable lock"), notices.toString());
        }
    }
}
