package dev.mx.engine.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * YAML documents as Jackson trees, with the 1-based source line of every node keyed by JSON pointer, so schema
 * errors can be reported as file:line.
 */
final class YamlTree {

  /** One YAML document: its tree (null for an empty document), lines by JSON pointer, duplicate-key problems. */
  record Doc(JsonNode root, Map<String, Integer> lines, List<String> duplicateKeys, int startLine) {
    /** Line of the node at pointer, or of its nearest ancestor that has one. */
    int lineOf(String pointer) {
      String p = pointer == null ? "" : pointer;
      while (true) {
        Integer line = lines.get(p);
        if (line != null) {
          return line;
        }
        if (p.isEmpty()) {
          return startLine;
        }
        int slash = p.lastIndexOf('/');
        p = slash <= 0 ? "" : p.substring(0, slash);
      }
    }
  }

  private YamlTree() {}

  /** Parses every document of a YAML stream; throws the YAML parser's exception on syntax errors. */
  static List<Doc> parseAll(String text, String label) {
    LoadSettings settings = LoadSettings.builder().setLabel(label).setSchema(new CoreSchema()).build();
    List<Doc> docs = new ArrayList<>();
    for (Node node : new Compose(settings).composeAllFromString(text)) {
      Map<String, Integer> lines = new HashMap<>();
      List<String> dups = new ArrayList<>();
      int start = line(node);
      JsonNode root = convert(node, "", lines, dups);
      docs.add(new Doc(root, lines, dups, start));
    }
    return docs;
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }

  private static JsonNode convert(Node node, String pointer, Map<String, Integer> lines, List<String> dups) {
    lines.put(pointer, line(node));
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof MappingNode mapping) {
      ObjectNode obj = f.objectNode();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        String key = keyNode instanceof ScalarNode s ? s.getValue() : String.valueOf(keyNode);
        String childPointer = pointer + "/" + escape(key);
        if (obj.has(key)) {
          dups.add("line " + line(keyNode) + ": duplicate key '" + key + "'");
        }
        obj.set(key, convert(tuple.getValueNode(), childPointer, lines, dups));
        lines.put(childPointer, line(keyNode)); // report a field at its key, not where its value starts
      }
      return obj;
    }
    if (node instanceof SequenceNode seq) {
      ArrayNode arr = f.arrayNode();
      int i = 0;
      for (Node item : seq.getValue()) {
        arr.add(convert(item, pointer + "/" + i, lines, dups));
        i++;
      }
      return arr;
    }
    ScalarNode scalar = (ScalarNode) node;
    String v = scalar.getValue();
    Tag tag = scalar.getTag();
    if (Tag.NULL.equals(tag)) {
      return f.nullNode();
    }
    if (Tag.BOOL.equals(tag)) {
      return f.booleanNode(v.equalsIgnoreCase("true"));
    }
    if (Tag.INT.equals(tag)) {
      try {
        String digits = v.replace("_", "");
        BigInteger big;
        if (digits.startsWith("0x")) {
          big = new BigInteger(digits.substring(2), 16);
        } else if (digits.startsWith("0o")) {
          big = new BigInteger(digits.substring(2), 8);
        } else {
          big = new BigInteger(digits);
        }
        return big.bitLength() < 63 ? f.numberNode(big.longValue()) : f.numberNode(big);
      } catch (NumberFormatException e) {
        return f.textNode(v);
      }
    }
    if (Tag.FLOAT.equals(tag)) {
      try {
        return f.numberNode(Double.parseDouble(v));
      } catch (NumberFormatException e) {
        return f.textNode(v);
      }
    }
    return f.textNode(v);
  }
}
