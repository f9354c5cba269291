package dev.mx.engine.apply;

import dev.mx.engine.MxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Confines every path a generator writes to the project root: no absolute paths, no {@code ..},
 * and no symlink on the way that leads outside (copier's rule). Checked on the real file
 * system right before planning and again before writing.
 */
public final class PathGuard {
    private PathGuard() {
    }

    public static Path resolveInside(Path projectRoot, String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.startsWith("\\") || relative.contains("\0")
                || relative.matches("^[A-Za-z]:.*")) {
            throw refuse(relative, "it is not a relative path");
        }
        for (String part : relative.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw refuse(relative, "it climbs out with '..'");
            }
        }
        Path root = projectRoot.toAbsolutePath().normalize();
        Path target;
        try {
            target = root.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw refuse(relative, "it is not a valid file name here");
        }
        if (!target.startsWith(root) || target.equals(root)) {
            throw refuse(relative, "it resolves outside the project");
        }
        Path realRoot;
        try {
            realRoot = Files.exists(root) ? root.toRealPath() : root;
        } catch (IOException e) {
            realRoot = root;
        }
        // Every existing component between the root and the target must stay inside once symlinks are followed.
        Path cur = root;
        for (Path part : root.relativize(target)) {
            cur = cur.resolve(part);
            if (Files.isSymbolicLink(cur)) {
                if (cur.equals(target)) {
                    throw refuse(relative, "it is a symbolic link");
                }
                try {
                    if (!cur.toRealPath().startsWith(realRoot)) {
                        throw refuse(relative, "a symbolic link on the way leads outside the project");
                    }
                } catch (IOException e) {
                    throw refuse(relative, "a symbolic link on the way cannot be followed");
                }
            } else if (!Files.exists(cur)) {
                break;
            }
        }
        return target;
    }

    private static MxException refuse(String path, String why) {
        return MxException.input("refusing to write '" + path + "': " + why);
    }
}
