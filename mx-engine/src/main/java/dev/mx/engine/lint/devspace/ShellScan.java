package dev.mx.engine.lint.devspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small POSIX-shell reader for DevSpace pipelines, commands, functions and hook commands: it
 * splits a script into simple commands (words with their offsets) so rules can find calls such as
 * {@code create_deployments api worker}. It understands quotes, escapes, line continuations,
 * comments, {@code ;}, {@code &&}, {@code ||}, pipes, subshells, command substitution (whose
 * commands are read too), parameter and arithmetic expansion, redirections and here-documents.
 * Words built from an expansion ({@code $x}, {@code ${x}}, {@code $(...)}) are marked non-literal:
 * their value is only known when the script runs. It never throws and never loops forever.
 */
final class ShellScan {
    /** A word of a command: its text with quotes removed, its span in the script. */
    record Word(String text, int start, int end, boolean literal) {
    }

    /** A simple command; the first word is the command name. */
    record Command(List<Word> words) {
        String name() {
            return words.get(0).text();
        }
    }

    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "do", "done", "while",
            "until", "!", "time", "{", "}", "esac", "in");

    private final String s;
    private final int n;
    private final List<Command> out = new ArrayList<>();
    private int nesting;

    private ShellScan(String s) {
        this.s = s;
        this.n = s.length();
    }

    static List<Command> commands(String script) {
        if (script == null || script.isEmpty()) {
            return List.of();
        }
        ShellScan sc = new ShellScan(script);
        try {
            sc.parse(0, '\0');
        } catch (RuntimeException e) {
            // a reader for lint hints: whatever was read so far is still useful
        }
        return sc.out;
    }

    /**
     * Reads commands from {@code pos} until the terminator ({@code ')'} of a command substitution,
     * {@code '`'} of a backtick substitution, or the end) and returns the position after it.
     */
    private int parse(int pos, char terminator) {
        if (++nesting > 64) {
            return n; // pathological nesting: stop reading rather than overflow the stack
        }
        try {
            return parseCommands(pos, terminator);
        } finally {
            nesting--;
        }
    }

    private int parseCommands(int pos, char terminator) {
        List<Word> words = new ArrayList<>();
        List<String[]> heredocs = new ArrayList<>();
        boolean redirectTarget = false;
        boolean heredocDelimiter = false;
        boolean heredocStrip = false;
        int depth = 0;
        int i = pos;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '\n') {
                i += 2;
            } else if (c == '\\' && i + 2 < n && s.charAt(i + 1) == '\r' && s.charAt(i + 2) == '\n') {
                i += 3;
            } else if (c == '\n') {
                flush(words);
                i++;
                if (!heredocs.isEmpty()) {
                    i = skipHeredocs(i, heredocs);
                    heredocs.clear();
                }
            } else if (c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == ';' || c == '&' || c == '|') {
                flush(words);
                i++;
            } else if (c == '(') {
                flush(words);
                depth++;
                i++;
            } else if (c == ')') {
                flush(words);
                i++;
                if (depth == 0 && terminator == ')') {
                    return i;
                }
                depth = Math.max(0, depth - 1);
            } else if (c == '`' && terminator == '`') {
                flush(words);
                return i + 1;
            } else if (c == '<' || c == '>') {
                if (c == '<' && i + 1 < n && s.charAt(i + 1) == '<' && !(i + 2 < n && s.charAt(i + 2) == '<')) {
                    i += 2;
                    heredocStrip = i < n && s.charAt(i) == '-';
                    if (heredocStrip) {
                        i++;
                    }
                    heredocDelimiter = true;
                } else {
                    while (i < n && (s.charAt(i) == '<' || s.charAt(i) == '>' || s.charAt(i) == '&'
                            || s.charAt(i) == '|')) {
                        i++;
                    }
                    // >&2 and 2>&1 duplicate a descriptor: no file word follows
                    if (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i - 1) == '&') {
                        while (i < n && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    } else {
                        redirectTarget = true;
                    }
                }
            } else {
                int start = i;
                StringBuilder text = new StringBuilder();
                boolean[] literal = {true};
                i = word(i, text, literal, terminator);
                Word w = new Word(text.toString(), start, i, literal[0]);
                boolean ioNumber = i < n && (s.charAt(i) == '<' || s.charAt(i) == '>') && isDigits(w.text());
                if (ioNumber) {
                    continue;
                }
                if (heredocDelimiter) {
                    heredocs.add(new String[] {w.text(), heredocStrip ? "-" : ""});
                    heredocDelimiter = false;
                } else if (redirectTarget) {
                    redirectTarget = false;
                } else if (words.isEmpty() && ((w.literal() && KEYWORDS.contains(w.text()))
                        || isAssignment(s.substring(start, i)))) {
                    // a keyword or an assignment prefix: the command name comes later
                    continue;
                } else {
                    words.add(w);
                }
            }
        }
        flush(words);
        return n;
    }

    /** Reads one word from {@code i}; returns the position after it. */
    private int word(int i, StringBuilder text, boolean[] literal, char terminator) {
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '('
                    || c == ')' || c == '<' || c == '>') {
                return i;
            }
            if (c == '`') {
                if (terminator == '`') {
                    return i;
                }
                literal[0] = false;
                i = parse(i + 1, '`');
            } else if (c == '\\') {
                if (i + 1 < n && s.charAt(i + 1) == '\n') {
                    i += 2;
                } else {
                    if (i + 1 < n) {
                        text.append(s.charAt(i + 1));
                    }
                    i += 2;
                }
            } else if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    end = n;
                }
                text.append(s, i + 1, end);
                i = Math.min(n, end + 1);
            } else if (c == '"') {
                i = doubleQuoted(i + 1, text, literal);
            } else if (c == '$') {
                i = dollar(i, literal);
            } else {
                text.append(c);
                i++;
            }
        }
        return i;
    }

    private int doubleQuoted(int i, StringBuilder text, boolean[] literal) {
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                char next = s.charAt(i + 1);
                if (next != '\n') {
                    if (next != '$' && next != '`' && next != '"' && next != '\\') {
                        text.append(c);
                    }
                    text.append(next);
                }
                i += 2;
            } else if (c == '$') {
                i = dollar(i, literal);
            } else if (c == '`') {
                literal[0] = false;
                i = parse(i + 1, '`');
            } else {
                text.append(c);
                i++;
            }
        }
        return i;
    }

    /** An expansion starting with '$' at {@code i}; returns the position after it. */
    private int dollar(int i, boolean[] literal) {
        if (i + 1 >= n) {
            return i + 1;
        }
        char c = s.charAt(i + 1);
        if (c == '(' && i + 2 < n && s.charAt(i + 2) == '(') {
            literal[0] = false;
            return skipBalanced(i + 3, '(', ')', 2);
        }
        if (c == '(') {
            literal[0] = false;
            return parse(i + 2, ')');
        }
        if (c == '{') {
            literal[0] = false;
            return skipBalanced(i + 2, '{', '}', 1);
        }
        if (Character.isLetterOrDigit(c) || c == '_') {
            literal[0] = false;
            int j = i + 1;
            while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                j++;
            }
            return j;
        }
        if ("@*#?$!-".indexOf(c) >= 0) {
            literal[0] = false;
            return i + 2;
        }
        return i + 1;
    }

    private int skipBalanced(int i, char open, char close, int depth) {
        while (i < n && depth > 0) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            }
            i++;
        }
        return Math.min(i, n);
    }

    private int skipHeredocs(int i, List<String[]> heredocs) {
        for (String[] h : heredocs) {
            String delim = h[0];
            while (i < n) {
                int eol = s.indexOf('\n', i);
                int lineEnd = eol < 0 ? n : eol;
                String line = s.substring(i, lineEnd).trim();
                i = eol < 0 ? n : eol + 1;
                if (line.equals(delim)) {
                    break;
                }
            }
        }
        return i;
    }

    private void flush(List<Word> words) {
        if (!words.isEmpty()) {
            out.add(new Command(List.copyOf(words)));
            words.clear();
        }
    }

    private static boolean isDigits(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAssignment(String t) {
        int eq = t.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        for (int i = 0; i < eq; i++) {
            char c = t.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_') || (i == 0 && Character.isDigit(c))) {
                return false;
            }
        }
        return true;
    }
}
