package dev.mx.engine.lint.mlproject;

import java.util.ArrayList;
import java.util.List;

/**
 * What a shell would make of a command, compared with Python's {@code shlex.split} (which MLflow
 * uses for Kubernetes Jobs): operators and expansions outside quotes, and the words.
 */
final class Shell {
    /** Shell syntax found outside quotes, at an offset of the command. */
    record Syntax(int start, int end, String text, String what) {
    }

    /** A word of {@code shlex.split(command)}, with the offset where it starts. */
    record Word(int start, int end, String text) {
    }

    private Shell() {
    }

    /** Operators ({@code && || | ; > < &}), expansions ({@code $VAR}, {@code $(...)}, backticks) outside quotes. */
    static List<Syntax> syntax(String cmd) {
        List<Syntax> out = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < cmd.length(); i++) {
            char c = cmd.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                }
                continue;
            }
            if (c == '\\') {
                i++;
                continue;
            }
            if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '$' || c == '`') {
                    i = expansion(cmd, i, out);
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case '$', '`' -> i = expansion(cmd, i, out);
                case '&', '|' -> {
                    boolean twice = i + 1 < cmd.length() && cmd.charAt(i + 1) == c;
                    String op = twice ? "" + c + c : "" + c;
                    out.add(new Syntax(i, i + op.length(), op, c == '&' ? (twice ? "&&" : "&") : (twice ? "||" : "|")));
                    i += op.length() - 1;
                }
                case ';' -> out.add(new Syntax(i, i + 1, ";", ";"));
                case '>', '<' -> {
                    int j = i + 1;
                    while (j < cmd.length() && (cmd.charAt(j) == '>' || cmd.charAt(j) == '&')) {
                        j++;
                    }
                    out.add(new Syntax(i, j, cmd.substring(i, j), "redirect"));
                    i = j - 1;
                }
                default -> {
                }
            }
        }
        return out;
    }

    /** Records the expansion at {@code i}; returns the index of its last character. */
    private static int expansion(String cmd, int i, List<Syntax> out) {
        char c = cmd.charAt(i);
        if (c == '`') {
            int close = cmd.indexOf('`', i + 1);
            out.add(new Syntax(i, i + 1, "`", "command substitution"));
            return close < 0 ? cmd.length() - 1 : close;
        }
        int j = i + 1;
        if (j < cmd.length() && cmd.charAt(j) == '(') {
            out.add(new Syntax(i, j + 1, "$(", "command substitution"));
            return j;
        }
        if (j < cmd.length() && cmd.charAt(j) == '{') {
            int close = cmd.indexOf('}', j);
            int end = close < 0 ? cmd.length() : close + 1;
            out.add(new Syntax(i, end, cmd.substring(i, end), "variable"));
            return end - 1;
        }
        while (j < cmd.length() && (Character.isLetterOrDigit(cmd.charAt(j)) || cmd.charAt(j) == '_')) {
            j++;
        }
        if (j > i + 1) {
            out.add(new Syntax(i, j, cmd.substring(i, j), "variable"));
        }
        return j - 1;
    }

    /** {@code shlex.split(cmd)} (POSIX mode, no comments), or null on unbalanced quotes. */
    static List<Word> split(String cmd) {
        List<Word> out = new ArrayList<>();
        StringBuilder word = null;
        int wordStart = 0;
        char quote = 0;
        for (int i = 0; i < cmd.length(); i++) {
            char c = cmd.charAt(i);
            if (quote == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                if (word != null) {
                    out.add(new Word(wordStart, i, word.toString()));
                    word = null;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
                wordStart = i;
            }
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < cmd.length() && "\"\\".indexOf(cmd.charAt(i + 1)) >= 0) {
                    word.append(cmd.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                if (i + 1 >= cmd.length()) {
                    return null; // "No escaped character"
                }
                word.append(cmd.charAt(++i));
            } else {
                word.append(c);
            }
        }
        if (quote != 0) {
            return null; // "No closing quotation"
        }
        if (word != null) {
            out.add(new Word(wordStart, cmd.length(), word.toString()));
        }
        return out;
    }

    /**
     * The command with every placeholder replaced by letters (a value MLflow has quoted is one
     * word to shlex), keeping offsets.
     */
    static String withoutPlaceholders(String cmd, FormatString.Parsed parsed) {
        StringBuilder sb = new StringBuilder(cmd);
        List<FormatString.Field> fields = parsed.fields();
        for (int k = fields.size() - 1; k >= 0; k--) {
            FormatString.Field f = fields.get(k);
            if (f.end() <= sb.length()) {
                sb.replace(f.start(), f.end(), "x".repeat(f.end() - f.start()));
            }
        }
        return sb.toString();
    }
}
