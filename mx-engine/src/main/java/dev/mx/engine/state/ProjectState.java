package dev.mx.engine.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The content of {@code .mx/state.yaml}: shared answers and the generators applied, in order. */
public record ProjectState(int formatVersion, Map<String, Object> answers, List<AppliedGenerator> generators) {
    public static final int FORMAT_VERSION = 1;

    public ProjectState {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        generators = List.copyOf(generators);
    }

    public static ProjectState empty() {
        return new ProjectState(FORMAT_VERSION, Map.of(), List.of());
    }

    public Optional<AppliedGenerator> generator(String id) {
        return generators.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public boolean isApplied(String id) {
        return generator(id).isPresent();
    }

    /** A copy with {@code g} recorded in place of an earlier entry with the same id (or appended). */
    public ProjectState with(AppliedGenerator g, Map<String, Object> newAnswers) {
        List<AppliedGenerator> gs = new ArrayList<>(generators);
        int i = 0;
        while (i < gs.size() && !gs.get(i).id().equals(g.id())) {
            i++;
        }
        if (i < gs.size()) {
            gs.set(i, g);
        } else {
            gs.add(g);
        }
        Map<String, Object> a = new LinkedHashMap<>(answers);
        a.putAll(newAnswers);
        return new ProjectState(FORMAT_VERSION, a, gs);
    }
}
