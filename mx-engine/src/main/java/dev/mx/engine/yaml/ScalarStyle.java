package dev.mx.engine.yaml;

/** How a scalar is written in the source text. */
public enum ScalarStyle {
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    /** {@code |} block scalar */
    LITERAL,
    /** {@code >} block scalar */
    FOLDED
}
