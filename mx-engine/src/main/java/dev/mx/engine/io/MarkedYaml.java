package dev.mx.engine.io;

import dev.mx.engine.MxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads mx's own small YAML files (generator descriptors, the state file) as a tree whose every
 * node knows its position, so each error names file, line and column. Not for users' manifests:
 * those go through the positioned model in {@code dev.mx.engine.yaml}, which tolerates broken text.
 */
public final class MarkedYaml {
    private final String file;
    private final Node node;

    private MarkedYaml(String file, Node node) {
        this.file = file;
        this.node = node;
    }

    /** Parses one document; an empty document gives an empty mapping. */
    public static MarkedYaml parse(String file, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(10)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(8 * 1024 * 1024)
                .build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> root = composer.getSingleNode();
            if (root.isEmpty()) {
                return new MarkedYaml(file, new MappingNode(org.snakeyaml.engine.v2.nodes.Tag.MAP, List.of(),
                        org.snakeyaml.engine.v2.common.FlowStyle.BLOCK));
            }
            return new MarkedYaml(file, root.get());
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            throw m == null ? MxException.at(file, -1, -1, problem)
                    : MxException.at(file, m.getLine(), m.getColumn(), problem);
        } catch (YamlEngineException e) {
            throw MxException.at(file, -1, -1, "invalid YAML: " + firstLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw MxException.at(file, -1, -1, "YAML nested too deeply");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public String file() {
        return file;
    }

    public int line() {
        return node.getStartMark().map(Mark::getLine).orElse(-1);
    }

    public int column() {
        return node.getStartMark().map(Mark::getColumn).orElse(-1);
    }

    public MxException error(String message) {
        return MxException.at(file, line(), column(), message);
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(org.snakeyaml.engine.v2.nodes.Tag.NULL);
    }

    /** Entries of a mapping in file order; keys must be scalars. */
    public Map<String, MarkedYaml> entries() {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping (key: value pairs) here");
        }
        Map<String, MarkedYaml> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new MarkedYaml(file, t.getKeyNode()).error("keys must be plain text");
            }
            out.put(k.getValue(), new MarkedYaml(file, t.getValueNode()));
        }
        return out;
    }

    /** Position of the key itself, for errors about the key. */
    public MxException keyError(String key, String message) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return new MarkedYaml(file, k).error(message);
                }
            }
        }
        return error(message);
    }

    /** Rejects keys not in {@code allowed}, naming the first unknown one at its position. */
    public void onlyKeys(String context, String... allowed) {
        List<String> ok = List.of(allowed);
        for (String k : entries().keySet()) {
            if (!ok.contains(k)) {
                throw keyError(k, "unknown key '" + k + "' in " + context + " (allowed: " + String.join(", ", ok) + ")");
            }
        }
    }

    public MarkedYaml get(String key) {
        return entries().get(key);
    }

    public List<MarkedYaml> items() {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list here");
        }
        List<MarkedYaml> out = new ArrayList<>();
        for (Node n : s.getValue()) {
            out.add(new MarkedYaml(file, n));
        }
        return out;
    }

    public String string() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a text value here");
        }
        return s.getValue();
    }

    /** Plain Java value: maps, lists, and scalars resolved by the core schema. */
    public Object toJava() {
        if (node instanceof MappingNode) {
            Map<String, Object> out = new LinkedHashMap<>();
            entries().forEach((k, v) -> out.put(k, v.toJava()));
            return out;
        }
        if (node instanceof SequenceNode) {
            List<Object> out = new ArrayList<>();
            for (MarkedYaml i : items()) {
                out.add(i.toJava());
            }
            return out;
        }
        ScalarNode s = (ScalarNode) node;
        String tag = s.getTag().getValue();
        String v = s.getValue();
        if (tag.endsWith(":null")) {
            return null;
        }
        if (tag.endsWith(":bool")) {
            return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
        }
        if (tag.endsWith(":int")) {
            try {
                return Long.decode(v.replace("0o", "0"));
            } catch (NumberFormatException e) {
                return new java.math.BigInteger(v);
            }
        }
        if (tag.endsWith(":float")) {
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }
}
