package dev.mx.engine.generator;

/** Asks a person for a value the engine cannot decide alone (the CLI does this only on a TTY). */
@FunctionalInterface
public interface Prompter {
    /** @return the typed answer, or null to give up */
    String ask(Parameter parameter);
}
