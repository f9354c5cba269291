package dev.mx.engine.generator;

import java.util.List;
import java.util.Map;

/**
 * A generator rendered in memory, nothing written yet: whole files it owns, and its keys in
 * shared manifests, and the post-apply commands whose {@code when} held, rendered but not run.
 *
 * @param files project-relative path → content, in render order
 */
public record RenderedGenerator(Map<String, byte[]> files, List<ManifestEdit> manifests, String nextSteps,
        List<PostApplyCommand> postApply) {

    public RenderedGenerator {
        postApply = postApply == null ? List.of() : List.copyOf(postApply);
    }

    public RenderedGenerator(Map<String, byte[]> files, List<ManifestEdit> manifests, String nextSteps) {
        this(files, manifests, nextSteps, List.of());
    }

    /** The keys one generator sets in one shared manifest. */
    public record ManifestEdit(String file, String createContent, List<KeyValue> keys) {
    }

    /** @param yamlFragment the key's value as YAML at indent 0 */
    public record KeyValue(List<String> path, String yamlFragment) {
        public String dotted() {
            return String.join(".", path);
        }
    }
}
