package dev.mx.engine.service;

import dev.mx.engine.lint.FileKind;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlParser;
import java.nio.file.Path;

/**
 * One version of one open document, parsed once and shared by every feature.
 *
 * @param uri the client's identifier (a file: URI in editors)
 * @param path the file on disk, or null for an unsaved buffer without one
 * @param kind by file name (editors send languageId "" or "yaml" for all of them); null when not ours
 */
public record DocumentModel(String uri, Path path, int version, String text, FileKind kind, ParsedYaml yaml) {

    public static DocumentModel of(String uri, Path path, int version, String text) {
        FileKind kind = path == null ? null : FileKind.of(path).orElse(null);
        return new DocumentModel(uri, path, version, text, kind, YamlParser.parse(text));
    }

    /**
     * The model of another version of this document, re-parsing only the entries an edit touched
     * ({@link YamlParser#reparse}): the tree is the same as {@link #of}'s.
     */
    public DocumentModel next(int newVersion, String newText) {
        return new DocumentModel(uri, path, newVersion, newText, kind, YamlParser.reparse(yaml, newText));
    }

    /** The same parsed text seen as the file at {@code path} (its kind follows the name). */
    public DocumentModel withPath(Path path) {
        FileKind k = path == null ? kind : FileKind.of(path).orElse(null);
        return new DocumentModel(uri, path, version, text, k, yaml);
    }

    public LineMap lines() {
        return yaml.lines();
    }
}
