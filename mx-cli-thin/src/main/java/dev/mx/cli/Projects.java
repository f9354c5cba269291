package dev.mx.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project a command works on. */
final class Projects {
    private Projects() {
    }

    /** The given directory, or the nearest ancestor of the working directory with .mx/state.yaml, or the working directory. */
    static Path root(Path explicit) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(".mx").resolve("state.yaml"))) {
                return p;
            }
        }
        return cwd;
    }
}
