package dev.mx.engine.generator;

import java.time.Duration;
import java.util.List;

/**
 * One {@code post_apply} entry of a {@code generator.yaml}, as declared: an argument vector (no
 * shell), each argument a FreeMarker template; an optional {@code when} condition; a description
 * shown to people before it runs or when it is not run. Running it needs trust: see
 * {@link dev.mx.engine.trust.Trust}.
 *
 * @param run the argument vector; the first item is the program
 * @param when FreeMarker boolean expression, or null for always
 * @param timeout how long the command may run before it is killed
 */
public record PostApplyStep(List<String> run, String when, String description, Duration timeout) {
    /** How long a command may run unless its entry sets {@code timeout_seconds}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public PostApplyStep {
        run = List.copyOf(run);
    }
}
