package dev.mx.engine.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What rules may look at besides the file itself: other files of the project, resolved against
 * a base directory (the linted file's folder, as DevSpace and MLflow resolve relative paths).
 * The language server overlays the editor's unsaved buffers; the CLI reads the disk.
 */
public interface ProjectView {
    /** The directory relative paths are resolved against. */
    Path baseDir();

    /** The project root (the nearest folder with .mx/, else the base directory). */
    Path projectRoot();

    boolean exists(String relativePath);

    boolean isDirectory(String relativePath);

    Optional<String> read(String relativePath);

    /** A view of the disk for a file at {@code file}. */
    static ProjectView onDisk(Path file) {
        return withOverlay(file, Map.of());
    }

    /** The disk, except that files in {@code overlay} (absolute normalized path → text) read from memory. */
    static ProjectView withOverlay(Path file, Map<Path, String> overlay) {
        Path base = file.toAbsolutePath().normalize().getParent();
        Path root = findRoot(base);
        return new ProjectView() {
            @Override
            public Path baseDir() {
                return base;
            }

            @Override
            public Path projectRoot() {
                return root;
            }

            private Path resolve(String rel) {
                return base.resolve(rel).normalize();
            }

            @Override
            public boolean exists(String relativePath) {
                try {
                    Path p = resolve(relativePath);
                    return overlay.containsKey(p) || Files.exists(p);
                } catch (RuntimeException e) {
                    return false;
                }
            }

            @Override
            public boolean isDirectory(String relativePath) {
                try {
                    return Files.isDirectory(resolve(relativePath));
                } catch (RuntimeException e) {
                    return false;
                }
            }

            @Override
            public Optional<String> read(String relativePath) {
                try {
                    Path p = resolve(relativePath);
                    String mem = overlay.get(p);
                    if (mem != null) {
                        return Optional.of(mem);
                    }
                    return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8))
                            : Optional.empty();
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }
        };
    }

    /** The nearest ancestor holding a .mx folder, else {@code base} itself. */
    static Path findRoot(Path base) {
        for (Path p = base; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mx"))) {
                return p;
            }
        }
        return base;
    }
}
