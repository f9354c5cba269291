package dev.mx.engine.diag;

/** How bad a finding is; the order is from worst to mildest. */
public enum Severity {
    ERROR, WARNING, INFO, HINT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Severity parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
