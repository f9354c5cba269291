package dev.mx.engine.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts a tree to plain Java without recursion (deep trees cannot overflow the stack), complex
 * keys included. Nodes copied through aliases count against a budget so alias bombs fail fast.
 */
final class JavaConverter {
    static final int ALIAS_BUDGET = 100_000;
    /** complex keys become text of at most this length (nested complex keys would grow quadratically) */
    static final int MAX_KEY_CHARS = 1024;

    private int produced;
    private final Set<YamlNode> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    private JavaConverter() {
    }

    static Object convert(YamlNode node) {
        return new JavaConverter().run(node);
    }

    private static final class Frame {
        final YamlNode node;
        final Object out;
        final boolean underAlias;
        int next;
        /** a collection key being converted; the value follows once it is complete */
        boolean keyPending;
        Object key;

        Frame(YamlNode node, Object out, boolean underAlias) {
            this.node = node;
            this.out = out;
            this.underAlias = underAlias;
        }
    }

    private Object run(YamlNode root) {
        Deque<Frame> stack = new ArrayDeque<>();
        Object result = start(root, false, stack);
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.node instanceof YamlMapping m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) f.out;
                if (f.keyPending) {
                    // the collection key's frames have all finished
                    f.keyPending = false;
                    YamlEntry e = m.entries().get(f.next++);
                    String key = stringify(f.key);
                    f.key = null;
                    if (!map.containsKey(key)) {
                        map.put(key, start(e.value(), f.underAlias, stack));
                    }
                    continue;
                }
                if (f.next >= m.entries().size()) {
                    stack.pop();
                    inProgress.remove(f.node);
                    continue;
                }
                YamlEntry e = m.entries().get(f.next);
                String key = YamlMapping.keyText(e.key());
                if (key == null) {
                    f.keyPending = true;
                    f.key = start(e.key(), f.underAlias, stack);
                    continue;
                }
                f.next++;
                if (!map.containsKey(key)) { // duplicate key: the first one wins, as in YamlMapping.get
                    map.put(key, start(e.value(), f.underAlias, stack));
                }
            } else {
                YamlSequence s = (YamlSequence) f.node;
                if (f.next >= s.items().size()) {
                    stack.pop();
                    inProgress.remove(f.node);
                    continue;
                }
                YamlNode item = s.items().get(f.next++);
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) f.out;
                list.add(start(item, f.underAlias, stack));
            }
        }
        return result;
    }

    /** Produces a leaf value, or creates a container and pushes a frame to fill it. */
    private Object start(YamlNode node, boolean underAlias, Deque<Frame> stack) {
        while (node instanceof YamlAliasNode a) {
            if (a.target() == null) {
                return null;
            }
            node = a.target();
            underAlias = true;
        }
        if (underAlias && ++produced > ALIAS_BUDGET) {
            throw new YamlLimitException("aliases expand to more than " + ALIAS_BUDGET + " nodes");
        }
        if (node instanceof YamlScalar s) {
            return s.toJava();
        }
        if (inProgress.contains(node)) {
            throw new YamlLimitException("alias refers to a node that contains it (recursive alias)");
        }
        Object out;
        if (node instanceof YamlMapping m) {
            out = new LinkedHashMap<String, Object>(Math.max(4, m.entries().size() * 2));
        } else {
            out = new ArrayList<>(((YamlSequence) node).items().size());
        }
        inProgress.add(node);
        stack.push(new Frame(node, out, underAlias));
        return out;
    }

    /**
     * Like {@code String.valueOf} for nested lists and maps, without recursion, cut after
     * {@link #MAX_KEY_CHARS} characters.
     */
    static String stringify(Object value) {
        StringBuilder sb = new StringBuilder();
        Deque<Object[]> stack = new ArrayDeque<>(); // {iterator, closing text, first?}
        Object current = value;
        while (true) {
            if (current instanceof Map<?, ?> m) {
                sb.append('{');
                stack.push(new Object[] {m.entrySet().iterator(), "}", Boolean.TRUE});
            } else if (current instanceof List<?> l) {
                sb.append('[');
                stack.push(new Object[] {l.iterator(), "]", Boolean.TRUE});
            } else {
                sb.append(current);
            }
            if (sb.length() > MAX_KEY_CHARS) {
                return sb.substring(0, MAX_KEY_CHARS) + "...";
            }
            current = null;
            boolean descended = false;
            while (!stack.isEmpty() && !descended) {
                Object[] top = stack.peek();
                Iterator<?> it = (Iterator<?>) top[0];
                if (!it.hasNext()) {
                    sb.append(top[1]);
                    stack.pop();
                    continue;
                }
                if (!(Boolean) top[2]) {
                    sb.append(", ");
                }
                top[2] = Boolean.FALSE;
                Object next = it.next();
                if (next instanceof Map.Entry<?, ?> e) {
                    sb.append(e.getKey()).append('=');
                    next = e.getValue();
                }
                current = next;
                descended = true;
            }
            if (!descended) {
                return sb.toString();
            }
        }
    }
}
