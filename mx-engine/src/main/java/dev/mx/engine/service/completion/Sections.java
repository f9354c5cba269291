package dev.mx.engine.service.completion;

import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlAliasNode;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named entries of a document read from the parsed tree (images, deployments, dev, ...). */
public final class Sections {
    private Sections() {
    }

    /** The keys of the mapping at {@code path} with their values, in file order; empty when absent. */
    public static Map<String, YamlNode> entries(ParsedYaml yaml, List<?> path) {
        if (yaml == null) {
            return Map.of();
        }
        YamlNode n = deref(yaml.find(path));
        if (!(n instanceof YamlMapping m)) {
            return Map.of();
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (YamlEntry e : m.entries()) {
            String k = e.keyText();
            if (k != null && !k.isEmpty()) {
                out.putIfAbsent(k, e.value());
            }
        }
        return out;
    }

    /** The text of a scalar, or null. */
    public static String text(YamlNode n) {
        YamlNode d = deref(n);
        return d instanceof YamlScalar s && !s.isNull() ? s.value() : null;
    }

    /** The scalar at {@code key} of a mapping value, or null. */
    public static String field(YamlNode mapping, String key) {
        YamlNode d = deref(mapping);
        return d instanceof YamlMapping m ? text(m.get(key)) : null;
    }

    public static YamlNode deref(YamlNode n) {
        int guard = 0;
        while (n instanceof YamlAliasNode a && guard++ < 16) {
            n = a.target();
        }
        return n;
    }
}
