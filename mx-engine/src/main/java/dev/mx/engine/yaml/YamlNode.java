package dev.mx.engine.yaml;

import dev.mx.engine.text.Range;

/**
 * A node of a positioned YAML tree. Ranges index the original text (zero-based lines, UTF-16
 * columns). Nodes are immutable once the parser hands them out.
 */
public abstract sealed class YamlNode permits YamlScalar, YamlMapping, YamlSequence, YamlAliasNode {
    private final Range range;
    private final String anchor;
    private final String tag;
    private YamlNode parent;

    YamlNode(Range range, String anchor, String tag) {
        this.range = range;
        this.anchor = anchor;
        this.tag = tag;
    }

    /** Where the node is written, including its anchor and tag if any. */
    public Range range() {
        return range;
    }

    /**
     * The anchor defined on this node ({@code &name}), or null. For a {@link YamlAliasNode} it is
     * the name the alias refers to.
     */
    public String anchor() {
        return anchor;
    }

    /** The explicit tag as the parser resolved it (e.g. {@code tag:yaml.org,2002:str}), or null. */
    public String tag() {
        return tag;
    }

    /**
     * The collection holding this node (for a mapping key or value: the mapping), or null for a
     * document root.
     */
    public YamlNode parent() {
        return parent;
    }

    void parent(YamlNode p) {
        this.parent = p;
    }

    /**
     * Plain Java value: {@code LinkedHashMap<String,Object>} (keys stringified, first of duplicate
     * keys wins), {@code ArrayList}, and scalars resolved by the YAML 1.2 core schema. Aliases are
     * copied from their target.
     *
     * @throws YamlLimitException when alias expansion would produce more than 100,000 nodes or an
     *                            alias is recursive
     */
    public Object toJava() {
        return JavaConverter.convert(this);
    }

    abstract String kind();

    @Override
    public String toString() {
        return kind() + "@" + range;
    }
}
