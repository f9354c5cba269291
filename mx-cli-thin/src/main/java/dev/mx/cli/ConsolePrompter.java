package dev.mx.cli;

import dev.mx.engine.generator.Parameter;
import dev.mx.engine.generator.Prompter;
import java.io.Console;

/** Asks on the terminal; only used when stdin and stdout are a TTY. */
final class ConsolePrompter implements Prompter {
    private final Console console;

    private ConsolePrompter(Console console) {
        this.console = console;
    }

    /** A prompter when running on a terminal, else null (missing values are then an error). */
    static Prompter ifInteractive() {
        Console c = System.console();
        return c == null ? null : new ConsolePrompter(c);
    }

    @Override
    public String ask(Parameter p) {
        String help = p.help() == null ? "" : " (" + p.help().strip() + ")";
        String choices = p.choices().isEmpty() ? "" : " [" + String.join("|", p.choices()) + "]";
        String line = console.readLine("%s%s%s: ", p.name(), choices, help);
        return line == null || line.isBlank() ? null : line.strip();
    }
}
