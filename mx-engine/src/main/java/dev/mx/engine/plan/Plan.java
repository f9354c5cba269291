package dev.mx.engine.plan;

import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.generator.PostApplyCommand;
import dev.mx.engine.state.ProjectState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything applying a generator would do, computed in memory: file changes (including the
 * state file), the state after, the next steps to tell the user, and the post-apply commands the
 * generator asks for (rendered, not run: running them is a separate, trusted step after the
 * apply). Nothing is written until {@link Applier#apply} is called with this plan.
 */
public record Plan(
        Path root,
        GeneratorDescriptor generator,
        Map<String, Object> parameters,
        List<FileChange> changes,
        ProjectState newState,
        String nextSteps,
        List<PostApplyCommand> postApply) {

    public Plan {
        changes = List.copyOf(changes);
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        postApply = postApply == null ? List.of() : List.copyOf(postApply);
    }

    /** A plan without post-apply commands. */
    public Plan(Path root, GeneratorDescriptor generator, Map<String, Object> parameters, List<FileChange> changes,
            ProjectState newState, String nextSteps) {
        this(root, generator, parameters, changes, newState, nextSteps, List.of());
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
