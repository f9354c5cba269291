package dev.mx.engine.devspace;

import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What DevSpace accepts in a {@code version: v2beta1} devspace.yaml, as a tree of
 * {@link SchemaNode}s: keys, types, docs, enums, required keys, exclusive keys, and where DevSpace
 * decodes strictly. Loaded once from mx's own model resource
 * ({@code devspace-v2beta1.model.yaml}, checked against DevSpace's JSON schema by a test).
 */
public final class DevspaceSchema {
    static final String RESOURCE = "devspace-v2beta1.model.yaml";
    private static final int MAX_DEPTH = 40;

    private final String version;
    private final SchemaNode root;

    private DevspaceSchema(String version, SchemaNode root) {
        this.version = version;
        this.root = root;
    }

    private static final class Holder {
        static final DevspaceSchema V2BETA1 = load();
    }

    /** The model of DevSpace 6's config format. */
    public static DevspaceSchema v2beta1() {
        return Holder.V2BETA1;
    }

    /** The config version this model describes. */
    public String version() {
        return version;
    }

    public SchemaNode root() {
        return root;
    }

    /**
     * The node at a path of keys from the top of the file, e.g. {@code [deployments, app, helm]} or
     * {@code [dev, app, sync, 0, initialSync]}: map keys are the user's names (any key matches), list
     * steps may be an index, {@code *} or {@code []}. Null when DevSpace accepts nothing there.
     */
    public SchemaNode nodeAt(List<String> pathFromRoot) {
        SchemaNode n = root;
        for (String step : pathFromRoot) {
            if (n == null) {
                return null;
            }
            n = n.child(step);
        }
        return n;
    }

    // ------------------------------------------------------------------ loading

    private static DevspaceSchema load() {
        String text;
        try (InputStream in = DevspaceSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(text);
    }

    /** Builds a model from the text of a model resource (see the resource's header for the format). */
    static DevspaceSchema parse(String modelText) {
        ParsedYaml yaml = YamlParser.parse(modelText);
        if (!yaml.problems().isEmpty()) {
            throw new IllegalStateException("model is not clean YAML: " + yaml.problems());
        }
        Map<String, Object> doc = map(yaml.root().toJava(), "model");
        Map<String, Object> types = map(doc.get("types"), "types");
        Map<String, TypeDef> defs = new LinkedHashMap<>();
        for (var e : types.entrySet()) {
            defs.put(e.getKey(), TypeDef.of(e.getKey(), map(e.getValue(), e.getKey())));
        }
        String rootType = str(doc.get("root"));
        if (!defs.containsKey(rootType)) {
            throw new IllegalStateException("unknown root type " + rootType);
        }
        Builder b = new Builder(defs);
        SchemaNode root = b.object(defs.get(rootType), null, null, false, false, false, null, 0);
        Set<String> unused = new HashSet<>(defs.keySet());
        unused.removeAll(b.used);
        if (!unused.isEmpty()) {
            throw new IllegalStateException("model types never used: " + unused);
        }
        return new DevspaceSchema(str(doc.get("version")), root);
    }

    /** One key of a type as written in the model. */
    private record FieldDef(String name, String type, String doc, List<String> enumValues, boolean enumFromLoader,
            boolean hidden, String defaultValue, String schemaKey, String schemaDiff) {
        static FieldDef of(String name, Map<String, Object> m) {
            for (String k : m.keySet()) {
                if (!Set.of("type", "doc", "enum", "enumSource", "hidden", "default", "schemaKey", "schemaDiff")
                        .contains(k)) {
                    throw new IllegalStateException("unknown option '" + k + "' on key " + name);
                }
            }
            String source = str(m.get("enumSource"));
            if (source != null && !source.equals("loader")) {
                throw new IllegalStateException("enumSource must be 'loader' on key " + name);
            }
            if (m.get("doc") == null || str(m.get("doc")).isBlank()) {
                throw new IllegalStateException("key " + name + " needs a doc");
            }
            return new FieldDef(name, str(m.get("type")), str(m.get("doc")), strings(m.get("enum")), source != null,
                    Boolean.TRUE.equals(m.get("hidden")), str(m.get("default")), str(m.get("schemaKey")),
                    str(m.get("schemaDiff")));
        }
    }

    /** One type as written in the model. */
    private record TypeDef(String name, String doc, boolean strict, boolean shorthand, boolean json, boolean partial,
            List<String> include, Map<String, FieldDef> ownKeys, List<Requirement> required, boolean requiredGiven,
            List<OneOfGroup> oneOf, String schemaDiff) {
        static TypeDef of(String name, Map<String, Object> m) {
            for (String k : m.keySet()) {
                if (!Set.of("doc", "strict", "shorthand", "decoder", "partial", "include", "keys", "required", "oneOf",
                        "schemaDiff").contains(k)) {
                    throw new IllegalStateException("unknown option '" + k + "' on type " + name);
                }
            }
            Map<String, FieldDef> keys = new LinkedHashMap<>();
            Object rawKeys = m.get("keys");
            if (rawKeys != null) {
                for (var e : map(rawKeys, name + ".keys").entrySet()) {
                    keys.put(e.getKey(), FieldDef.of(name + "." + e.getKey(), map(e.getValue(), e.getKey())));
                }
            }
            List<Requirement> required = new ArrayList<>();
            for (String r : strings(m.get("required"))) {
                required.add(new Requirement(List.of(r.split("\\|"))));
            }
            List<OneOfGroup> oneOf = new ArrayList<>();
            if (m.get("oneOf") instanceof List<?> groups) {
                for (Object g : groups) {
                    Map<String, Object> gm = map(g, name + ".oneOf");
                    oneOf.add(new OneOfGroup(strings(gm.get("keys")), ((Number) gm.get("min")).intValue(),
                            ((Number) gm.get("max")).intValue(), str(gm.get("note"))));
                }
            }
            String shorthand = str(m.get("shorthand"));
            if (shorthand != null && !shorthand.equals("string")) {
                throw new IllegalStateException("shorthand must be 'string' on type " + name);
            }
            String decoder = str(m.get("decoder"));
            if (decoder != null && !decoder.equals("json")) {
                throw new IllegalStateException("decoder must be 'json' on type " + name);
            }
            return new TypeDef(name, str(m.get("doc")), !Boolean.FALSE.equals(m.get("strict")), shorthand != null,
                    decoder != null, Boolean.TRUE.equals(m.get("partial")), strings(m.get("include")), keys, required,
                    m.containsKey("required"), oneOf, str(m.get("schemaDiff")));
        }
    }

    /** Expands type expressions into a tree of nodes, one per path. */
    private static final class Builder {
        final Map<String, TypeDef> defs;
        final Set<String> used = new HashSet<>();

        Builder(Map<String, TypeDef> defs) {
            this.defs = defs;
        }

        SchemaNode node(String expr, FieldDef field, boolean json, boolean partial, boolean hidden, int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalStateException("model nests deeper than " + MAX_DEPTH + " (a cycle?) at " + expr);
            }
            String e = expr == null ? "" : expr.strip();
            String name = field == null ? null : field.name();
            String doc = field == null ? null : field.doc();
            boolean hid = hidden || (field != null && field.hidden());
            List<String> enums = field == null ? List.of() : field.enumValues();
            boolean enumLoader = field != null && field.enumFromLoader();
            String dflt = field == null ? null : field.defaultValue();
            String schemaKey = field == null ? null : field.schemaKey();
            String schemaDiff = field == null ? null : field.schemaDiff();
            if (e.startsWith("list<") || e.startsWith("map<")) {
                if (!e.endsWith(">")) {
                    throw new IllegalStateException("bad type " + e);
                }
                boolean list = e.startsWith("list<");
                String inner = e.substring(list ? 5 : 4, e.length() - 1);
                SchemaNode n = new SchemaNode(list ? SchemaNode.Kind.LIST : SchemaNode.Kind.MAP, name, null, doc, enums,
                        enumLoader, hid, dflt, false, false, json, partial, schemaKey, schemaDiff, null);
                n.element = node(inner, null, json, partial, hid, depth + 1);
                return n;
            }
            SchemaNode.Kind scalar = switch (e) {
                case "string" -> SchemaNode.Kind.STRING;
                case "bool" -> SchemaNode.Kind.BOOL;
                case "int" -> SchemaNode.Kind.INT;
                case "scalar" -> SchemaNode.Kind.SCALAR;
                case "any" -> SchemaNode.Kind.ANY;
                case "object" -> SchemaNode.Kind.FREE_OBJECT;
                default -> null;
            };
            if (scalar != null) {
                if (!enums.isEmpty() && scalar != SchemaNode.Kind.STRING) {
                    throw new IllegalStateException("enum on a non-string key " + name);
                }
                return new SchemaNode(scalar, name, null, doc, enums, enumLoader, hid, dflt, false, false, json,
                        partial, schemaKey, schemaDiff, null);
            }
            TypeDef t = defs.get(e);
            if (t == null) {
                throw new IllegalStateException("unknown type '" + e + "'" + (name == null ? "" : " of key " + name));
            }
            if (!enums.isEmpty()) {
                throw new IllegalStateException("enum on an object key " + name);
            }
            return object(t, field, name, json, partial, hid, schemaKey, depth);
        }

        SchemaNode object(TypeDef t, FieldDef field, String name, boolean json, boolean partial, boolean hidden,
                String schemaKey, int depth) {
            used.add(t.name());
            boolean js = json || t.json();
            boolean part = partial || t.partial();
            String doc = field != null && field.doc() != null ? field.doc() : t.doc();
            SchemaNode n = new SchemaNode(SchemaNode.Kind.OBJECT, name, t.name(), doc, List.of(), false, hidden,
                    field == null ? null : field.defaultValue(), t.strict(), t.shorthand(), js, part, schemaKey,
                    field == null ? null : field.schemaDiff(), t.schemaDiff());
            Map<String, FieldDef> all = new LinkedHashMap<>();
            List<Requirement> required = new ArrayList<>();
            List<OneOfGroup> oneOf = new ArrayList<>();
            collect(t, all, required, oneOf, new HashSet<>());
            for (var e : all.entrySet()) {
                FieldDef f = e.getValue();
                FieldDef local = new FieldDef(e.getKey(), f.type(), f.doc(), f.enumValues(), f.enumFromLoader(),
                        f.hidden(), f.defaultValue(), f.schemaKey(), f.schemaDiff());
                n.keys.put(e.getKey(), node(f.type(), local, js, part, hidden, depth + 1));
            }
            for (Requirement r : required) {
                for (String k : r.anyOf()) {
                    if (!n.keys.containsKey(k)) {
                        throw new IllegalStateException("type " + t.name() + " requires unknown key " + k);
                    }
                }
            }
            for (OneOfGroup g : oneOf) {
                for (String k : g.keys()) {
                    if (!n.keys.containsKey(k)) {
                        throw new IllegalStateException("type " + t.name() + " groups unknown key " + k);
                    }
                }
            }
            n.required = List.copyOf(required);
            n.oneOf = List.copyOf(oneOf);
            return n;
        }

        /** Keys of a type and the types it includes; the type's own required list wins when it has one. */
        private void collect(TypeDef t, Map<String, FieldDef> keys, List<Requirement> required, List<OneOfGroup> oneOf,
                Set<String> seen) {
            if (!seen.add(t.name())) {
                throw new IllegalStateException("include cycle at " + t.name());
            }
            List<Requirement> inherited = new ArrayList<>();
            for (String inc : t.include()) {
                TypeDef it = defs.get(inc);
                if (it == null) {
                    throw new IllegalStateException("type " + t.name() + " includes unknown " + inc);
                }
                used.add(inc);
                collect(it, keys, inherited, oneOf, seen);
            }
            for (var e : t.ownKeys().entrySet()) {
                if (keys.containsKey(e.getKey())) {
                    throw new IllegalStateException("type " + t.name() + " repeats key " + e.getKey());
                }
                keys.put(e.getKey(), e.getValue());
            }
            required.addAll(t.requiredGiven() ? t.required() : inherited);
            oneOf.addAll(t.oneOf());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String where) {
        if (!(o instanceof Map)) {
            throw new IllegalStateException(where + " must be a mapping");
        }
        return (Map<String, Object>) o;
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static List<String> strings(Object o) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            throw new IllegalStateException("expected a list, got " + o);
        }
        return l.stream().map(String::valueOf).toList();
    }
}
