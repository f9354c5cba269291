package dev.mx.engine.devspace;

import java.util.List;

/**
 * Keys of one object that exclude each other: at least {@code min} and at most {@code max} of them
 * may be set (a deployment needs exactly one of helm and kubectl; an image may name at most one
 * build engine).
 *
 * @param note why, when DevSpace does not say so itself (empty otherwise)
 */
public record OneOfGroup(List<String> keys, int min, int max, String note) {
    public OneOfGroup {
        keys = List.copyOf(keys);
        note = note == null ? "" : note;
        if (keys.size() < 2 || min < 0 || max < Math.max(1, min)) {
            throw new IllegalArgumentException("bad one-of group " + keys + " " + min + ".." + max);
        }
    }
}
