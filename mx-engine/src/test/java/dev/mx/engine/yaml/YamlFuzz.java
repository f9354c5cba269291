package dev.mx.engine.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Inputs for the property-based suites: random YAML values rendered in varied styles (with the
 * value they must parse to), the real corpus files under {@code ${mx.shared.dir}/corpus}, and
 * mutations of any text (line deletions, duplications and insertions, character flips).
 */
public final class YamlFuzz {
    private YamlFuzz() {
    }

    /** Words that are hard to write as YAML: booleans of 1.1, numbers, indicators, spaces, non-ASCII. */
    static final List<String> WORDS = List.of("a", "b", "name", "image", "deployments", "x y", "yes", "no", "on",
            "null", "~", "true", "1", "0x1F", "1.5", "1e3", ".inf", "k: v", "-", "- x", "?x", "#c", "a #b", "&a",
            "*a", "!t", "|", ">", "%x", "@x", "`x", "[x]", "{x}", "a,b", "it's", "say \"hi\"", " lead", "trail ",
            "", "back\\slash", "tab\there", "two\nlines", "😀", "é", "<<", "---", "...", "=", "bell\u0007",
            "nel\u0085", "ls\u2028");

    // ---- values -------------------------------------------------------------------------------

    /** Scalars as the parser's core schema reads them back: String, Long, Boolean or null. */
    static Arbitrary<Object> scalars() {
        Arbitrary<Object> words = Arbitraries.of(WORDS).map(w -> w);
        Arbitrary<Object> strings = Arbitraries.strings()
                .withChars("abcxyz019 :#-'\"\\\t\n{}[],&*!|>%@`?é")
                .ofMaxLength(12).map(s -> s);
        Arbitrary<Object> longs = Arbitraries.longs().between(-1_000, 1_000_000).map(l -> l);
        Arbitrary<Object> bools = Arbitraries.of(true, false).map(b -> b);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, words),
                net.jqwik.api.Tuple.of(3, strings),
                net.jqwik.api.Tuple.of(2, longs),
                net.jqwik.api.Tuple.of(1, bools)).injectNull(0.08);
    }

    static Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.of(WORDS).filter(w -> !w.equals("<<")),
                Arbitraries.strings().withChars("abkz09 _-.").ofMinLength(1).ofMaxLength(8));
    }

    /** Nested maps and lists (LinkedHashMap, ArrayList) of scalars, at most {@code depth} deep. */
    static Arbitrary<Object> values(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        Arbitrary<Object> inner = Arbitraries.lazy(() -> values(depth - 1));
        Arbitrary<Object> map = Arbitraries.maps(keys(), inner).ofMaxSize(4)
                .map(m -> (Object) new LinkedHashMap<>(m));
        Arbitrary<Object> list = inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalars()),
                net.jqwik.api.Tuple.of(3, map),
                net.jqwik.api.Tuple.of(2, list));
    }

    /** A document root: a non-empty mapping. */
    static Arbitrary<Map<String, Object>> roots() {
        return Arbitraries.maps(keys(), values(3)).ofMinSize(1).ofMaxSize(5).map(LinkedHashMap::new);
    }

    // ---- rendering ----------------------------------------------------------------------------

    /**
     * How a document is written: indentation step, indentless sequences, CRLF, a byte order mark,
     * a final line break, directives and markers, further documents, and a seed for the per-node
     * choices (quoting, flow or block, comments, anchors and aliases).
     */
    public record Style(int step, boolean indentless, boolean crlf, boolean bom, boolean finalNewline,
            int header, boolean moreDocuments, long seed) {
    }

    static Arbitrary<Style> styles() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 4),
                Arbitraries.of(true, false),
                Arbitraries.of(false, false, false, true),
                Arbitraries.of(false, false, false, true),
                Arbitraries.of(true, true, true, false),
                Arbitraries.integers().between(0, 5),
                Arbitraries.of(false, false, false, true),
                Arbitraries.longs())
                .as(Style::new);
    }

    /** A rendered document and the plain-Java value of its first document. */
    public record Doc(String text, Map<String, Object> value, Style style) {
        @Override
        public String toString() {
            return "---- " + style + "\n" + text.replace("\r", "\\r") + "\n----";
        }
    }

    static Arbitrary<Doc> documents() {
        return Combinators.combine(roots(), styles()).as(YamlFuzz::render);
    }

    public static Doc render(Map<String, Object> root, Style style) {
        Renderer r = new Renderer(style);
        StringBuilder sb = new StringBuilder();
        if (style.bom()) {
            sb.append('\uFEFF');
        }
        switch (style.header()) {
            case 1 -> sb.append("---\n");
            case 2 -> sb.append("%YAML 1.2\n---\n");
            case 3 -> sb.append("# leading comment\n\n");
            case 4 -> sb.append("--- # a document\n");
            default -> { }
        }
        r.block(root, 0, sb);
        if (style.moreDocuments()) {
            sb.append(r.random.nextBoolean() ? "...\n" : "").append("---\nother: [1, 2]\n---\n- x\n");
        }
        String text = sb.toString();
        if (!style.finalNewline()) {
            text = text.stripTrailing();
        }
        if (style.crlf()) {
            text = text.replace("\n", "\r\n");
        }
        return new Doc(text, root, style);
    }

    /** Renders a value; every choice comes from the style's seed, so a case is reproducible. */
    private static final class Renderer {
        final Style style;
        final Random random;
        final List<Object> anchored = new ArrayList<>();
        int aliases;

        Renderer(Style style) {
            this.style = style;
            this.random = new Random(style.seed());
        }

        boolean chance(int oneIn) {
            return random.nextInt(oneIn) == 0;
        }

        void block(Object v, int indent, StringBuilder sb) {
            String pad = " ".repeat(indent);
            if (v instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (chance(8)) {
                        sb.append(pad).append("# note: a comment, with: colons - and [brackets]\n");
                    }
                    sb.append(pad).append(key(String.valueOf(e.getKey()))).append(':');
                    Object x = e.getValue();
                    if (isNonEmpty(x) && !chance(4)) {
                        String anchor = anchor(x);
                        sb.append(anchor.isEmpty() ? "" : " " + anchor.trim());
                        if (chance(10)) {
                            sb.append(" # why");
                        }
                        sb.append('\n');
                        block(x, indent + (x instanceof List && style.indentless() ? 0 : style.step()), sb);
                    } else {
                        sb.append(' ').append(inline(x, indent + style.step()));
                        if (!(x instanceof String s && literal(s)) && chance(8)) {
                            sb.append(" # trailing");
                        }
                        sb.append('\n');
                    }
                    if (chance(10)) {
                        sb.append(chance(2) ? "\n" : pad + "\n");
                    }
                }
            } else {
                for (Object x : (List<?>) v) {
                    sb.append(pad).append('-');
                    if (isNonEmpty(x) && !chance(4)) {
                        StringBuilder inner = new StringBuilder();
                        block(x, indent + 2, inner);
                        String s = inner.toString();
                        String compact = " ".repeat(indent + 2);
                        sb.append(s.startsWith(compact) && !s.startsWith(compact + "#") && chance(2) ? " "
                                + s.substring(indent + 2) : "\n" + s);
                    } else {
                        sb.append(' ').append(inline(x, indent + 2)).append('\n');
                    }
                }
            }
        }

        private static boolean isNonEmpty(Object x) {
            return (x instanceof Map<?, ?> m && !m.isEmpty()) || (x instanceof List<?> l && !l.isEmpty());
        }

        /** "&aN " or "", remembering the value for later aliases. */
        private String anchor(Object x) {
            if (!chance(10)) {
                return "";
            }
            anchored.add(x);
            return "&a" + (anchored.size() - 1) + " ";
        }

        /** "*aN" for an earlier anchored equal value, or null. */
        private String alias(Object x) {
            if (aliases >= 10 || !chance(3)) {
                return null;
            }
            for (int i = 0; i < anchored.size(); i++) {
                if (Objects.equals(anchored.get(i), x)) {
                    aliases++;
                    return "*a" + i;
                }
            }
            return null;
        }

        String key(String k) {
            return chance(5) ? doubleQuoted(k) : YamlText.quoteIfNeeded(k);
        }

        /** A value after "key: " or "- ": scalar, flow collection or literal block (content at {@code contentIndent}). */
        String inline(Object x, int contentIndent) {
            String alias = alias(x);
            if (alias != null) {
                return alias;
            }
            String anchor = anchor(x);
            if (x instanceof Map || x instanceof List) {
                return anchor + flow(x);
            }
            if (x instanceof String s) {
                if (literal(s) && chance(3)) {
                    String content = " ".repeat(Math.max(1, contentIndent));
                    return anchor + "|-\n" + content + s.replace("\n", "\n" + content);
                }
                if (singleQuotable(s) && chance(4)) {
                    return anchor + "'" + s.replace("'", "''") + "'";
                }
                return anchor + (chance(4) ? doubleQuoted(s) : YamlText.quoteIfNeeded(s));
            }
            if (x == null) {
                return anchor.isEmpty() ? (chance(3) ? "~" : "null") : anchor + "null";
            }
            return anchor + x;
        }

        String flow(Object x) {
            if (x instanceof Map<?, ?> m) {
                List<String> parts = new ArrayList<>();
                m.forEach((k, v) -> parts.add(doubleQuoted(String.valueOf(k)) + ": " + flow(v)));
                return "{" + String.join(chance(3) ? "," : ", ", parts) + "}";
            }
            if (x instanceof List<?> l) {
                List<String> parts = new ArrayList<>();
                l.forEach(v -> parts.add(flow(v)));
                return "[" + String.join(", ", parts) + "]";
            }
            if (x instanceof String s) {
                String plain = YamlText.quoteIfNeeded(s);
                return plain.equals(s) && s.chars().noneMatch(c -> ",[]{}#:".indexOf(c) >= 0) && !chance(3) ? s
                        : doubleQuoted(s);
            }
            return x == null ? "null" : String.valueOf(x);
        }
    }

    /** Lines that a literal block scalar ({@code |-}) keeps exactly. */
    static boolean literal(String s) {
        if (s.isEmpty() || s.endsWith("\n")) {
            return false;
        }
        for (String line : s.split("\n", -1)) {
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || !printable(line)
                    || line.contains("\r") || line.endsWith(" ") || line.endsWith("\t")) {
                return false;
            }
        }
        return true;
    }

    static boolean singleQuotable(String s) {
        return !s.contains("\n") && !s.contains("\r") && printable(s) && !s.startsWith(" ") && !s.endsWith(" ")
                && !s.contains("\t");
    }

    private static boolean printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c != 0x7F && (c < 0x80 || c > 0x9F) && c != 0x2028
                && c != 0x2029 && c != 0xFEFF);
    }

    static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    // ---- corpus -------------------------------------------------------------------------------

    /** A real file: its text, and where it lives (rules resolve relative paths against its folder). */
    public record CorpusFile(Path path, String text) {
        @Override
        public String toString() {
            return path.getParent().getFileName() + "/" + path.getFileName();
        }
    }

    private static volatile List<CorpusFile> corpus;

    /** Every devspace*.yaml / *.yaml and MLproject under the shared corpus (empty when it is not there). */
    public static List<CorpusFile> corpus() {
        if (corpus == null) {
            Path dir = Path.of(System.getProperty("mx.shared.dir", "../../shared")).resolve("corpus");
            List<CorpusFile> out = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                        String n = p.getFileName().toString();
                        if (n.endsWith(".yaml") || n.endsWith(".yml") || n.equals("MLproject")) {
                            out.add(new CorpusFile(p.toAbsolutePath(), Files.readString(p, StandardCharsets.UTF_8)));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            corpus = List.copyOf(out);
        }
        return corpus;
    }

    // ---- mutations ----------------------------------------------------------------------------

    /** Characters that matter to YAML and to our positions: indicators, breaks, tabs, NUL, BOM, surrogates. */
    static final String HOSTILE = ":-? \t\n\r[]{},#&*!|>'\"%@`\\\u0000\u0007\uFEFF\u0085\u2028é😀\uD800\uDC00~";

    /** Snippets a mutation may insert as a whole line. */
    static final List<String> LINES = List.of("", "  ", "\t", "---", "...", "- x", "  - ", "key: value", "  nested:",
            "a: &x [1, 2]", "b: *x", "c: *missing", "<<: *x", "? complex", ": value", "k: |", "k: >-", "  # comment",
            "k: {a: [b, {c: d}]}", "k: \"unterminated", "k: 'it''s'", "%YAML 1.2", "!!binary x", "k: !tag v",
            "deployments:", "  app:", "    helm:", "      chart: {name: x}", "entry_points:", "  main:",
            "    command: python train.py {alpha}", "    parameters:", "      alpha: {type: float, default: 0.1}",
            "format_version: 1", "generators: [{id: x, version: 1.0.0}]", "vars:", "  X: ${Y}", "images:",
            "version: v2beta1", "name: ${DEVSPACE_NAME}", "docker_env:", "  image: x", "python_env: python_env.yaml",
            "[[[[[[[[[[", "{{{{{{{{", "a: b: c", "- - - - -", "\uFEFFbom: mid-file", "k: 😀😀", "k: \u0000");

    /** Applies 1..8 random mutations chosen by {@code seed}. */
    public static String mutate(String text, long seed) {
        Random r = new Random(seed);
        String t = text;
        for (int n = 1 + r.nextInt(8); n > 0; n--) {
            t = mutateOnce(t, r);
        }
        return t;
    }

    private static String mutateOnce(String t, Random r) {
        List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
        int at = r.nextInt(lines.size());
        switch (r.nextInt(9)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(r.nextInt(lines.size())));
            case 2 -> lines.add(at, LINES.get(r.nextInt(LINES.size())));
            case 3 -> lines.set(at, " ".repeat(r.nextInt(5)) + lines.get(at).stripLeading());
            case 4 -> lines.set(at, lines.get(at) + LINES.get(r.nextInt(LINES.size())));
            case 5 -> {
                int other = r.nextInt(lines.size());
                String x = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, x);
            }
            default -> {
                if (t.isEmpty()) {
                    return String.valueOf(HOSTILE.charAt(r.nextInt(HOSTILE.length())));
                }
                int i = r.nextInt(t.length());
                char c = HOSTILE.charAt(r.nextInt(HOSTILE.length()));
                return r.nextBoolean() ? t.substring(0, i) + c + t.substring(i + 1) : t.substring(0, i) + c + t.substring(i);
            }
        }
        return String.join(r.nextInt(10) == 0 ? "\r\n" : "\n", lines);
    }
}
