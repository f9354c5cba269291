package dev.mx.engine.yaml;

import dev.mx.engine.text.Range;

import java.util.List;

/** A block or flow sequence. */
public final class YamlSequence extends YamlNode {
    private final List<YamlNode> items;
    private final boolean flow;
    private final boolean complete;

    YamlSequence(Range range, String anchor, String tag, List<YamlNode> items, boolean flow, boolean complete) {
        super(range, anchor, tag);
        this.items = List.copyOf(items);
        this.flow = flow;
        this.complete = complete;
        for (YamlNode n : this.items) {
            n.parent(this);
        }
    }

    public List<YamlNode> items() {
        return items;
    }

    /** True for {@code [...]} syntax. */
    public boolean flow() {
        return flow;
    }

    /** False when the parser stopped (error or limit) before this sequence ended. */
    boolean complete() {
        return complete;
    }

    @Override
    String kind() {
        return flow ? "flowSequence" : "sequence";
    }
}
