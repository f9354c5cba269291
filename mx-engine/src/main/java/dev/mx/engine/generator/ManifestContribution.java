package dev.mx.engine.generator;

import java.util.List;

/**
 * What a generator adds to one shared YAML manifest (such as {@code devspace.yaml}): the
 * template for the file's first version, used only when the file does not exist yet, and the
 * keys it owns, each rendered from its own template.
 */
public record ManifestContribution(String file, String createTemplate, List<Key> keys) {
    public ManifestContribution {
        keys = List.copyOf(keys);
    }

    /**
     * @param path dot-separated key path; segments may contain {@code [=...]}
     * @param when FreeMarker boolean expression, or null for always
     */
    public record Key(String path, String template, String when) {
    }
}
