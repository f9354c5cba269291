package dev.mx.engine.yaml;

import dev.mx.engine.text.Range;

/**
 * An alias ({@code *name}). Its range is the alias token; {@link #target()} is the anchored node
 * (not a copy), or null when the anchor is undefined, recursive, or past the alias limit.
 */
public final class YamlAliasNode extends YamlNode {
    private final YamlNode target;

    YamlAliasNode(Range range, String anchor, YamlNode target) {
        super(range, anchor, null);
        this.target = target;
    }

    /** The name after {@code *}. */
    @Override
    public String anchor() {
        return super.anchor();
    }

    public YamlNode target() {
        return target;
    }

    @Override
    String kind() {
        return "alias";
    }
}
