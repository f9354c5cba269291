package dev.mx.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "a/../../escape.txt", "/etc/passwd", "", "a/..", "C:/x"})
    void refusesPathsOutsideTheProject(String path) {
        MxException e = assertThrows(MxException.class, () -> PathGuard.resolveInside(dir, path));
        assertTrue(e.getMessage().startsWith("refusing to write"), e.getMessage());
    }

    @Test
    void refusesSymlinksLeadingOut(@TempDir Path outside) throws Exception {
        Files.createSymbolicLink(dir.resolve("out"), outside);
        assertThrows(MxException.class, () -> PathGuard.resolveInside(dir, "out/file.txt"));
        Files.createSymbolicLink(dir.resolve("link.txt"), outside.resolve("x"));
        assertThrows(MxException.class, () -> PathGuard.resolveInside(dir, "link.txt"));
    }

    @Test
    void allowsPathsAndSymlinksInside() throws Exception {
        Files.createDirectories(dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("real"));
        assertEquals(dir.resolve("alias/f.txt").toAbsolutePath(), PathGuard.resolveInside(dir, "alias/f.txt"));
        assertEquals(dir.resolve("a/b/c.txt").toAbsolutePath(), PathGuard.resolveInside(dir, "a/b/c.txt"));
    }
}
