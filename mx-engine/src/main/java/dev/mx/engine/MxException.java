package dev.mx.engine;

/**
 * An error meant for people: a clear message, and where known the file, line and column it is
 * about. Callers print {@link #describe()}; they never need the stack trace.
 */
public class MxException extends RuntimeException {
    /** What kind of failure this is; the CLI maps it to an exit code. */
    public enum Kind { INPUT, CONFLICT, LOCKED, IO }

    private final Kind kind;
    private final String file;
    private final int line;
    private final int column;

    public MxException(Kind kind, String message) {
        this(kind, null, -1, -1, message, null);
    }

    public MxException(Kind kind, String message, Throwable cause) {
        this(kind, null, -1, -1, message, cause);
    }

    /** @param line zero-based, or -1 when unknown; likewise column */
    public MxException(Kind kind, String file, int line, int column, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public static MxException input(String message) {
        return new MxException(Kind.INPUT, message);
    }

    public static MxException at(String file, int line, int column, String message) {
        return new MxException(Kind.INPUT, file, line, column, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public String file() {
        return file;
    }

    /** Zero-based line or -1. */
    public int line() {
        return line;
    }

    /** Zero-based column or -1. */
    public int column() {
        return column;
    }

    /** {@code file:line:col: message}, with lines and columns counted from one. */
    public String describe() {
        return describe(file, line, column, getMessage());
    }

    /** {@code file:line:col: message} for zero-based line and column (-1 when unknown, file null when none). */
    public static String describe(String file, int line, int column, String message) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line >= 0) {
                sb.append(':').append(line + 1);
                if (column >= 0) {
                    sb.append(':').append(column + 1);
                }
            }
            sb.append(": ");
        }
        return sb.append(message).toString();
    }
}
