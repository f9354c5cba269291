package dev.mx.engine.trust;

import dev.mx.engine.MxException;
import dev.mx.engine.io.MarkedYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The user's mx configuration, {@code $XDG_CONFIG_HOME/mx/config.yaml} (default
 * {@code ~/.config/mx/config.yaml}), as far as trust goes: {@code trusted_paths}, a list of
 * absolute directories ({@code ~} allowed) whose generator packs may run their post-apply
 * commands. Never read from a project: a repository cannot trust itself. A missing file trusts
 * nothing; a broken one trusts nothing and says why in {@link #problems()}.
 */
public final class TrustConfig {
    public static final String KEY = "trusted_paths";

    private final Path file;
    private final List<Path> trustedPaths;
    private final List<String> problems;

    private TrustConfig(Path file, List<Path> trustedPaths, List<String> problems) {
        this.file = file;
        this.trustedPaths = List.copyOf(trustedPaths);
        this.problems = List.copyOf(problems);
    }

    /** Nothing trusted, no file. */
    public static TrustConfig empty() {
        return new TrustConfig(null, List.of(), List.of());
    }

    /** Reads the user's configuration from the standard place for this environment. */
    public static TrustConfig load() {
        return load(defaultFile(System.getenv(), System.getProperty("user.home")));
    }

    /** {@code $XDG_CONFIG_HOME/mx/config.yaml} when that variable is an absolute path, else {@code ~/.config/mx/config.yaml}. */
    public static Path defaultFile(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else {
            base = Path.of(userHome == null ? "." : userHome).resolve(".config");
        }
        return base.resolve("mx").resolve("config.yaml");
    }

    public static TrustConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new TrustConfig(file, List.of(), List.of());
        } catch (IOException e) {
            return new TrustConfig(file, List.of(), List.of(file + ": cannot read: " + e.getMessage()));
        }
        List<Path> paths = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            MarkedYaml doc = MarkedYaml.parse(file.toString(), text);
            if (doc.isNull()) {
                return new TrustConfig(file, List.of(), List.of());
            }
            MarkedYaml list = doc.entries().get(KEY);
            if (list != null && !list.isNull()) {
                for (MarkedYaml item : list.items()) {
                    String raw = item.string().strip();
                    Path p = expand(raw);
                    if (p == null || !p.isAbsolute()) {
                        problems.add(item.error("'" + raw + "' in " + KEY
                                + " must be an absolute directory (or start with ~/); it is ignored").describe());
                        continue;
                    }
                    paths.add(p.normalize());
                }
            }
        } catch (MxException e) {
            return new TrustConfig(file, List.of(), List.of(e.describe() + " (nothing is trusted from this file)"));
        }
        return new TrustConfig(file, paths, problems);
    }

    private static Path expand(String raw) {
        try {
            String home = System.getProperty("user.home");
            if (raw.equals("~")) {
                return Path.of(home);
            }
            if (raw.startsWith("~/")) {
                return Path.of(home).resolve(raw.substring(2));
            }
            return Path.of(raw);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The configuration file this was read from, or null for {@link #empty()}. */
    public Path file() {
        return file;
    }

    /** Absolute, normalized (not yet resolved) trusted directories. */
    public List<Path> trustedPaths() {
        return trustedPaths;
    }

    /** Messages about entries or a file that could not be used; they never make anything trusted. */
    public List<String> problems() {
        return problems;
    }
}
