package dev.mx.engine.service.completion;

import dev.mx.engine.MxEngine;
import dev.mx.engine.generator.GeneratorCatalog;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generator catalog of a project, read at most once every few seconds: completion and hover
 * ask for it on every keystroke, and reading it parses every descriptor.
 */
public final class Catalogs {
    private static final long TTL_NANOS = 3_000_000_000L;
    private static final int MAX_ENTRIES = 32;
    private static final Map<Path, Entry> CACHE = new ConcurrentHashMap<>();

    private record Entry(MxEngine engine, long loadedAt, GeneratorCatalog catalog) {
    }

    private Catalogs() {
    }

    /** The catalog seen from a project (built-ins only when {@code projectRoot} is null). */
    public static GeneratorCatalog of(MxEngine engine, Path projectRoot) {
        Path key = projectRoot == null ? Path.of("") : projectRoot.toAbsolutePath().normalize();
        long now = System.nanoTime();
        Entry e = CACHE.get(key);
        if (e == null || e.engine() != engine || now - e.loadedAt() > TTL_NANOS) {
            if (CACHE.size() >= MAX_ENTRIES) {
                CACHE.clear();
            }
            e = new Entry(engine, now, engine.catalog(projectRoot));
            CACHE.put(key, e);
        }
        return e.catalog();
    }

    /** The project a state file belongs to: the folder holding {@code .mx/}; null without a path. */
    public static Path projectRootOfState(Path stateFile) {
        if (stateFile == null) {
            return null;
        }
        Path abs = stateFile.toAbsolutePath().normalize();
        Path mx = abs.getParent();
        return mx == null ? null : mx.getParent();
    }
}
