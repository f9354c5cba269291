package dev.mx.engine.yaml;

/**
 * One {@code key: value} pair. The key is normally a {@link YamlScalar}. The value is never null:
 * a missing value is an empty null {@link YamlScalar} positioned right after the colon.
 */
public record YamlEntry(YamlNode key, YamlNode value) {
    public YamlEntry {
        if (key == null || value == null) {
            throw new IllegalArgumentException("entry needs a key and a value");
        }
    }

    /** The key as text: a scalar key's value (an alias key's target value), else null. */
    public String keyText() {
        return YamlMapping.keyText(key);
    }

    @Override
    public String toString() {
        return "entry(" + key + ": " + value + ")";
    }
}
