package dev.mx.engine.generator;

/** Where a generator was loaded from; packs from outside the jar are someone else's code. */
public enum GeneratorOrigin {
    BUILT_IN("built-in"),
    GENERATOR_PATH("MX_GENERATOR_PATH"),
    PROJECT("project .mx/generators");

    private final String label;

    GeneratorOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
