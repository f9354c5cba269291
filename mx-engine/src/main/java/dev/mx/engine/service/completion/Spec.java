package dev.mx.engine.service.completion;

import dev.mx.engine.devspace.OneOfGroup;
import dev.mx.engine.devspace.SchemaNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a file accepts at one place, for completion and hover: a small common view of DevSpace's
 * {@link SchemaNode} and of the hand-written models of MLproject and state files.
 */
public interface Spec {
    /** The value's shape, which decides what a completed key inserts. */
    enum Shape { SCALAR, BOOL, OBJECT, MAP, LIST, FREE }

    /** Keys of which at most {@code max} may be set together. */
    record Exclusive(List<String> keys, int max, String note) {
    }

    Shape shape();

    /** For people: {@code string}, {@code list of SyncConfig}, ... */
    String type();

    /** One or a few sentences, Markdown. */
    String doc();

    List<String> enumValues();

    /** The default as text, or null. */
    String defaultValue();

    /** OBJECT: the keys worth offering, in documentation order. */
    List<String> keyNames();

    /** OBJECT: one key (hidden ones too), or null. */
    Spec key(String name);

    List<Exclusive> exclusive();

    /** MAP and LIST: the value or item; else null. */
    Spec element();

    /** An OBJECT that a plain string may also stand for. */
    boolean shorthand();

    /** One step down: an object's key, a map's value (any name), a list's item (any step). */
    default Spec child(String step) {
        return switch (shape()) {
            case OBJECT -> key(step);
            case MAP, LIST -> element();
            default -> null;
        };
    }

    /** The node at a path of steps, or null. */
    default Spec at(List<String> steps) {
        Spec s = this;
        for (String step : steps) {
            if (s == null) {
                return null;
            }
            s = s.child(step);
        }
        return s;
    }

    // ------------------------------------------------------------------ DevSpace

    /** A view of one node of DevSpace's model. */
    static Spec of(SchemaNode n) {
        return n == null ? null : new Devspace(n);
    }

    /** DevSpace's model, one node at a time. */
    record Devspace(SchemaNode node) implements Spec {
        @Override
        public Shape shape() {
            return switch (node.kind()) {
                case BOOL -> Shape.BOOL;
                case OBJECT -> Shape.OBJECT;
                case MAP -> Shape.MAP;
                case LIST -> Shape.LIST;
                case FREE_OBJECT -> Shape.FREE;
                default -> Shape.SCALAR;
            };
        }

        @Override
        public String type() {
            return node.type();
        }

        @Override
        public String doc() {
            return node.doc();
        }

        @Override
        public List<String> enumValues() {
            return node.enumValues();
        }

        @Override
        public String defaultValue() {
            return node.defaultValue();
        }

        @Override
        public List<String> keyNames() {
            return node.kind() == SchemaNode.Kind.OBJECT ? node.visibleKeys() : List.of();
        }

        @Override
        public Spec key(String name) {
            return of(node.keys().get(name));
        }

        @Override
        public List<Exclusive> exclusive() {
            List<Exclusive> out = new ArrayList<>();
            for (OneOfGroup g : node.oneOfGroups()) {
                String note = g.min() == 1 && g.max() == 1 ? "exactly one of " + String.join(", ", g.keys())
                        : "at most " + g.max() + " of " + String.join(", ", g.keys());
                out.add(new Exclusive(g.keys(), g.max(), g.note().isEmpty() ? note : note + ": " + g.note()));
            }
            return out;
        }

        @Override
        public Spec element() {
            return of(node.element());
        }

        @Override
        public boolean shorthand() {
            return node.acceptsShorthand();
        }
    }

    // ------------------------------------------------------------------ hand-written models

    /** A node of a model written in code (MLproject, state file). Built once, then read-only. */
    final class Node implements Spec {
        private final Shape shape;
        private final String type;
        private final String doc;
        private final List<String> enumValues;
        private final String defaultValue;
        private final Map<String, Node> keys = new LinkedHashMap<>();
        private final List<Exclusive> exclusive = new ArrayList<>();
        private Node element;
        private boolean shorthand;

        private Node(Shape shape, String type, String doc, List<String> enumValues, String defaultValue) {
            this.shape = shape;
            this.type = type;
            this.doc = doc;
            this.enumValues = List.copyOf(enumValues);
            this.defaultValue = defaultValue;
        }

        public static Node scalar(String type, String doc) {
            return new Node(Shape.SCALAR, type, doc, List.of(), null);
        }

        public static Node scalar(String type, String doc, List<String> enumValues, String defaultValue) {
            return new Node(Shape.SCALAR, type, doc, enumValues, defaultValue);
        }

        public static Node object(String type, String doc) {
            return new Node(Shape.OBJECT, type, doc, List.of(), null);
        }

        public static Node map(String doc, Node element) {
            Node n = new Node(Shape.MAP, "map of " + element.type(), doc, List.of(), null);
            n.element = element;
            return n;
        }

        public static Node list(String doc, Node element) {
            Node n = new Node(Shape.LIST, "list of " + element.type(), doc, List.of(), null);
            n.element = element;
            return n;
        }

        public static Node free(String type, String doc) {
            return new Node(Shape.FREE, type, doc, List.of(), null);
        }

        public Node with(String key, Node value) {
            keys.put(key, value);
            return this;
        }

        public Node exclusive(List<String> group, int max, String note) {
            exclusive.add(new Exclusive(List.copyOf(group), max, note));
            return this;
        }

        public Node shorthandString() {
            shorthand = true;
            return this;
        }

        @Override
        public Shape shape() {
            return shape;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public String doc() {
            return doc;
        }

        @Override
        public List<String> enumValues() {
            return enumValues;
        }

        @Override
        public String defaultValue() {
            return defaultValue;
        }

        @Override
        public List<String> keyNames() {
            return List.copyOf(keys.keySet());
        }

        @Override
        public Spec key(String name) {
            return keys.get(name);
        }

        @Override
        public List<Exclusive> exclusive() {
            return Collections.unmodifiableList(exclusive);
        }

        @Override
        public Spec element() {
            return element;
        }

        @Override
        public boolean shorthand() {
            return shorthand;
        }
    }
}
