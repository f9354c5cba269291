package dev.mx.engine.diag;

import dev.mx.engine.text.Range;
import java.util.List;

/**
 * One finding in one file. {@code file} is the path as the caller named it (the CLI prints it
 * as given); {@code rule} is a rule id such as {@code yaml/syntax} or {@code devspace/unknown-key}.
 */
public record Diagnostic(String file, Range range, Severity severity, String rule, String message, List<Fix> fixes) {
    public Diagnostic {
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
    }

    public Diagnostic(String file, Range range, Severity severity, String rule, String message) {
        this(file, range, severity, rule, message, List.of());
    }

    /** {@code file:line:col: severity [rule] message}, lines and columns counted from one. */
    public String format() {
        return file + ":" + (range.start().line() + 1) + ":" + (range.start().column() + 1) + ": "
                + severity.label() + " [" + rule + "] " + message;
    }
}
