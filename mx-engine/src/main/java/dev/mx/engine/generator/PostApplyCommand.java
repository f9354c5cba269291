package dev.mx.engine.generator;

import java.time.Duration;
import java.util.List;

/**
 * A post-apply command rendered with the run's answers (its {@code when} was true): the exact
 * argument vector mx would execute in the project root, without a shell.
 */
public record PostApplyCommand(List<String> argv, String description, Duration timeout) {
    public PostApplyCommand {
        argv = List.copyOf(argv);
    }

    /** The command as a person would type it in a POSIX shell (arguments quoted where needed). */
    public String display() {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(a.matches("[A-Za-z0-9_@%+=:,./-]+") ? a : "'" + a.replace("'", "'\"'\"'") + "'");
        }
        return sb.toString();
    }
}
