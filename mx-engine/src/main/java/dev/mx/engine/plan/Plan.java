package dev.mx.engine.plan;

import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.state.ProjectState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything applying a generator would do, computed in memory: file changes (including the
 * state file), the state after, and the next steps to tell the user. Nothing is written until
 * {@link Applier#apply} is called with this plan.
 */
public record Plan(
        Path root,
        GeneratorDescriptor generator,
        Map<String, Object> parameters,
        List<FileChange> changes,
        ProjectState newState,
        String nextSteps) {

    public Plan {
        changes = List.copyOf(changes);
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    public List<FileChange> conflicts() {
        return changes.stream().filter(c -> c.kind() == FileChange.Kind.CONFLICT).toList();
    }

    public boolean hasConflicts() {
        return !conflicts().isEmpty();
    }

    /** True when applying would not change a single byte. */
    public boolean isNoop() {
        return changes.stream().noneMatch(FileChange::writes);
    }
}
