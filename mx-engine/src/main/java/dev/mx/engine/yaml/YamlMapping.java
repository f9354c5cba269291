package dev.mx.engine.yaml;

import dev.mx.engine.text.Range;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A block or flow mapping. Duplicate keys are kept in {@link #entries()}; lookups see the first. */
public final class YamlMapping extends YamlNode {
    private final List<YamlEntry> entries;
    private final boolean flow;
    private final boolean complete;
    private final Map<String, YamlEntry> firstByKey;

    YamlMapping(Range range, String anchor, String tag, List<YamlEntry> entries, boolean flow, boolean complete) {
        super(range, anchor, tag);
        this.entries = List.copyOf(entries);
        this.flow = flow;
        this.complete = complete;
        this.firstByKey = new HashMap<>();
        for (YamlEntry e : this.entries) {
            e.key().parent(this);
            e.value().parent(this);
            String k = keyText(e.key());
            if (k != null) {
                firstByKey.putIfAbsent(k, e);
            }
        }
    }

    public List<YamlEntry> entries() {
        return entries;
    }

    /** The value of the first entry whose key is the scalar {@code key}, or null. */
    public YamlNode get(String key) {
        YamlEntry e = firstByKey.get(key);
        return e == null ? null : e.value();
    }

    /** The first entry whose key is the scalar {@code key}, or null. */
    public YamlEntry entry(String key) {
        return firstByKey.get(key);
    }

    /** True for {@code {...}} syntax. */
    public boolean flow() {
        return flow;
    }

    /** False when the parser stopped (error or limit) before this mapping ended. */
    boolean complete() {
        return complete;
    }

    static String keyText(YamlNode key) {
        if (key instanceof YamlAliasNode a && a.target() != null) {
            key = a.target();
        }
        return key instanceof YamlScalar s ? s.value() : null;
    }

    @Override
    String kind() {
        return flow ? "flowMapping" : "mapping";
    }
}
