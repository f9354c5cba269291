package dev.mx.engine.generator;

import java.util.Locale;

/** The value types a generator parameter can have. */
public enum ParameterType {
    STRING, INT, BOOL, ENUM, LIST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
