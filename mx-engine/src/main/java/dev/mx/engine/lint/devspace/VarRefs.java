package dev.mx.engine.lint.devspace;

import java.util.ArrayList;
import java.util.List;

/**
 * DevSpace variable references in a string: {@code ${NAME}} and {@code $!{NAME}}, NAME made of
 * {@code [a-zA-Z0-9-_.]} as in DevSpace's own pattern; {@code $${NAME}} is an escaped literal and
 * not a reference. A hand-written scan, so rules can run it over every scalar cheaply.
 */
final class VarRefs {
    private VarRefs() {
    }

    /** One reference: the name and the span of the whole {@code ${...}} in the string. */
    record Ref(String name, int start, int end) {
    }

    static List<Ref> find(String s) {
        List<Ref> out = new ArrayList<>();
        if (s == null || s.indexOf('$') < 0) {
            return out;
        }
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (s.charAt(i) != '$') {
                i++;
                continue;
            }
            int start = i;
            int dollars = 0;
            while (i < n && s.charAt(i) == '$') {
                dollars++;
                i++;
            }
            if (i < n && s.charAt(i) == '!') {
                i++;
            }
            if (i >= n || s.charAt(i) != '{') {
                continue;
            }
            int nameStart = i + 1;
            int j = nameStart;
            while (j < n && isNameChar(s.charAt(j))) {
                j++;
            }
            if (j < n && s.charAt(j) == '}' && j > nameStart) {
                if (dollars == 1) {
                    out.add(new Ref(s.substring(nameStart, j), start, j + 1));
                }
                i = j + 1;
            }
        }
        return out;
    }

    static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.';
    }
}
