package dev.mx.engine.lint;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The files mx understands, recognized by name as their tools do. */
public enum FileKind {
    DEVSPACE, MLPROJECT, STATE, LINT_CONFIG,
    /** For rules that apply to every kind (YAML syntax, encoding); never returned by {@link #of}. */
    ANY;

    /** The kind of a file, by its name (and for .mx files, its folder). */
    public static Optional<FileKind> of(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toString();
        Path parent = file.getParent();
        boolean inMx = parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(".mx");
        if (n.equals("devspace.yaml") || n.equals("devspace.yml")) {
            return Optional.of(DEVSPACE);
        }
        // MLflow looks the file up case-insensitively.
        if (n.toLowerCase(Locale.ROOT).equals("mlproject")) {
            return Optional.of(MLPROJECT);
        }
        if (inMx && n.equals("state.yaml")) {
            return Optional.of(STATE);
        }
        if (inMx && n.equals("lint.yaml")) {
            return Optional.of(LINT_CONFIG);
        }
        return Optional.empty();
    }
}
