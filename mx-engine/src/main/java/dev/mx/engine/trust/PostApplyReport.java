package dev.mx.engine.trust;

import dev.mx.engine.generator.PostApplyCommand;
import java.util.List;

/**
 * What happened to a generator's post-apply commands after an apply. Files stay applied whatever
 * happens here: the commands run after the transaction has committed.
 *
 * @param trust the trust decision (for a policy that never runs commands, why not)
 * @param results one entry per rendered command, in order
 */
public record PostApplyReport(TrustDecision trust, List<Result> results) {
    public PostApplyReport {
        results = List.copyOf(results);
    }

    public enum Status {
        /** ran and exited with 0 */
        SUCCEEDED,
        /** ran and exited with another code */
        FAILED,
        /** killed after its timeout */
        TIMED_OUT,
        /** could not be started (program not found, not executable) */
        NOT_STARTED,
        /** not run: the generator is not trusted, or the caller never runs commands */
        SKIPPED_UNTRUSTED,
        /** not run because an earlier command failed */
        SKIPPED_AFTER_FAILURE
    }

    /** @param exitCode the process's exit code, or -1 when it did not exit by itself */
    public record Result(PostApplyCommand command, Status status, int exitCode, String detail) {
    }

    /** No commands declared (or none whose {@code when} held). */
    public static PostApplyReport none() {
        return new PostApplyReport(new TrustDecision(true, "no commands"), List.of());
    }

    public boolean isEmpty() {
        return results.isEmpty();
    }

    /** A command ran and failed, timed out or could not start. */
    public boolean failed() {
        return results.stream().anyMatch(r -> r.status() == Status.FAILED || r.status() == Status.TIMED_OUT
                || r.status() == Status.NOT_STARTED);
    }

    /** Commands not run for lack of trust. */
    public List<PostApplyCommand> notRun() {
        return results.stream().filter(r -> r.status() == Status.SKIPPED_UNTRUSTED).map(Result::command).toList();
    }
}
