package dev.mx.engine.yaml;

import dev.mx.engine.text.Range;

/**
 * One document of a YAML stream.
 *
 * @param root  the document's content, or null for an empty document
 * @param range from the document start (first token or {@code ---}) to its end
 */
public record YamlDocument(YamlNode root, Range range) {
}
