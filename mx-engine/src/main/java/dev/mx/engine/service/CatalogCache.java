package dev.mx.engine.service;

import dev.mx.engine.MxEngine;
import dev.mx.engine.generator.DescriptorLoader;
import dev.mx.engine.generator.GeneratorCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Generator catalogs for editor features (code actions, completion, hover), which editors ask for
 * on every cursor move or keystroke: loading a
 * catalog parses every descriptor (tens of milliseconds), so it is kept per project and loaded
 * again only when a descriptor in a generator folder outside the jar changed (folder listings and
 * file times of {@code generator.yaml}s, cheap to read). Built-ins do not change while mx runs.
 */
final class CatalogCache {
    private static final int MAX_PROJECTS = 32;

    private record Key(List<Path> generatorPath, Path root) {
    }

    private record Entry(List<String> fingerprint, GeneratorCatalog catalog) {
    }

    private static final Map<Key, Entry> CACHE = new ConcurrentHashMap<>();

    private CatalogCache() {
    }

    static GeneratorCatalog catalog(MxEngine engine, Path root) {
        root = root == null ? Path.of("").toAbsolutePath() : root;
        Key key = new Key(engine.generatorPath(), root);
        List<String> fingerprint = fingerprint(engine.generatorPath(), root);
        Entry e = CACHE.get(key);
        if (e != null && e.fingerprint().equals(fingerprint)) {
            return e.catalog();
        }
        GeneratorCatalog c = engine.catalog(root);
        if (CACHE.size() >= MAX_PROJECTS) {
            CACHE.clear();
        }
        CACHE.put(key, new Entry(fingerprint, c));
        return c;
    }

    /** Each generator folder's children with their descriptor's size and time. */
    static List<String> fingerprint(List<Path> generatorPath, Path root) {
        List<String> out = new ArrayList<>();
        List<Path> dirs = new ArrayList<>(generatorPath);
        dirs.add(root.resolve(".mx").resolve("generators"));
        for (Path dir : dirs) {
            out.add("#" + dir);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path child : s.sorted().toList()) {
                    Path d = child.resolve(DescriptorLoader.DESCRIPTOR);
                    try {
                        BasicFileAttributes a = Files.readAttributes(d, BasicFileAttributes.class);
                        out.add(child.getFileName() + ":" + a.size() + ":" + a.lastModifiedTime().toMillis());
                    } catch (IOException ex) {
                        out.add(child.getFileName() + ":-");
                    }
                }
            } catch (IOException | RuntimeException ex) {
                out.add("!");
            }
        }
        return out;
    }
}
