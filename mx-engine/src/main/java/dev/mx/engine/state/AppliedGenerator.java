package dev.mx.engine.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generator as applied to the project: its version, the parameter values it was applied
 * with, and a content hash for every file and every manifest key it wrote, so a later run can
 * tell the user's own changes from mx's.
 *
 * @param files project-relative path → hash
 * @param manifests manifest path → (dot-separated key path → hash of the key's value)
 */
public record AppliedGenerator(
        String id,
        String version,
        Map<String, Object> parameters,
        Map<String, String> files,
        Map<String, Map<String, String>> manifests) {

    public AppliedGenerator {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        manifests.forEach((k, v) -> m.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        manifests = Collections.unmodifiableMap(m);
    }

    public String manifestKeyHash(String file, String keyPath) {
        Map<String, String> keys = manifests.get(file);
        return keys == null ? null : keys.get(keyPath);
    }
}
