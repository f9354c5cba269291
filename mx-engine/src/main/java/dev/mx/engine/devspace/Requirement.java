package dev.mx.engine.devspace;

import java.util.List;

/**
 * A key DevSpace's loader insists on; when {@code anyOf} names several keys, one of them suffices
 * (a dependency needs {@code path} or {@code git}).
 */
public record Requirement(List<String> anyOf) {
    public Requirement {
        anyOf = List.copyOf(anyOf);
        if (anyOf.isEmpty()) {
            throw new IllegalArgumentException("empty requirement");
        }
    }
}
