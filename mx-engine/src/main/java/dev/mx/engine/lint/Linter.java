package dev.mx.engine.lint;

import dev.mx.engine.MxException;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.state.StateFile;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlParser;
import dev.mx.engine.yaml.YamlProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the files mx knows. For now: they must be readable UTF-8 text and well-formed YAML,
 * and the state file must be one this mx can read. The rule engine builds on this.
 */
public final class Linter {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target", ".venv", "venv",
            "__pycache__", ".terraform", ".devspace");

    private Linter() {
    }

    /** The known files under each path (a file is taken as given, a directory is searched). */
    public static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                Files.walkFileTree(p, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        Path n = dir.getFileName();
                        return n != null && !dir.equals(p) && SKIPPED_DIRS.contains(n.toString())
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && FileKind.of(file).isPresent()) {
                            out.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                out.add(p);
            }
        }
        out.sort(null);
        return out;
    }

    /** Lints one file on disk; {@code display} is how diagnostics name it. */
    public static List<Diagnostic> lintFile(Path file, String display) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return List.of(new Diagnostic(display, Range.of(0, 0, 0, 0), Severity.ERROR, "io/unreadable",
                    "cannot read the file: " + e.getMessage()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return List.of(new Diagnostic(display, Range.of(0, 0, 0, 0), Severity.ERROR, "io/encoding",
                    "not UTF-8 text (is it a binary file?)"));
        }
        FileKind kind = FileKind.of(file).orElse(guess(file));
        return lintText(text, display, kind);
    }

    private static FileKind guess(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.contains("mlproject") ? FileKind.MLPROJECT : FileKind.DEVSPACE;
    }

    /** Lints text as the given kind of file. Never throws on bad input. */
    public static List<Diagnostic> lintText(String text, String display, FileKind kind) {
        List<Diagnostic> out = new ArrayList<>();
        if (text.indexOf('\0') >= 0) {
            out.add(new Diagnostic(display, Range.of(0, 0, 0, 0), Severity.ERROR, "io/encoding",
                    "the file contains NUL bytes (is it a binary file?)"));
            return out;
        }
        ParsedYaml yaml = YamlParser.parse(text);
        for (YamlProblem p : yaml.problems()) {
            out.add(new Diagnostic(display, p.range(), Severity.ERROR, ruleOf(p), p.message()));
        }
        if (kind == FileKind.STATE && yaml.problems().isEmpty()) {
            try {
                StateFile.parse(text);
            } catch (MxException e) {
                int line = Math.max(0, e.line());
                int col = Math.max(0, e.column());
                out.add(new Diagnostic(display, Range.of(line, col, line, col), Severity.ERROR, "state/invalid",
                        e.getMessage()));
            }
        }
        return out;
    }

    private static String ruleOf(YamlProblem p) {
        return switch (p.kind()) {
            case DUPLICATE_KEY -> "yaml/duplicate-key";
            case LIMIT -> "yaml/limit";
            case ENCODING -> "io/encoding";
            default -> "yaml/syntax";
        };
    }
}
