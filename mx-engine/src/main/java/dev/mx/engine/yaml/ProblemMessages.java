package dev.mx.engine.yaml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns snakeyaml-engine problem texts into one-line messages for people. */
final class ProblemMessages {
    /** the engine writes a found character as {@code c(code)}, e.g. {@code !(33)} */
    private static final Pattern FOUND_CHAR = Pattern.compile("found (.)?\\((\\d+)\\)", Pattern.DOTALL);
    private static final Pattern FOUND_TOKEN = Pattern.compile("but (?:found|got) '?([^']*?)'?$");

    private ProblemMessages() {
    }

    /**
     * @param problem   the engine's problem text (may be null)
     * @param context   the engine's context text (may be null)
     * @param atContext true when the message is shown where the construct began (the context mark)
     */
    static String humanize(String problem, String context, boolean atContext) {
        String p = problem == null ? "" : problem.trim();
        String c = context == null ? "" : context.trim();
        String found = found(p);
        if (p.contains("cannot start any token")) {
            if (p.contains("\t") || p.contains("TAB")) {
                return "tabs are not allowed for indentation";
            }
            String ch = between(p, "found character '", "'");
            return ch == null ? "unexpected character; put the value in quotes"
                    : "a value cannot start with '" + ch + "'; put the value in quotes";
        }
        if (p.startsWith("mapping values are not allowed")) {
            return "mapping values are not allowed here";
        }
        if (p.startsWith("mapping keys are not allowed")) {
            return "a '?' mapping key is not allowed here";
        }
        if (p.startsWith("sequence entries are not allowed")) {
            return "a sequence item '-' is not allowed here";
        }
        if (p.startsWith("could not find expected ':'")) {
            return "expected 'key: value' but this line has no ':'";
        }
        if (c.contains("flow sequence")) {
            return atContext ? "flow sequence '[' is not closed (missing ']')"
                    : "expected ',' or ']' in this flow sequence" + butFound(found);
        }
        if (c.contains("flow mapping")) {
            return atContext ? "flow mapping '{' is not closed (missing '}')"
                    : "expected ',' or '}' in this flow mapping" + butFound(found);
        }
        if (c.contains("quoted scalar")) {
            return "quoted string is not closed";
        }
        if (c.contains("block scalar")) {
            if (p.contains("leading empty lines")) {
                return "the empty lines at the start of this block scalar are indented more than its first line";
            }
            if (p.contains("chomping or indentation")) {
                return "after '|' or '>' only '+', '-' or an indentation digit may follow" + butFound(found);
            }
            if (p.contains("comment or a line break")) {
                return "after a block scalar header ('|' or '>') only a comment may follow on the line" + butFound(found);
            }
            return "invalid block scalar" + butFound(found);
        }
        if (c.contains("alias")) {
            return "invalid alias: '*' must be followed by a name" + (found == null ? "" : " (found " + found + ")");
        }
        if (c.contains("anchor")) {
            return "invalid anchor: '&' must be followed by a name" + (found == null ? "" : " (found " + found + ")");
        }
        if (c.contains("tag")) {
            return "invalid tag" + (found == null ? "" : " (found " + found + ")");
        }
        if (c.contains("directive") || p.contains("<directive>")) {
            return "invalid directive (a line starting with '%' before '---')";
        }
        if (p.contains("<document start>")) {
            return "end of file".equals(found) ? "unexpected end of file"
                    : "unexpected " + (found == null ? "content" : found) + " after the end of the document";
        }
        if (p.contains("node content")) {
            return "expected a value" + butFound(found);
        }
        if (p.contains("block end")) {
            return found == null ? "bad indentation: this line does not line up with the lines above"
                    : "bad indentation: unexpected " + found + " here";
        }
        if (p.isEmpty()) {
            return "invalid YAML";
        }
        return clean(p);
    }

    private static String butFound(String found) {
        return found == null ? "" : " but found " + found;
    }

    /** What the engine says it found, in words; null when it does not say. */
    static String found(String p) {
        Matcher ch = FOUND_CHAR.matcher(p);
        if (ch.find()) {
            int code = Integer.parseInt(ch.group(2));
            return switch (code) {
                case ' ' -> "a space";
                case '\t' -> "a tab";
                case '\n', '\r', 0x85, 0x2028, 0x2029 -> "the end of the line";
                case '\'' -> "a single quote";
                case '"' -> "a double quote";
                default -> "'" + new String(Character.toChars(code)) + "'";
            };
        }
        Matcher t = FOUND_TOKEN.matcher(p);
        if (t.find()) {
            return describe(t.group(1).trim());
        }
        return null;
    }

    private static String describe(String token) {
        return switch (token) {
            case "<block mapping start>", "<key>", "?" -> "mapping entry";
            case "<block sequence start>", "-", "<block entry>" -> "sequence item '-'";
            case "<scalar>" -> "value";
            case "<stream end>", "" -> "end of file";
            case "<document start>" -> "'---'";
            case "<document end>" -> "'...'";
            case "<block end>" -> "end of block";
            case "<flow sequence start>" -> "'['";
            case "<flow mapping start>" -> "'{'";
            case "<alias>" -> "alias";
            case "<anchor>" -> "anchor";
            case "<tag>" -> "tag";
            case "<directive>" -> "directive";
            case "'" -> "a single quote";
            default -> token.startsWith("<") ? token.replaceAll("[<>]", "") : "'" + token + "'";
        };
    }

    private static String clean(String s) {
        Matcher ch = FOUND_CHAR.matcher(s);
        String out = ch.find() ? s.substring(0, ch.start()) + "found " + found(s) : s;
        out = out.replaceAll("'?<([a-z ]+)>'?", "$1").replace("(Do not use", "").replaceAll("\\s+", " ").trim();
        if (out.endsWith(".")) {
            out = out.substring(0, out.length() - 1);
        }
        return out.length() > 160 ? out.substring(0, 157) + "..." : out;
    }

    private static String between(String s, String a, String b) {
        int i = s.indexOf(a);
        if (i < 0) {
            return null;
        }
        int j = s.indexOf(b, i + a.length());
        return j < 0 ? null : s.substring(i + a.length(), j);
    }
}
