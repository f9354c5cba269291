package dev.mx.engine.yaml;

import dev.mx.engine.text.TextEdit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random documents in varied styles (indent steps 2-4, indentless sequences, flow leaves, block
 * scalars, comments, CRLF, no final line break) and random edits: an edit either succeeds with
 * exactly the requested change, or throws YamlEditException naming the path, nothing else.
 */
class YamlEditorFuzzTest {
    private static final String[] WORDS = {"a", "b", "name", "image", "deployments", "x y", "yes", "1", "k: v", "-",
            "😀"};
    private final Random r = new Random(20240607L);
    private int step;
    private boolean indentless;

    private Object value(int depth) {
        switch (r.nextInt(depth > 2 ? 3 : 6)) {
            case 0:
                return WORDS[r.nextInt(WORDS.length)];
            case 1:
                return (long) r.nextInt(100);
            case 2:
                return r.nextBoolean() ? null : "two\nlines";
            case 3:
            case 4: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    m.put(WORDS[r.nextInt(WORDS.length)], value(depth + 1));
                }
                return m;
            }
            default: {
                List<Object> l = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    l.add(value(depth + 1));
                }
                return l;
            }
        }
    }

    private void block(Object v, int indent, StringBuilder sb) {
        String pad = " ".repeat(indent);
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (r.nextInt(6) == 0) {
                    sb.append(" ".repeat(indent + r.nextInt(3))).append("# note\n");
                }
                sb.append(pad).append(YamlEditor.quoteIfNeeded(String.valueOf(e.getKey()))).append(':');
                Object x = e.getValue();
                if (x instanceof Map<?, ?> xm && !xm.isEmpty() && r.nextInt(5) > 0) {
                    sb.append('\n');
                    block(x, indent + step, sb);
                } else if (x instanceof List<?> xl && !xl.isEmpty() && r.nextInt(5) > 0) {
                    sb.append('\n');
                    block(x, indent + (indentless ? 0 : step), sb);
                } else {
                    sb.append(' ').append(leaf(x, indent)).append(r.nextInt(6) == 0 ? " # trailing" : "").append('\n');
                }
                if (r.nextInt(8) == 0) {
                    sb.append('\n');
                }
            }
        } else {
            for (Object x : (List<?>) v) {
                sb.append(pad).append('-');
                if ((x instanceof Map<?, ?> xm && !xm.isEmpty()) || (x instanceof List<?> xl && !xl.isEmpty())) {
                    StringBuilder inner = new StringBuilder();
                    block(x, indent + 2, inner);
                    String s = inner.toString();
                    sb.append(s.startsWith(" ".repeat(indent + 2)) ? " " + s.substring(indent + 2) : "\n" + s);
                } else {
                    sb.append(' ').append(leaf(x, indent + 2)).append('\n');
                }
            }
        }
    }

    private String leaf(Object x, int indent) {
        if (x instanceof String s && s.contains("\n")) {
            String content = " ".repeat(indent + step);
            return "|\n" + content + s.replace("\n", "\n" + content);
        }
        if (x instanceof Map || x instanceof List) {
            return flow(x);
        }
        return x == null ? "null" : YamlEditor.quoteIfNeeded(String.valueOf(x));
    }

    private static String flow(Object x) {
        if (x instanceof Map<?, ?> m) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            m.forEach((k, v) -> j.add("\"" + k + "\": " + flow(v)));
            return j.toString();
        }
        if (x instanceof List<?> l) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            l.forEach(v -> j.add(flow(v)));
            return j.toString();
        }
        return x == null ? "null" : "\"" + String.valueOf(x).replace("\n", "\\n") + "\"";
    }

    /** The document's value after the edit, computed on plain Java values. */
    @SuppressWarnings("unchecked")
    private static Object expectedAfter(Object root, int op, List<?> path, Object fragment, boolean noEdit) {
        if (noEdit) {
            return root;
        }
        Object parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            Object next = step instanceof Integer n ? ((List<Object>) parent).get(n) : ((Map<String, Object>) parent).get(step);
            if (next == null && op != 1) {
                next = new LinkedHashMap<String, Object>();
                ((Map<String, Object>) parent).put((String) step, next);
            }
            parent = next;
        }
        Object last = path.get(path.size() - 1);
        if (op == 0) {
            ((Map<String, Object>) parent).put((String) last, fragment);
        } else if (op == 1) {
            if (last instanceof Integer n) {
                ((List<Object>) parent).remove((int) n);
            } else {
                ((Map<String, Object>) parent).remove(last);
            }
        } else {
            Map<String, Object> m = (Map<String, Object>) parent;
            List<Object> items = m.get(last) instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
            items.add(fragment);
            m.put((String) last, items);
        }
        return root;
    }

    @Test
    void randomEditsOfRandomDocuments() {
        int succeeded = 0;
        for (int i = 0; i < 1500; i++) {
            step = 2 + r.nextInt(3);
            indentless = r.nextBoolean();
            Map<String, Object> root = new LinkedHashMap<>();
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                root.put(WORDS[r.nextInt(WORDS.length)], value(0));
            }
            StringBuilder sb = new StringBuilder();
            block(root, 0, sb);
            String text = sb.toString();
            if (r.nextInt(5) == 0) {
                text = text.stripTrailing();
            }
            if (r.nextInt(6) == 0) {
                text = text.replace("\n", "\r\n");
            }
            ParsedYaml doc = YamlParser.parse(text);
            assertEquals(List.of(), doc.problems(), text);

            List<String> path = new ArrayList<>();
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                path.add(WORDS[r.nextInt(WORDS.length)]);
            }
            Object fragmentValue = value(1);
            String fragment = YamlEditor.renderBlock(fragmentValue);
            int op = r.nextInt(3);
            List<Object> removePath = new ArrayList<>(path);
            if (op == 1 && r.nextBoolean()) {
                removePath.add(r.nextInt(3));
            }
            String context = "op " + op + " " + (op == 1 ? removePath : path) + " [" + fragment + "] on:\n" + text;
            try {
                List<TextEdit> edits = switch (op) {
                    case 0 -> YamlEditor.setValue(doc, path, fragment);
                    case 1 -> YamlEditor.remove(doc, removePath);
                    default -> YamlEditor.appendItem(doc, path, fragment);
                };
                String after = doc.lines().apply(edits);
                ParsedYaml re = YamlParser.parse(after);
                assertEquals(List.of(), re.problems(), () -> context + "\n=>\n" + after);
                if (text.contains("\r\n")) {
                    assertTrue(!after.replace("\r\n", "").contains("\n"), () -> "line breaks mixed: " + context);
                } else {
                    assertTrue(!after.contains("\r"), () -> "line breaks mixed: " + context);
                }
                if (op == 0) {
                    assertEquals(fragmentValue, re.find(path).toJava(), () -> context + "\n=>\n" + after);
                } else if (op == 1 && !edits.isEmpty()) {
                    YamlNode gone = re.find(removePath);
                    if (removePath.get(removePath.size() - 1) instanceof String) {
                        assertNull(gone, () -> context + "\n=>\n" + after);
                    }
                } else if (op == 2) {
                    List<?> items = (List<?>) re.find(path).toJava();
                    assertTrue(Objects.equals(fragmentValue, items.get(items.size() - 1)), () -> context + "\n=>\n" + after);
                }
                // everything else is unchanged
                Object expected = expectedAfter(doc.root().toJava(), op, op == 1 ? removePath : path, fragmentValue,
                        edits.isEmpty());
                assertEquals(expected, re.root().toJava(), () -> context + "\n=>\n" + after);
                succeeded++;
            } catch (YamlEditException e) {
                String shown = YamlEditor.pathText(op == 1 ? removePath : path);
                assertTrue(e.getMessage().startsWith("cannot edit '" + shown + "': "), e.getMessage());
            } catch (RuntimeException e) {
                fail(context, e);
            }
        }
        assertTrue(succeeded > 1000, "most random edits should be possible: " + succeeded);
    }
}
