package dev.mx.engine.trust;

import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.generator.GeneratorOrigin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/**
 * Decides whether a generator may run its post-apply commands, as copier decides for its tasks:
 * built-in generators are trusted; a pack from {@code MX_GENERATOR_PATH} or a project's
 * {@code .mx/generators/} is someone else's code and is trusted only when the user says so,
 * with {@code --trust} for one run or by listing a directory that contains the pack (by real
 * path, symbolic links resolved) under {@code trusted_paths} in their own configuration file.
 * Rendering a pack never needs trust; only running commands does.
 */
public final class Trust {
    private Trust() {
    }

    public static TrustDecision decide(GeneratorDescriptor g, boolean trustFlag, TrustConfig config) {
        if (g.origin() == GeneratorOrigin.BUILT_IN) {
            return new TrustDecision(true, "built-in generator");
        }
        if (trustFlag) {
            return new TrustDecision(true, "--trust was given");
        }
        Path where = location(g);
        for (Path trusted : config.trustedPaths()) {
            Path real = realOrSelf(trusted);
            if (where != null && (where.startsWith(real) || where.startsWith(trusted))) {
                return new TrustDecision(true, g.id() + " is under the trusted path " + trusted
                        + " (" + TrustConfig.KEY + " in " + config.file() + ")");
            }
        }
        return new TrustDecision(false, g.id() + " comes from " + g.origin().label() + " ("
                + (where == null ? g.root() : where) + ") and is not trusted");
    }

    /**
     * Where a pack really lives, for comparing with trusted paths: its directory with symbolic
     * links resolved, or the {@code .jar}/{@code .zip} file it was read from.
     */
    public static Path location(GeneratorDescriptor g) {
        Path root = g.root();
        if (root.getFileSystem() != FileSystems.getDefault()) {
            try {
                URI uri = root.toUri();
                String ssp = uri.getRawSchemeSpecificPart();
                int bang = ssp.indexOf("!/");
                Path archive = Path.of(URI.create(bang >= 0 ? ssp.substring(0, bang) : ssp));
                return realOrSelf(archive);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return realOrSelf(root.toAbsolutePath());
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** One line telling people how to trust a pack: the flag, or the configuration entry. */
    public static String howToTrust(GeneratorDescriptor g, TrustConfig config) {
        Path where = location(g);
        Path dir = where == null ? g.root() : where.getParent() != null ? where.getParent() : where;
        Path file = config.file() != null ? config.file()
                : TrustConfig.defaultFile(System.getenv(), System.getProperty("user.home"));
        return "review them, then run them yourself, or re-run with --trust, or trust the packs in " + dir
                + " for good by adding it to " + TrustConfig.KEY + " in " + file;
    }
}
