package dev.mx.engine.yaml;

/** Turns snakeyaml-engine problem texts into one-line messages for people. */
final class ProblemMessages {
    private ProblemMessages() {
    }

    /**
     * @param problem   the engine's problem text (may be null)
     * @param context   the engine's context text (may be null)
     * @param atContext true when the message is shown at the context mark (where the construct began)
     */
    static String humanize(String problem, String context, boolean atContext) {
        String p = problem == null ? "" : problem.trim();
        String c = context == null ? "" : context.trim();
        if (p.contains("cannot start any token") && (p.contains("\t") || p.contains("TAB"))) {
            return "tabs are not allowed for indentation";
        }
        if (p.contains("cannot start any token")) {
            String ch = between(p, "found character '", "'");
            return ch != null
                    ? "a value cannot start with '" + ch + "'; put the value in quotes"
                    : "unexpected character; put the value in quotes";
        }
        if (p.startsWith("mapping values are not allowed")) {
            return "mapping values are not allowed here";
        }
        if (p.startsWith("could not find expected ':'")) {
            return "expected 'key: value' but this line has no ':'";
        }
        if (c.contains("flow sequence") && atContext) {
            return "flow sequence '[' is not closed (missing ']')";
        }
        if (c.contains("flow mapping") && atContext) {
            return "flow mapping '{' is not closed (missing '}')";
        }
        if (c.contains("quoted scalar") && (atContext || p.contains("end of stream"))) {
            return "quoted string is not closed";
        }
        if (p.contains("block end")) {
            String found = found(p);
            return found == null
                    ? "bad indentation: this line does not line up with the lines above"
                    : "bad indentation: unexpected " + found + " here";
        }
        if (p.startsWith("expected") && (p.contains("but got") || p.contains("but found"))) {
            String expected = p.substring("expected".length(), p.indexOf(", but")).trim();
            String found = found(p);
            return "expected " + tokens(expected) + (found == null ? "" : " but found " + found);
        }
        if (c.contains("alias") || c.contains("anchor")) {
            return "invalid anchor or alias name";
        }
        if (c.contains("block scalar")) {
            return "invalid block scalar header: " + tokens(p);
        }
        if (c.contains("tag") || c.contains("directive")) {
            return "invalid " + (c.contains("tag") ? "tag" : "directive") + ": " + tokens(p);
        }
        if (p.isEmpty()) {
            return "invalid YAML";
        }
        return tokens(p);
    }

    private static String found(String p) {
        int i = p.indexOf("but found");
        int len = "but found".length();
        if (i < 0) {
            i = p.indexOf("but got");
            len = "but got".length();
        }
        if (i < 0) {
            return null;
        }
        String f = p.substring(i + len).trim();
        if (f.startsWith("'") && f.endsWith("'") && f.length() >= 2) {
            f = f.substring(1, f.length() - 1);
        }
        return describe(f);
    }

    private static String describe(String token) {
        return switch (token) {
            case "<block mapping start>", "<key>" -> "mapping entry";
            case "<block sequence start>", "-", "<block entry>" -> "sequence item '-'";
            case "<scalar>" -> "value";
            case "<stream end>" -> "end of file";
            case "<document start>" -> "'---'";
            case "<document end>" -> "'...'";
            case "<block end>" -> "end of block";
            case "<flow sequence start>" -> "'['";
            case "<flow mapping start>" -> "'{'";
            case "<alias>" -> "alias";
            case "<anchor>" -> "anchor";
            case "<tag>" -> "tag";
            default -> token.startsWith("<") ? token.replace("<", "").replace(">", "")
                    : (token.length() <= 3 ? "'" + token + "'" : token);
        };
    }

    private static String tokens(String s) {
        String out = s
                .replace("<block mapping start>", "mapping entry")
                .replace("<block sequence start>", "sequence item")
                .replace("<block end>", "end of block")
                .replace("<stream end>", "end of file")
                .replace("<document start>", "'---'")
                .replace("<scalar>", "value")
                .replace("<block entry>", "'-'");
        int paren = out.indexOf("(Do not use");
        if (paren > 0) {
            out = out.substring(0, paren).trim();
        }
        out = out.replace('\n', ' ').replace('\r', ' ');
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
