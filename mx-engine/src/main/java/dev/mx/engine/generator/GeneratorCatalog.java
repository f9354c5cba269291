package dev.mx.engine.generator;

import dev.mx.engine.MxException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * All generators visible from one project: the built-ins shipped in the engine jar, then the
 * directories (or {@code .jar}/{@code .zip} archives) of {@code MX_GENERATOR_PATH}, then the
 * project's own {@code .mx/generators/}.
 * A later source overrides an earlier one with the same id. A broken descriptor does not hide
 * the others: it is kept as a problem and reported when that generator is asked for.
 */
public final class GeneratorCatalog {
    /** Where built-in generators live on the classpath (the top-level templates/ folder). */
    public static final String BUILT_IN_RESOURCE = "mx-templates";

    private final Map<String, GeneratorDescriptor> generators = new LinkedHashMap<>();
    private final Map<String, MxException> brokenById = new LinkedHashMap<>();
    private final List<MxException> problems = new ArrayList<>();

    private GeneratorCatalog() {
    }

    public static GeneratorCatalog load(List<Path> generatorPath, Path projectRoot) {
        GeneratorCatalog c = new GeneratorCatalog();
        Path builtIns = builtInRoot();
        if (builtIns != null) {
            c.scan(builtIns, GeneratorOrigin.BUILT_IN, "built-in");
        }
        for (Path dir : generatorPath) {
            if (Files.isDirectory(dir)) {
                c.scan(dir, GeneratorOrigin.GENERATOR_PATH, dir.toString());
            } else if (Files.isRegularFile(dir) && isArchive(dir)) {
                Path inside = c.openArchive(dir);
                if (inside != null) {
                    c.scan(inside, GeneratorOrigin.GENERATOR_PATH, dir.toString());
                }
            }
        }
        if (projectRoot != null) {
            Path local = projectRoot.resolve(".mx").resolve("generators");
            if (Files.isDirectory(local)) {
                c.scan(local, GeneratorOrigin.PROJECT, ".mx/generators");
            }
        }
        return c;
    }

    private static boolean isArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }

    /** Open archives by real path, reopened when the file changes; zip file systems are not cheap to open. */
    private static final Map<Path, ArchiveFs> ARCHIVES = new java.util.concurrent.ConcurrentHashMap<>();

    private record ArchiveFs(long modified, long size, FileSystem fs) {
    }

    /**
     * The folder inside a {@code .jar}/{@code .zip} of {@code MX_GENERATOR_PATH} that holds generator
     * directories: {@code mx-templates/} when the archive has one (the layout of mx's own jar),
     * else the archive's root. The archive is read with the zip file system, read-only; the same
     * confinement rules apply to its templates as to a directory's.
     */
    private Path openArchive(Path archive) {
        try {
            Path real = archive.toRealPath();
            long modified = Files.getLastModifiedTime(real).toMillis();
            long size = Files.size(real);
            ArchiveFs open = ARCHIVES.compute(real, (k, old) -> {
                if (old != null && old.modified() == modified && old.size() == size && old.fs().isOpen()) {
                    return old;
                }
                try {
                    return new ArchiveFs(modified, size, FileSystems.newFileSystem(real, Map.of("create", "false")));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Path top = open.fs().getPath("/");
            Path templates = top.resolve(BUILT_IN_RESOURCE);
            return Files.isDirectory(templates) ? templates : top;
        } catch (IOException | java.io.UncheckedIOException | java.util.zip.ZipError | IllegalArgumentException
                | UnsupportedOperationException | java.nio.file.ProviderNotFoundException e) {
            problems.add(new MxException(MxException.Kind.IO, archive + ": cannot read generators from this archive: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())));
            return null;
        }
    }

    /** Parses {@code MX_GENERATOR_PATH}-style text: directories separated by the platform separator. */
    public static List<Path> parsePath(String value) {
        List<Path> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(java.io.File.pathSeparator)) {
                if (!part.isBlank()) {
                    out.add(Path.of(part.strip()));
                }
            }
        }
        return out;
    }

    private void scan(Path dir, GeneratorOrigin origin, String display) {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        } catch (IOException e) {
            problems.add(new MxException(MxException.Kind.IO, display + ": cannot list generators: " + e.getMessage()));
            return;
        }
        for (Path child : children) {
            if (!Files.isRegularFile(child.resolve(DescriptorLoader.DESCRIPTOR))) {
                continue;
            }
            if (child.getFileName() == null) {
                continue;
            }
            String name = child.getFileName().toString().replace("/", "");
            String where = display + "/" + name + "/" + DescriptorLoader.DESCRIPTOR;
            try {
                GeneratorDescriptor d = DescriptorLoader.load(child, origin, where);
                if (!d.id().equals(name)) {
                    throw MxException.at(where, -1, -1,
                            "generator id '" + d.id() + "' does not match its directory name '" + name + "'");
                }
                generators.put(d.id(), d);
                brokenById.remove(d.id());
            } catch (MxException e) {
                problems.add(e);
                brokenById.put(name, e);
            }
        }
    }

    public Collection<GeneratorDescriptor> all() {
        return generators.values();
    }

    public Optional<GeneratorDescriptor> find(String id) {
        return Optional.ofNullable(generators.get(id));
    }

    /** The generator, or a clear error: broken descriptor, or unknown id with the known ones. */
    public GeneratorDescriptor require(String id) {
        GeneratorDescriptor d = generators.get(id);
        if (d != null) {
            return d;
        }
        MxException broken = brokenById.get(id);
        if (broken != null) {
            throw broken;
        }
        throw MxException.input("unknown generator '" + id + "'" + suggestion(id) + "; known generators: "
                + String.join(", ", generators.keySet()));
    }

    private String suggestion(String id) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : generators.keySet()) {
            int d = dev.mx.engine.text.Similarity.editDistance(id, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best != null && bestDistance <= Math.max(2, id.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    /** Descriptors that failed to load, with positions. */
    public List<MxException> problems() {
        return List.copyOf(problems);
    }

    private static Path builtInRoot() {
        URL url = GeneratorCatalog.class.getClassLoader().getResource(BUILT_IN_RESOURCE);
        if (url == null) {
            return null;
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/" + BUILT_IN_RESOURCE);
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            return null;
        }
    }
}
