package dev.mx.engine.devspace;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.text.Similarity;
import dev.mx.engine.text.TextEdit;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.ScalarStyle;
import dev.mx.engine.yaml.YamlAliasNode;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * Checks a devspace.yaml against {@link DevspaceSchema} the way DevSpace's loader decodes it: one
 * pass over the positioned tree, walking the model alongside. Only files with
 * {@code version: v2beta1} are checked. Never throws on partial trees, aliases, nulls or flow style.
 *
 * <p>What counts as DevSpace's behaviour: the loader resolves variables and expressions, then
 * decodes the result with yaml.v3 and unknown fields forbidden. So any scalar fits a string field,
 * a bool field takes true/false (and yaml.v3's yes/no/on/off) but not a quoted "true", an int field
 * takes numbers but not quoted ones, and a value holding {@code $} (a variable or expression) may
 * become anything and is not judged.
 */
public final class DevspaceSchemaCheck {
    /** Which kind of mistake a finding is; one lint rule each. */
    public enum Kind { UNKNOWN_KEY, WRONG_TYPE, ONE_OF, REQUIRED, ENUM }

    /**
     * One mistake, where it is, and the fixes that repair it. {@code schemaPath} names the place in
     * the model, with {@code *} for names in maps and {@code []} for list items (for a missing key:
     * the key, e.g. {@code images.*.image}; for an unknown one: where it was found plus the key).
     */
    public record Finding(Kind kind, String schemaPath, Range range, String message, List<Fix> fixes) {
        public Finding {
            fixes = List.copyOf(fixes);
        }
    }

    private static final Map<ParsedYaml, List<Finding>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * yaml.v3 reads these YAML 1.1 words as booleans when the target is a bool, quoted or not (but not
     * a quoted "true": that is a string to it).
     */
    private static final Set<String> YAML11_BOOLS = Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N",
            "no", "No", "NO", "off", "Off", "OFF");
    /** Plain scalars yaml.v3 may read as a number (lenient: 0x1F, 0o17, 0b101, 1_000, 1e3, 2.0). */
    private static final Pattern NUMBERISH = Pattern.compile("[-+]?\\.?[0-9][0-9a-fA-FxXoObB_.eE+-]*");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    /** A plain or quoted one-line scalar that can go inside [ ] unchanged. */
    private static final Pattern FLOW_SAFE = Pattern.compile("[^\\[\\]{},#\\r\\n]+");

    private DevspaceSchemaCheck() {
    }

    /** True when the file declares {@code version: v2beta1}, the only version these checks apply to. */
    public static boolean appliesTo(ParsedYaml yaml) {
        YamlNode root = yaml == null ? null : yaml.root();
        return root instanceof YamlMapping m && m.get("version") instanceof YamlScalar v
                && DevspaceSchema.v2beta1().version().equals(v.value());
    }

    /** The findings for a parsed devspace.yaml (computed once per parse, then shared by the rules). */
    public static List<Finding> check(ParsedYaml yaml) {
        if (!appliesTo(yaml)) {
            return List.of();
        }
        List<Finding> found = CACHE.get(yaml);
        if (found == null) {
            found = List.copyOf(new Walk(yaml).run());
            CACHE.put(yaml, found);
        }
        return found;
    }

    /** The findings of one kind. */
    public static List<Finding> check(ParsedYaml yaml, Kind kind) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : check(yaml)) {
            if (f.kind() == kind) {
                out.add(f);
            }
        }
        return out;
    }

    /** A key of a map (a name the user chose), as opposed to a key of an object. */
    private record MapKey(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final class Walk {
        private final ParsedYaml yaml;
        private final LineMap lines;
        private final List<Finding> out = new ArrayList<>();
        /** Object keys (String), map keys ({@link MapKey}) and indexes (Integer) from the root to the value. */
        private final List<Object> path = new ArrayList<>();

        Walk(ParsedYaml yaml) {
            this.yaml = yaml;
            this.lines = yaml.lines();
        }

        List<Finding> run() {
            value(yaml.root(), DevspaceSchema.v2beta1().root(), null);
            return out;
        }

        /** Checks {@code node} against {@code s}; {@code key} is the mapping key holding it, or null. */
        private void value(YamlNode node, SchemaNode s, YamlNode key) {
            if (node == null || s == null) {
                return;
            }
            if (node instanceof YamlAliasNode a) {
                alias(a, s, key);
                return;
            }
            switch (s.kind()) {
                case ANY, SCALAR -> {
                }
                case STRING, BOOL, INT -> scalar(node, s, key);
                case FREE_OBJECT -> {
                    if (!(node instanceof YamlMapping) && !nullOrDynamic(node)) {
                        wrongType(node, s, key, List.of());
                    }
                }
                case MAP -> map(node, s, key);
                case LIST -> list(node, s, key);
                case OBJECT -> object(node, s, key);
            }
        }

        /** An alias is checked for its kind only; its target is checked where it is written. */
        private void alias(YamlAliasNode a, SchemaNode s, YamlNode key) {
            YamlNode t = a.target();
            if (t == null || t instanceof YamlAliasNode) {
                return;
            }
            boolean fits = switch (s.kind()) {
                case ANY, SCALAR -> true;
                case STRING, BOOL, INT -> t instanceof YamlScalar;
                case FREE_OBJECT, MAP -> t instanceof YamlMapping || nullOrDynamic(t);
                case LIST -> t instanceof YamlSequence || nullOrDynamic(t);
                case OBJECT -> t instanceof YamlMapping || (t instanceof YamlScalar && (s.acceptsShorthand()
                        || nullOrDynamic(t)));
            };
            if (!fits) {
                report(Kind.WRONG_TYPE, schemaPath(), a.range(), pathText() + " must be " + expected(s) + ", not "
                        + got(t) + " (from alias *" + a.anchor() + ")", List.of());
            }
        }

        // -------------------------------------------------------------- collections

        private void object(YamlNode node, SchemaNode s, YamlNode key) {
            if (!(node instanceof YamlMapping m)) {
                if (node instanceof YamlSequence || !(nullOrDynamic(node) || s.acceptsShorthand())) {
                    wrongType(node, s, key, List.of());
                }
                return;
            }
            Set<String> merged = new HashSet<>();
            for (YamlEntry e : m.entries()) {
                String k = e.keyText();
                if (k == null) {
                    continue; // a complex key: yaml/syntax-level oddity, nothing to match
                }
                if (k.equals("<<") && e.key() instanceof YamlScalar ks && ks.style() == ScalarStyle.PLAIN) {
                    mergedKeys(e.value(), merged);
                    continue;
                }
                SchemaNode child = s.keys().get(k);
                if (child == null) {
                    if (s.isStrict()) {
                        unknownKey(e, s, m);
                    }
                    continue;
                }
                path.add(k);
                value(e.value(), child, e.key());
                path.remove(path.size() - 1);
            }
            if (!s.isPartial()) {
                required(m, s, key, merged);
                oneOf(m, s, key, merged);
            }
        }

        private void map(YamlNode node, SchemaNode s, YamlNode key) {
            if (!(node instanceof YamlMapping m)) {
                if (!nullOrDynamic(node)) {
                    wrongType(node, s, key, List.of());
                }
                return;
            }
            for (YamlEntry e : m.entries()) {
                String k = e.keyText();
                if (k == null || (k.equals("<<") && e.key() instanceof YamlScalar ks
                        && ks.style() == ScalarStyle.PLAIN)) {
                    continue;
                }
                path.add(new MapKey(k));
                value(e.value(), s.element(), e.key());
                path.remove(path.size() - 1);
            }
        }

        private void list(YamlNode node, SchemaNode s, YamlNode key) {
            if (!(node instanceof YamlSequence seq)) {
                if (!nullOrDynamic(node)) {
                    List<Fix> fixes = List.of();
                    if (node instanceof YamlScalar sc && sc.tag() == null && sc.anchor() == null
                            && (sc.style() == ScalarStyle.PLAIN || sc.style() == ScalarStyle.SINGLE_QUOTED
                            || sc.style() == ScalarStyle.DOUBLE_QUOTED)) {
                        String text = yaml.textOf(sc.range());
                        if (FLOW_SAFE.matcher(text).matches() && !text.contains(": ")) {
                            fixes = List.of(new Fix("Make it a list of one item",
                                    List.of(new TextEdit(sc.range(), "[" + text + "]"))));
                        }
                    }
                    wrongType(node, s, key, fixes);
                }
                return;
            }
            List<YamlNode> items = seq.items();
            for (int i = 0; i < items.size(); i++) {
                path.add(i);
                value(items.get(i), s.element(), null);
                path.remove(path.size() - 1);
            }
        }

        /** The keys a {@code <<} merge brings in (a mapping, an alias to one, or a list of those). */
        private static void mergedKeys(YamlNode v, Set<String> into) {
            YamlNode n = v instanceof YamlAliasNode a ? a.target() : v;
            if (n instanceof YamlMapping mm) {
                for (YamlEntry e : mm.entries()) {
                    if (e.keyText() != null && !isUnset(e.value())) {
                        into.add(e.keyText());
                    }
                }
            } else if (n instanceof YamlSequence seq && n == v) {
                for (YamlNode item : seq.items()) {
                    if (item instanceof YamlAliasNode) {
                        mergedKeys(item, into);
                    }
                }
            }
        }

        // -------------------------------------------------------------- object rules

        private void unknownKey(YamlEntry e, SchemaNode s, YamlMapping m) {
            String k = e.keyText();
            String best = suggest(k, s, m);
            String where = path.isEmpty() ? "at the top level" : "in " + pathText();
            String msg = "unknown key '" + k + "' " + where + (best == null ? "" : "; did you mean '" + best + "'?");
            List<Fix> fixes = List.of();
            if (best != null && e.key() instanceof YamlScalar ks && ks.tag() == null && ks.anchor() == null) {
                String text = switch (ks.style()) {
                    case PLAIN -> best;
                    case SINGLE_QUOTED -> "'" + best + "'";
                    case DOUBLE_QUOTED -> "\"" + best + "\"";
                    default -> null;
                };
                if (text != null) {
                    fixes = List.of(new Fix("Rename to '" + best + "'", List.of(new TextEdit(ks.range(), text))));
                }
            }
            report(Kind.UNKNOWN_KEY, join(schemaPath(), k), e.key().range(), msg, fixes);
        }

        /** The closest known key not already used, when close enough and unambiguous. */
        private static String suggest(String k, SchemaNode s, YamlMapping m) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            boolean tie = false;
            for (var c : s.keys().entrySet()) {
                String cand = c.getKey();
                if (m.entry(cand) != null) {
                    continue;
                }
                int limit = cand.length() <= 4 ? 1 : cand.length() <= 8 ? 2 : 3;
                int d = Similarity.editDistance(k, cand);
                if (d > limit) {
                    continue;
                }
                if (d < bestDistance) {
                    best = cand;
                    bestDistance = d;
                    tie = false;
                } else if (d == bestDistance && !c.getValue().isHidden() && s.keys().get(best).isHidden()) {
                    best = cand;
                } else if (d == bestDistance && c.getValue().isHidden() == s.keys().get(best).isHidden()) {
                    tie = true;
                }
            }
            return tie ? null : best;
        }

        private void required(YamlMapping m, SchemaNode s, YamlNode key, Set<String> merged) {
            for (Requirement r : s.required()) {
                boolean ok = false;
                YamlEntry empty = null;
                for (String k : r.anyOf()) {
                    if (merged.contains(k)) {
                        ok = true;
                        break;
                    }
                    YamlEntry e = m.entry(k);
                    if (e == null) {
                        continue;
                    }
                    if (!isUnset(e.value()) && !(e.value() instanceof YamlSequence seq && seq.items().isEmpty())) {
                        ok = true;
                        break;
                    }
                    if (empty == null) {
                        empty = e;
                    }
                }
                if (ok) {
                    continue;
                }
                if (empty != null) {
                    report(Kind.REQUIRED, join(schemaPath(), empty.keyText()), empty.key().range(),
                            join(pathText(), empty.keyText()) + " must not be empty", List.of());
                } else {
                    List<String> shown = r.anyOf().stream().filter(k -> !s.keys().get(k).isHidden()).toList();
                    report(Kind.REQUIRED, join(schemaPath(), r.anyOf().get(0)), anchor(m, key), describe() + " needs "
                            + quotedList(shown.isEmpty() ? r.anyOf() : shown, "or"), List.of());
                }
            }
        }

        private void oneOf(YamlMapping m, SchemaNode s, YamlNode key, Set<String> merged) {
            for (OneOfGroup g : s.oneOfGroups()) {
                List<YamlEntry> set = new ArrayList<>();
                Set<String> names = new HashSet<>();
                for (YamlEntry e : m.entries()) {
                    String k = e.keyText();
                    if (k != null && g.keys().contains(k) && !names.contains(k) && isSetForOneOf(e.value(), s.keys()
                            .get(k))) {
                        set.add(e);
                        names.add(k);
                    }
                }
                int count = set.size();
                for (String k : g.keys()) {
                    if (merged.contains(k) && !names.contains(k)) {
                        count++;
                    }
                }
                String note = g.note().isEmpty() ? "" : " (" + g.note() + ")";
                if (count < g.min()) {
                    report(Kind.ONE_OF, schemaPath(), anchor(m, key), describe() + " needs "
                            + (g.max() == 1 ? "exactly " : "") + "one of " + quotedList(g.keys(), "or") + note,
                            List.of());
                }
                if (count > g.max()) {
                    String first = set.isEmpty() ? null : set.get(0).keyText();
                    for (int i = Math.max(g.max(), 1); i < set.size(); i++) {
                        YamlEntry extra = set.get(i);
                        report(Kind.ONE_OF, schemaPath(), extra.key().range(), "'" + extra.keyText()
                                + "' cannot be used together with '" + first + "' in " + describe() + note, List.of());
                    }
                }
            }
        }

        // -------------------------------------------------------------- scalars

        private void scalar(YamlNode node, SchemaNode s, YamlNode key) {
            if (!(node instanceof YamlScalar sc)) {
                wrongType(node, s, key, List.of());
                return;
            }
            if (sc.isNull() || dynamic(sc)) {
                return;
            }
            Object v = sc.toJava();
            boolean plainUntagged = sc.style() == ScalarStyle.PLAIN && sc.tag() == null;
            boolean quoted = (sc.style() == ScalarStyle.SINGLE_QUOTED || sc.style() == ScalarStyle.DOUBLE_QUOTED)
                    && sc.tag() == null && sc.anchor() == null;
            switch (s.kind()) {
                case STRING -> {
                    if (s.isJsonDecoded() && !(v instanceof String)) {
                        List<Fix> fixes = sc.tag() == null && sc.anchor() == null ? List.of(new Fix("Quote the value",
                                List.of(new TextEdit(sc.range(), "\"" + sc.value() + "\"")))) : List.of();
                        wrongType(node, s, key, fixes);
                        return;
                    }
                    enumValue(sc, s);
                }
                case BOOL -> {
                    boolean ok = v instanceof Boolean || (!s.isJsonDecoded() && YAML11_BOOLS.contains(sc.value())
                            && sc.tag() == null);
                    if (!ok) {
                        List<Fix> fixes = quoted && (sc.value().equals("true") || sc.value().equals("false"))
                                ? List.of(new Fix("Remove the quotes", List.of(new TextEdit(sc.range(), sc.value()))))
                                : List.of();
                        wrongType(node, s, key, fixes);
                    }
                }
                case INT -> {
                    boolean ok = v instanceof Number || (plainUntagged && NUMBERISH.matcher(sc.value()).matches());
                    if (!ok) {
                        List<Fix> fixes = quoted && DECIMAL.matcher(sc.value()).matches()
                                ? List.of(new Fix("Remove the quotes", List.of(new TextEdit(sc.range(), sc.value()))))
                                : List.of();
                        wrongType(node, s, key, fixes);
                    }
                }
                default -> {
                }
            }
        }

        private void enumValue(YamlScalar sc, SchemaNode s) {
            List<String> allowed = s.enumValues();
            if (allowed.isEmpty() || sc.value().isEmpty() || allowed.contains(sc.value())) {
                return;
            }
            String closest = null;
            int best = Integer.MAX_VALUE;
            for (String a : allowed) {
                int d = Similarity.editDistance(sc.value(), a);
                if (d < best) {
                    best = d;
                    closest = a;
                }
            }
            List<Fix> fixes = List.of();
            if (closest != null && sc.tag() == null && sc.anchor() == null) {
                String text = switch (sc.style()) {
                    case PLAIN -> closest;
                    case SINGLE_QUOTED -> "'" + closest + "'";
                    case DOUBLE_QUOTED -> "\"" + closest + "\"";
                    default -> null;
                };
                if (text != null) {
                    fixes = List.of(new Fix("Change to '" + closest + "'", List.of(new TextEdit(sc.range(), text))));
                }
            }
            report(Kind.ENUM, schemaPath(), sc.range(), "'" + shorten(sc.value()) + "' is not a valid value for "
                    + pathText() + "; expected one of " + String.join(", ", allowed), fixes);
        }

        // -------------------------------------------------------------- reporting

        private void wrongType(YamlNode node, SchemaNode s, YamlNode key, List<Fix> fixes) {
            Range r = node instanceof YamlScalar ? node.range() : key != null ? key.range() : head(node);
            report(Kind.WRONG_TYPE, schemaPath(), r, pathText() + " must be " + expected(s) + ", not " + got(node),
                    fixes);
        }

        private void report(Kind kind, String schemaPath, Range range, String message, List<Fix> fixes) {
            out.add(new Finding(kind, schemaPath, range, message, fixes));
        }

        /** Where an object-level finding goes: the key naming the object, else the object's first line. */
        private Range anchor(YamlMapping m, YamlNode key) {
            return key != null ? key.range() : head(m);
        }

        /** From a node's start to the end of that line (within the node). */
        private Range head(YamlNode n) {
            Position start = n.range().start();
            int line = start.line();
            int endCol = Math.max(start.column(), lines.lineContentEnd(Math.min(line, lines.lineCount() - 1))
                    - lines.lineStart(line));
            Position end = new Position(line, endCol);
            if (n.range().end().compareTo(end) < 0) {
                end = n.range().end();
            }
            return new Range(start, end.compareTo(start) < 0 ? start : end);
        }

        /** The path for people: {@code dev.app.sync[0]}; "the config" at the top. */
        private String pathText() {
            String p = text(false);
            return p.isEmpty() ? "the config" : p;
        }

        /** The path in the model: {@code dev.*.sync[]}; empty at the top. */
        private String schemaPath() {
            return text(true);
        }

        private String text(boolean wildcards) {
            StringBuilder sb = new StringBuilder();
            for (Object o : path) {
                if (o instanceof Integer i) {
                    sb.append(wildcards ? "[]" : "[" + i + "]");
                } else {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(o instanceof MapKey mk ? (wildcards ? "*" : mk.name()) : o);
                }
            }
            return sb.toString();
        }

        private String describe() {
            return path.isEmpty() ? "the config" : pathText();
        }

        private static String join(String parent, String key) {
            return parent.isEmpty() || parent.equals("the config") ? key : parent + "." + key;
        }

        private static String expected(SchemaNode s) {
            String what = switch (s.kind()) {
                case STRING -> "a string";
                case BOOL -> "true or false";
                case INT -> "a whole number";
                case LIST -> "a list";
                case MAP, FREE_OBJECT -> "a mapping";
                case OBJECT -> s.acceptsShorthand() ? "a string or a mapping" : "a mapping";
                default -> "a value";
            };
            if (s.kind() == SchemaNode.Kind.STRING && s.isJsonDecoded()) {
                what = "a string (quote it)";
            }
            if (s.kind() == SchemaNode.Kind.BOOL && s.isJsonDecoded()) {
                what = "true or false (unquoted)";
            }
            return what;
        }

        private static String got(YamlNode n) {
            if (n instanceof YamlMapping) {
                return "a mapping";
            }
            if (n instanceof YamlSequence) {
                return "a list";
            }
            if (n instanceof YamlScalar sc) {
                if (sc.style() == ScalarStyle.LITERAL || sc.style() == ScalarStyle.FOLDED) {
                    return "a block of text";
                }
                Object v = sc.toJava();
                if (v instanceof Boolean b) {
                    return "the boolean " + sc.value();
                }
                if (v instanceof Number) {
                    return "the number " + sc.value();
                }
                return "the string \"" + shorten(sc.value()) + "\"";
            }
            return "an alias";
        }

        private static String shorten(String s) {
            String one = s.replace('\n', ' ').replace('\r', ' ');
            return one.length() > 40 ? one.substring(0, 37) + "..." : one;
        }

        private static String quotedList(List<String> keys, String conjunction) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(i == keys.size() - 1 ? " " + conjunction + " " : ", ");
                }
                sb.append('\'').append(keys.get(i)).append('\'');
            }
            return sb.toString();
        }
    }

    // ------------------------------------------------------------------ value predicates

    /** A variable or expression: DevSpace replaces it before decoding, so its final type is unknown. */
    private static boolean dynamic(YamlScalar s) {
        return s.value().indexOf('$') >= 0;
    }

    private static boolean nullOrDynamic(YamlNode n) {
        return n instanceof YamlScalar s && (s.isNull() || dynamic(s));
    }

    /** Null, or an empty string (Go's zero value: DevSpace treats it as not set). */
    private static boolean isUnset(YamlNode v) {
        return v instanceof YamlScalar s && (s.isNull() || s.value().isEmpty());
    }

    /** Whether a key counts as given for an exclusive group: DevSpace tests nil, "" and empty maps. */
    private static boolean isSetForOneOf(YamlNode v, SchemaNode field) {
        if (isUnset(v)) {
            return false;
        }
        return !(field != null && field.kind() == SchemaNode.Kind.MAP && v instanceof YamlMapping m
                && m.entries().isEmpty());
    }
}
