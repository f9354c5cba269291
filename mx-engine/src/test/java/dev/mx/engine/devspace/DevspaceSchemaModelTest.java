package dev.mx.engine.devspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps mx's model of the v2beta1 config ({@code devspace-v2beta1.model.yaml}) in step with
 * DevSpace's JSON schema: the same keys at the same paths both ways, the same kinds, enums and
 * required keys. Every difference must be declared in the model ({@code hidden} for keys DevSpace
 * accepts but the schema hides, {@code schemaDiff}/{@code enumSource}/{@code schemaKey} where DevSpace's
 * loader disagrees with its schema), and a declaration that no longer differs fails too.
 */
class DevspaceSchemaModelTest {
    private static JsonNode schema;
    private static JsonNode defs;
    private static final DevspaceSchema MODEL = DevspaceSchema.v2beta1();

    /** What the schema says about one property path. */
    private record SchemaInfo(String kind, List<String> enumValues, Set<String> required, String description) {
    }

    private static final Map<String, SchemaInfo> SCHEMA_PATHS = new TreeMap<>();
    private static final Map<String, SchemaNode> MODEL_PATHS = new TreeMap<>();
    private static final Map<String, SchemaNode> HIDDEN_MODEL_PATHS = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        String dir = System.getProperty("mx.shared.dir");
        assertNotNull(dir, "system property mx.shared.dir is not set (mx-engine's surefire sets it)");
        schema = new ObjectMapper().readTree(Path.of(dir).resolve("corpus/devspace/schema/devspace-v2beta1.schema.json")
                .toFile());
        defs = schema.get("$defs");
        SCHEMA_PATHS.put("", info(schema));
        walkSchema(schema, "");
        MODEL_PATHS.put("", MODEL.root());
        walkModel(MODEL.root(), "");
    }

    // ------------------------------------------------------------------ schema side

    private static JsonNode deref(JsonNode n) {
        while (n.has("$ref")) {
            String ref = n.get("$ref").asText();
            n = defs.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return n;
    }

    /** The real alternatives of a property: without the "expression" and "${var}" string patterns. */
    private static List<JsonNode> alternatives(JsonNode n) {
        n = deref(n);
        JsonNode alts = n.has("oneOf") ? n.get("oneOf") : n.get("anyOf");
        List<JsonNode> out = new ArrayList<>();
        if (alts == null) {
            out.add(n);
            return out;
        }
        for (JsonNode a : alts) {
            JsonNode d = deref(a);
            if ("string".equals(d.path("type").asText()) && d.has("pattern")) {
                continue;
            }
            out.add(d);
        }
        return out;
    }

    /** A kind word comparable to the model's: string, bool, int, scalar, any, object, map<...>, list<...>, T. */
    private static String kind(JsonNode n) {
        List<JsonNode> alts = alternatives(n);
        List<String> kinds = new ArrayList<>();
        for (JsonNode a : alts) {
            kinds.add(single(a));
        }
        if (kinds.size() == 1) {
            return kinds.get(0);
        }
        if (new TreeSet<>(kinds).equals(new TreeSet<>(List.of("string", "int", "bool")))) {
            return "scalar";
        }
        // vars, commands, pipelines: a map of a string or an object (plus a catch-all object)
        if (kinds.size() == 3 && kinds.get(0).equals("map<string>") && kinds.get(1).startsWith("map<")
                && kinds.get(2).equals("object")) {
            String inner = kinds.get(1).substring(4, kinds.get(1).length() - 1);
            return "map<string|" + inner + ">";
        }
        return String.join("|", kinds);
    }

    private static String single(JsonNode a) {
        String t = a.path("type").asText("");
        return switch (t) {
            case "string" -> "string";
            case "boolean" -> "bool";
            case "integer" -> "int";
            case "array" -> "list<" + kind(a.path("items")) + ">";
            case "object" -> a.has("properties") ? "OBJECT"
                    : a.has("patternProperties") ? "map<" + kind(a.get("patternProperties").get(".*")) + ">" : "object";
            case "" -> "any";
            default -> t;
        };
    }

    private static SchemaInfo info(JsonNode property) {
        JsonNode d = deref(property);
        List<String> enums = new ArrayList<>();
        d.path("enum").forEach(e -> enums.add(e.asText()));
        Set<String> required = new TreeSet<>();
        for (JsonNode a : alternatives(property)) {
            a.path("required").forEach(r -> required.add(r.asText()));
        }
        return new SchemaInfo(kind(property), enums, required, property.path("description").asText(""));
    }

    /** A map whose values may be either of two things (a string or an object, for vars/commands/pipelines). */
    private static SchemaInfo either(SchemaInfo a, SchemaInfo b) {
        TreeSet<String> kinds = new TreeSet<>(List.of(a.kind().split("\\|")));
        kinds.addAll(List.of(b.kind().split("\\|")));
        kinds.remove("object"); // the catch-all alternative adds nothing
        List<String> ordered = new ArrayList<>(kinds.descendingSet()); // "string" before "OBJECT"
        Set<String> required = new TreeSet<>(a.required());
        required.addAll(b.required());
        List<String> enums = a.enumValues().isEmpty() ? b.enumValues() : a.enumValues();
        return new SchemaInfo(String.join("|", ordered), enums, required, a.description());
    }

    private static void walkSchema(JsonNode n, String path) {
        for (JsonNode a : alternatives(n)) {
            String t = a.path("type").asText("");
            if (t.equals("object") && a.has("properties")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = a.get("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                    SCHEMA_PATHS.put(p, info(e.getValue()));
                    walkSchema(e.getValue(), p);
                }
            } else if (t.equals("object") && a.has("patternProperties")) {
                JsonNode v = a.get("patternProperties").get(".*");
                SCHEMA_PATHS.merge(path + ".*", info(v), DevspaceSchemaModelTest::either);
                walkSchema(v, path + ".*");
            } else if (t.equals("array")) {
                SCHEMA_PATHS.putIfAbsent(path + "[]", info(a.path("items")));
                walkSchema(a.path("items"), path + "[]");
            }
        }
    }

    // ------------------------------------------------------------------ model side

    private static String modelKind(SchemaNode n) {
        return switch (n.kind()) {
            case STRING -> "string";
            case BOOL -> "bool";
            case INT -> "int";
            case SCALAR -> "scalar";
            case ANY -> "any";
            case FREE_OBJECT -> "object";
            case OBJECT -> n.acceptsShorthand() ? "string|OBJECT" : "OBJECT";
            case MAP -> "map<" + modelKind(n.element()) + ">";
            case LIST -> "list<" + modelKind(n.element()) + ">";
        };
    }

    private static void walkModel(SchemaNode n, String path) {
        switch (n.kind()) {
            case OBJECT -> {
                for (var e : n.keys().entrySet()) {
                    SchemaNode c = e.getValue();
                    String k = c.schemaKey() != null ? c.schemaKey() : e.getKey();
                    String p = path.isEmpty() ? k : path + "." + k;
                    if (c.isHidden()) {
                        if (!n.isHidden()) {
                            HIDDEN_MODEL_PATHS.put(p, c);
                        }
                        continue;
                    }
                    MODEL_PATHS.put(p, c);
                    walkModel(c, p);
                }
            }
            case MAP -> {
                MODEL_PATHS.put(path + ".*", n.element());
                walkModel(n.element(), path + ".*");
            }
            case LIST -> {
                MODEL_PATHS.put(path + "[]", n.element());
                walkModel(n.element(), path + "[]");
            }
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------ comparisons

    @Test
    void everySchemaPathIsInTheModel() {
        Set<String> missing = new TreeSet<>(SCHEMA_PATHS.keySet());
        missing.removeAll(MODEL_PATHS.keySet());
        assertTrue(missing.isEmpty(), "paths of DevSpace's schema that the model lacks: " + missing);
        assertTrue(SCHEMA_PATHS.size() > 400, "the schema walk found too little: " + SCHEMA_PATHS.size());
    }

    @Test
    void everyModelPathIsInTheSchemaUnlessHidden() {
        Set<String> extra = new TreeSet<>(MODEL_PATHS.keySet());
        extra.removeAll(SCHEMA_PATHS.keySet());
        assertTrue(extra.isEmpty(), "model paths the schema does not have (mark them hidden: true): " + extra);
    }

    @Test
    void hiddenKeysAreReallyAbsentFromTheSchema() {
        List<String> stale = new ArrayList<>();
        for (String p : HIDDEN_MODEL_PATHS.keySet()) {
            if (SCHEMA_PATHS.containsKey(p)) {
                stale.add(p);
            }
        }
        assertTrue(stale.isEmpty(), "keys marked hidden that the schema has: " + stale);
        assertTrue(HIDDEN_MODEL_PATHS.containsKey("profiles"), "profiles are hidden from the schema");
        assertTrue(HIDDEN_MODEL_PATHS.containsKey("dev.*.sync[].printLogs"), "sync.printLogs is hidden");
    }

    @Test
    void kindsMatchTheSchema() {
        List<String> wrong = new ArrayList<>();
        for (var e : MODEL_PATHS.entrySet()) {
            SchemaInfo s = SCHEMA_PATHS.get(e.getKey());
            if (s == null) {
                continue;
            }
            String model = modelKind(e.getValue());
            if (!model.equals(s.kind()) && e.getValue().schemaDiff() == null) {
                wrong.add(e.getKey() + ": model " + model + ", schema " + s.kind());
            }
        }
        assertTrue(wrong.isEmpty(), "kinds differ:\n  " + String.join("\n  ", wrong));
        assertEquals("map<string|OBJECT>", SCHEMA_PATHS.get("vars").kind());
        assertEquals("map<string|OBJECT>", modelKind(MODEL_PATHS.get("vars")));
    }

    @Test
    void enumsMatchTheSchema() {
        List<String> wrong = new ArrayList<>();
        for (var e : MODEL_PATHS.entrySet()) {
            SchemaInfo s = SCHEMA_PATHS.get(e.getKey());
            SchemaNode n = e.getValue();
            if (s == null) {
                continue;
            }
            if (n.isEnumFromLoader()) {
                if (!s.enumValues().isEmpty()) {
                    wrong.add(e.getKey() + ": enumSource loader, but the schema has the enum " + s.enumValues());
                }
                if (n.enumValues().isEmpty()) {
                    wrong.add(e.getKey() + ": enumSource without enum");
                }
            } else if (!n.enumValues().equals(s.enumValues())) {
                if (n.schemaDiff() == null) {
                    wrong.add(e.getKey() + ": model " + n.enumValues() + ", schema " + s.enumValues());
                }
            } else if (n.schemaDiff() != null && n.schemaKey() == null && modelKind(n).equals(s.kind())) {
                wrong.add(e.getKey() + ": schemaDiff declared but nothing differs");
            }
        }
        assertTrue(wrong.isEmpty(), "enums differ:\n  " + String.join("\n  ", wrong));
        // the loader-enforced ones the brief names
        for (String p : List.of("dev.*.sync[].initialSync", "dev.*.sync[].initialSyncCompareBy", "dev.*.arch",
                "dev.*.containers.*.arch", "images.*.rebuildStrategy", "vars.*.source", "dev.*.patches[].op",
                "deployments.*.kubectl.patches[].op", "pipelines.*.flags[].type")) {
            assertFalse(MODEL_PATHS.get(p).enumValues().isEmpty(), p + " has an enum");
        }
    }

    @Test
    void requiredKeysMatchTheSchema() {
        List<String> wrong = new ArrayList<>();
        for (var e : MODEL_PATHS.entrySet()) {
            SchemaNode n = e.getValue();
            SchemaInfo s = SCHEMA_PATHS.get(e.getKey());
            if (n.kind() != SchemaNode.Kind.OBJECT || s == null) {
                continue;
            }
            Set<String> model = new TreeSet<>();
            boolean alternatives = false;
            for (Requirement r : n.required()) {
                alternatives |= r.anyOf().size() > 1;
                model.addAll(r.anyOf());
            }
            boolean differs = alternatives || !model.equals(s.required());
            if (differs && n.typeSchemaDiff() == null) {
                wrong.add(e.getKey() + " (" + n.typeName() + "): model " + model + ", schema " + s.required());
            }
            if (!differs && n.typeSchemaDiff() != null) {
                wrong.add(e.getKey() + " (" + n.typeName() + "): schemaDiff declared but required keys agree");
            }
        }
        // the root: DevSpace defaults the name
        Set<String> rootModel = new TreeSet<>();
        MODEL.root().required().forEach(r -> rootModel.addAll(r.anyOf()));
        assertEquals(Set.of("version"), rootModel);
        assertEquals(Set.of("version", "name"), SCHEMA_PATHS.get("").required());
        assertNotNull(MODEL.root().typeSchemaDiff());
        assertTrue(wrong.isEmpty(), "required keys differ:\n  " + String.join("\n  ", wrong));
    }

    @Test
    void docsAreOursAndPresent() {
        List<String> problems = new ArrayList<>();
        for (var e : MODEL_PATHS.entrySet()) {
            SchemaNode n = e.getValue();
            if (n.name() == null) {
                continue;
            }
            if (n.doc().isBlank()) {
                problems.add(e.getKey() + ": no doc");
            }
            SchemaInfo s = SCHEMA_PATHS.get(e.getKey());
            if (s != null && !s.description().isBlank() && n.doc().length() > 20
                    && normalize(s.description()).contains(normalize(n.doc()))) {
                problems.add(e.getKey() + ": doc copied from the schema");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    // ------------------------------------------------------------------ the API the language server uses

    @Test
    void nodeAtWalksMapsListsAndObjects() {
        SchemaNode kubectl = MODEL.nodeAt(List.of("deployments", "my-app", "kubectl"));
        assertEquals("KubectlConfig", kubectl.typeName());
        assertTrue(kubectl.isStrict());
        assertEquals(List.of(new OneOfGroup(List.of("manifests", "inlineManifest"), 1, 1, "")), kubectl.oneOfGroups());

        SchemaNode initialSync = MODEL.nodeAt(List.of("dev", "app", "sync", "0", "initialSync"));
        assertEquals(SchemaNode.Kind.STRING, initialSync.kind());
        assertTrue(initialSync.enumValues().contains("mirrorLocal"));
        assertTrue(initialSync.isEnumFromLoader());
        assertSame(initialSync, MODEL.nodeAt(List.of("dev", "other", "sync", "*", "initialSync")));
        assertSame(initialSync, MODEL.nodeAt(List.of("dev", "x", "sync", "[]", "initialSync")));

        SchemaNode values = MODEL.nodeAt(List.of("deployments", "app", "helm", "values"));
        assertEquals(SchemaNode.Kind.FREE_OBJECT, values.kind());
        assertFalse(values.isStrict());
        assertNull(MODEL.nodeAt(List.of("deployments", "app", "helm", "values", "replicas")));
        assertNull(MODEL.nodeAt(List.of("deployments", "app", "kubctl")));
        assertNull(MODEL.nodeAt(List.of("images", "app", "image", "deeper")));

        SchemaNode pipeline = MODEL.nodeAt(List.of("pipelines", "dev"));
        assertTrue(pipeline.acceptsShorthand());
        assertTrue(pipeline.isJsonDecoded());
        assertEquals("string or Pipeline", pipeline.type());
        assertEquals("map of string or Pipeline", MODEL.nodeAt(List.of("pipelines")).type());
        assertEquals("list of SyncConfig", MODEL.nodeAt(List.of("dev", "app", "sync")).type());

        SchemaNode image = MODEL.nodeAt(List.of("images", "app"));
        assertEquals(List.of(new Requirement(List.of("image"))), image.required());
        assertEquals(List.of("docker", "buildKit", "kaniko", "custom"), image.oneOfGroups().get(0).keys());
        assertEquals(0, image.oneOfGroups().get(0).min());
        assertEquals(1, image.oneOfGroups().get(0).max());
        assertTrue(image.keys().containsKey("injectRestartHelper"));
        assertFalse(image.visibleKeys().contains("injectRestartHelper"));
        assertEquals("./Dockerfile", image.keys().get("dockerfile").defaultValue());

        assertTrue(MODEL.nodeAt(List.of("profiles", "0", "merge", "deployments", "x")).isPartial());
        assertFalse(MODEL.nodeAt(List.of("deployments", "x")).isPartial());
        assertEquals(List.of("amd64", "arm64"), MODEL.nodeAt(List.of("dev", "a", "containers", "c", "arch"))
                .enumValues());
        assertEquals("v2beta1", MODEL.version());
    }

    @Test
    void everyNodeHasADocAndAType() {
        List<String> problems = new ArrayList<>();
        Set<SchemaNode> seen = new LinkedHashSet<>();
        check(MODEL.root(), "", problems, seen);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(seen.size() > 500, "model size " + seen.size());
    }

    private static void check(SchemaNode n, String path, List<String> problems, Set<SchemaNode> seen) {
        if (!seen.add(n)) {
            problems.add(path + ": node shared between paths");
            return;
        }
        if (n.type().isBlank()) {
            problems.add(path + ": no type");
        }
        if (n.name() != null && n.doc().isBlank()) {
            problems.add(path + ": no doc");
        }
        for (var e : n.keys().entrySet()) {
            check(e.getValue(), path + "." + e.getKey(), problems, seen);
        }
        if (n.element() != null) {
            check(n.element(), path + (n.kind() == SchemaNode.Kind.LIST ? "[]" : ".*"), problems, seen);
        }
    }

    @Test
    void brokenModelsAreRejected() {
        assertThrows(IllegalStateException.class, () -> DevspaceSchema.parse("version: v\nroot: A\ntypes:\n  A:\n"
                + "    keys:\n      x: {type: B, doc: d}\n"));
        assertThrows(IllegalStateException.class, () -> DevspaceSchema.parse("version: v\nroot: A\ntypes:\n  A:\n"
                + "    keys:\n      x: {type: string}\n"));
        assertThrows(IllegalStateException.class, () -> DevspaceSchema.parse("version: v\nroot: A\ntypes:\n  A:\n"
                + "    required: [y]\n    keys:\n      x: {type: string, doc: d}\n"));
        assertThrows(IllegalStateException.class, () -> DevspaceSchema.parse("version: v\nroot: A\ntypes:\n  A:\n"
                + "    keys:\n      x: {type: A, doc: d}\n"));
        assertThrows(IllegalStateException.class, () -> DevspaceSchema.parse("version: v\nroot: A\ntypes:\n  A:\n"
                + "    keys:\n      x: {type: string, doc: d, colour: red}\n"));
        DevspaceSchema tiny = DevspaceSchema.parse("version: v\nroot: A\ntypes:\n  A:\n    keys:\n"
                + "      x: {type: list<map<int>>, doc: d}\n");
        assertEquals("list of map of int", tiny.nodeAt(List.of("x")).type());
    }
}
