package dev.mx.engine.service;

import java.util.concurrent.CancellationException;

/** Asked between steps of a long computation; throws {@link CancellationException} once the result is no longer wanted. */
@FunctionalInterface
public interface CancelChecker {
    CancelChecker NEVER = () -> { };

    void checkCanceled() throws CancellationException;
}
