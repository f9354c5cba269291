package dev.mx.engine.yaml;

/** Thrown when converting a tree would exceed a safety limit (alias expansion budget, recursive aliases). */
public class YamlLimitException extends RuntimeException {
    public YamlLimitException(String message) {
        super(message);
    }
}
