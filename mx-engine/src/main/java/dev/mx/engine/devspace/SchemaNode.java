package dev.mx.engine.devspace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One place in a DevSpace config: what DevSpace accepts there and what it means. Nodes are per
 * path, so the same Go type used under two keys gives two nodes with their own docs. Immutable
 * once {@link DevspaceSchema} hands it out; safe to share between threads.
 */
public final class SchemaNode {
    /** How DevSpace decodes the value at this place. */
    public enum Kind {
        /** Any scalar (YAML decodes numbers and booleans into a string field as text). */
        STRING,
        /** true/false (also yes/no/on/off); a quoted "true" is a string and fails. */
        BOOL,
        /** An integer; a quoted "8080" is a string and fails. */
        INT,
        /** A string, number or boolean kept as written. */
        SCALAR,
        /** Anything (patch values, flag defaults). */
        ANY,
        /** A mapping DevSpace passes on without checking (helm values). */
        FREE_OBJECT,
        /** A mapping with known keys ({@link #keys()}); see {@link #isStrict()}. */
        OBJECT,
        /** A mapping from names the user chooses to {@link #element()}. */
        MAP,
        /** A sequence of {@link #element()}. */
        LIST
    }

    final Kind kind;
    final String name;
    final String typeName;
    final String doc;
    final List<String> enumValues;
    final boolean enumFromLoader;
    final boolean hidden;
    final String defaultValue;
    final boolean strict;
    final boolean shorthand;
    final boolean json;
    final boolean partial;
    final String schemaKey;
    final String schemaDiff;
    final String typeSchemaDiff;
    final Map<String, SchemaNode> keys = new LinkedHashMap<>();
    List<Requirement> required = List.of();
    List<OneOfGroup> oneOf = List.of();
    SchemaNode element;

    SchemaNode(Kind kind, String name, String typeName, String doc, List<String> enumValues, boolean enumFromLoader,
            boolean hidden, String defaultValue, boolean strict, boolean shorthand, boolean json, boolean partial,
            String schemaKey, String schemaDiff, String typeSchemaDiff) {
        this.kind = kind;
        this.name = name;
        this.typeName = typeName;
        this.doc = doc == null ? "" : doc;
        this.enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        this.enumFromLoader = enumFromLoader;
        this.hidden = hidden;
        this.defaultValue = defaultValue;
        this.strict = strict;
        this.shorthand = shorthand;
        this.json = json;
        this.partial = partial;
        this.schemaKey = schemaKey;
        this.schemaDiff = schemaDiff;
        this.typeSchemaDiff = typeSchemaDiff;
    }

    public Kind kind() {
        return kind;
    }

    /** The key this node is the value of, or null for the root, map values and list items. */
    public String name() {
        return name;
    }

    /** The Go type DevSpace decodes into (Image, SyncConfig, ...) for objects, else null. */
    public String typeName() {
        return typeName;
    }

    /** What the value is, for people: {@code string}, {@code list of SyncConfig}, {@code string or Pipeline}. */
    public String type() {
        return switch (kind) {
            case STRING -> "string";
            case BOOL -> "bool";
            case INT -> "int";
            case SCALAR -> "string, number or bool";
            case ANY -> "any value";
            case FREE_OBJECT -> "mapping (free-form)";
            case OBJECT -> shorthand ? "string or " + typeName : typeName;
            case MAP -> "map of " + element.type();
            case LIST -> "list of " + element.type();
        };
    }

    /** One line for hover; the key's doc, else its type's. */
    public String doc() {
        return doc;
    }

    /** The values DevSpace accepts here, empty when any value of the kind goes. */
    public List<String> enumValues() {
        return enumValues;
    }

    /** True when only DevSpace's loader (not its JSON schema) restricts the value to {@link #enumValues()}. */
    public boolean isEnumFromLoader() {
        return enumFromLoader;
    }

    /** For objects: DevSpace fails on keys it does not know. False for everything else. */
    public boolean isStrict() {
        return kind == Kind.OBJECT && strict;
    }

    /** For objects: every key DevSpace accepts, in documentation order (hidden ones included). */
    public Map<String, SchemaNode> keys() {
        return Collections.unmodifiableMap(keys);
    }

    /** For objects: the keys worth offering (without hidden legacy ones). */
    public List<String> visibleKeys() {
        return keys.entrySet().stream().filter(e -> !e.getValue().hidden).map(Map.Entry::getKey).toList();
    }

    /** The value of a map or the item of a list, else null. */
    public SchemaNode element() {
        return element;
    }

    /**
     * One step down: for an object its key, for a map any key (the names are the user's), for a
     * list any step (an index, {@code *} or {@code []}). Null when there is nothing there.
     */
    public SchemaNode child(String step) {
        return switch (kind) {
            case OBJECT -> keys.get(step);
            case MAP, LIST -> element;
            default -> null;
        };
    }

    /** Keys DevSpace's loader insists on (objects only). */
    public List<Requirement> required() {
        return required;
    }

    /** Groups of mutually exclusive keys (objects only). */
    public List<OneOfGroup> oneOfGroups() {
        return oneOf;
    }

    /** Accepted by DevSpace but absent from its JSON schema (legacy, internal or hidden fields). */
    public boolean isHidden() {
        return hidden;
    }

    /** For objects: a plain string may stand for the whole object (a pipeline's script, a var's value). */
    public boolean acceptsShorthand() {
        return shorthand;
    }

    /** DevSpace decodes this through JSON: scalars must have the exact type (no "yes" for true). */
    public boolean isJsonDecoded() {
        return json;
    }

    /** Inside a fragment merged into the config later (profile merge/replace): not complete on its own. */
    public boolean isPartial() {
        return partial;
    }

    /** DevSpace's default, as text, or null. */
    public String defaultValue() {
        return defaultValue;
    }

    /** How the JSON schema spells this key when it differs from what DevSpace reads. */
    String schemaKey() {
        return schemaKey;
    }

    /** Why this key's type or enum differs from the JSON schema, or null. */
    String schemaDiff() {
        return schemaDiff;
    }

    /** Why this object's required keys differ from the JSON schema, or null. */
    String typeSchemaDiff() {
        return typeSchemaDiff;
    }

    @Override
    public String toString() {
        return (name == null ? "" : name + ": ") + type();
    }
}
