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
    /** built for larger mappings only; small ones are scanned */
    private final Map<String, YamlEntry> firstByKey;
    private static final int INDEX_FROM = 8;

    YamlMapping(Range range, String anchor, String tag, List<YamlEntry> entries, boolean flow, boolean complete) {
        super(range, anchor, tag);
        this.entries = List.copyOf(entries);
        this.flow = flow;
        this.complete = complete;
        this.firstByKey = this.entries.size() >= INDEX_FROM ? new HashMap<>(this.entries.size() * 2) : null;
        for (YamlEntry e : this.entries) {
            e.key().parent(this);
            e.value().parent(this);
            if (firstByKey != null) {
                String k = keyText(e.key());
                if (k != null) {
                    firstByKey.putIfAbsent(k, e);
                }
            }
        }
    }

    public List<YamlEntry> entries() {
        return entries;
    }

    /** The value of the first entry whose key is the scalar {@code key}, or null. */
    public YamlNode get(String key) {
        YamlEntry e = entry(key);
        return e == null ? null : e.value();
    }

    /** The first entry whose key is the scalar {@code key}, or null. */
    public YamlEntry entry(String key) {
        if (firstByKey != null) {
            return firstByKey.get(key);
        }
        for (YamlEntry e : entries) {
            if (key.equals(keyText(e.key()))) {
                return e;
            }
        }
        return null;
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
