package dev.mx.engine.yaml;

/** Thrown by {@link YamlEditor} when an edit cannot be made safely; the message names the path. */
public class YamlEditException extends RuntimeException {
    public YamlEditException(String message) {
        super(message);
    }
}
