package dev.mx.engine.lint.mlproject;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code str.format} field syntax, as MLflow applies it to an entry point's command
 * ({@code command.format(**params)}): {@code {{}} and {@code }}} are literal braces, a field is
 * {@code {arg_name[.attr|[index]]...[!conv][:spec]}}, and a spec may hold one level of nested
 * fields. Offsets are into the command string.
 */
final class FormatString {
    /**
     * One replacement field.
     *
     * @param start      offset of its {@code {}
     * @param end        offset after its {@code }}
     * @param argName    the name looked up in the parameters (empty or digits: positional)
     * @param accessor   what follows the name ({@code .attr}, {@code [0]}), or ""
     * @param conversion the character after {@code !}, or null
     * @param spec       the text after {@code :}, or null
     */
    record Field(int start, int end, String argName, String accessor, Character conversion, String spec) {
        boolean positional() {
            return argName.isEmpty() || argName.chars().allMatch(Character::isDigit);
        }
    }

    /** The fields, and the ValueError Python would raise (null when the string formats). */
    record Parsed(List<Field> fields, String error, int errorAt) {
    }

    private static final Pattern SPEC = Pattern.compile(
            "(?s)(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?([0-9]+)?([,_])?(?:\\.([0-9]+))?([a-zA-Z%])?");

    private FormatString() {
    }

    static Parsed parse(String s) {
        List<Field> fields = new ArrayList<>();
        String error = scan(s, 0, s.length(), fields, 0);
        if (error != null) {
            int at = error.indexOf('@');
            return new Parsed(fields, error.substring(at + 1), Integer.parseInt(error.substring(0, at)));
        }
        return new Parsed(fields, null, -1);
    }

    /** Scans s[from, to) and returns "offset@message" for a ValueError, else null. */
    private static String scan(String s, int from, int to, List<Field> out, int depth) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '}') {
                if (i + 1 < to && s.charAt(i + 1) == '}') {
                    i += 2;
                    continue;
                }
                return i + "@Single '}' encountered in format string";
            }
            if (c != '{') {
                i++;
                continue;
            }
            if (i + 1 < to && s.charAt(i + 1) == '{') {
                i += 2;
                continue;
            }
            if (i + 1 >= to) {
                return i + "@Single '{' encountered in format string";
            }
            int start = i;
            int count = 1;
            int specAt = -1;
            int j = i + 1;
            boolean inBrackets = false;
            for (; j < to; j++) {
                char d = s.charAt(j);
                if (specAt < 0 && inBrackets) {
                    if (d == ']') {
                        inBrackets = false;
                    }
                    continue;
                }
                if (specAt < 0 && d == '[') {
                    inBrackets = true;
                } else if (d == '{') {
                    if (specAt < 0) {
                        return j + "@unexpected '{' in field name";
                    }
                    count++;
                } else if (d == '}') {
                    if (--count == 0) {
                        break;
                    }
                } else if (specAt < 0 && (d == ':' || d == '!')) {
                    specAt = j;
                }
            }
            if (j >= to) {
                return start + "@expected '}' before end of string";
            }
            String body = s.substring(start + 1, j);
            String problem = field(s, start, j + 1, body, out, depth);
            if (problem != null) {
                return problem;
            }
            i = j + 1;
        }
        return null;
    }

    private static String field(String s, int start, int end, String body, List<Field> out, int depth) {
        int nameEnd = 0;
        boolean inBrackets = false;
        for (; nameEnd < body.length(); nameEnd++) {
            char c = body.charAt(nameEnd);
            if (inBrackets) {
                inBrackets = c != ']';
            } else if (c == '[') {
                inBrackets = true;
            } else if (c == '!' || c == ':') {
                break;
            }
        }
        String fieldName = body.substring(0, nameEnd);
        Character conversion = null;
        String spec = null;
        int k = nameEnd;
        if (k < body.length() && body.charAt(k) == '!') {
            if (k + 1 >= body.length()) {
                return start + "@end of string while looking for conversion specifier";
            }
            conversion = body.charAt(k + 1);
            k += 2;
            if (k < body.length() && body.charAt(k) != ':') {
                return start + "@expected ':' after conversion specifier";
            }
            if (conversion != 'r' && conversion != 's' && conversion != 'a') {
                return start + "@Unknown conversion specifier " + conversion;
            }
        }
        if (k < body.length() && body.charAt(k) == ':') {
            spec = body.substring(k + 1);
        }
        int split = 0;
        while (split < fieldName.length() && fieldName.charAt(split) != '.' && fieldName.charAt(split) != '[') {
            split++;
        }
        out.add(new Field(start, end, fieldName.substring(0, split), fieldName.substring(split), conversion, spec));
        if (spec != null && spec.indexOf('{') >= 0) {
            if (depth >= 1) {
                return start + "@Max string recursion exceeded";
            }
            int specStart = start + 1 + k + 1;
            return scan(s, specStart, specStart + spec.length(), out, depth + 1);
        }
        return null;
    }

    /**
     * The ValueError Python raises when {@code spec} is applied to a str (MLflow's values are
     * already quoted strings), or null when it formats; {@code type} is the value's type name.
     */
    static String specError(String spec) {
        if (spec == null || spec.isEmpty() || spec.indexOf('{') >= 0) {
            return null;
        }
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            return "Invalid format specifier '" + spec + "' for object of type 'str'";
        }
        if (m.group(10) != null && !m.group(10).equals("s")) {
            return "Unknown format code '" + m.group(10) + "' for object of type 'str'";
        }
        if (m.group(3) != null) {
            return "Sign not allowed in string format specifier";
        }
        if (m.group(5) != null) {
            return "Alternate form (#) not allowed in string format specifier";
        }
        if ("=".equals(m.group(2))) {
            return "'=' alignment not allowed in string format specifier";
        }
        if (m.group(8) != null) {
            return "Cannot specify '" + m.group(8) + "' with 's'.";
        }
        if (m.group(4) != null) {
            return "Negative zero coercion (z) not allowed in format specifier";
        }
        return null;
    }
}
