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
}
