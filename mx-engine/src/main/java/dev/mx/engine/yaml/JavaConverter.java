package dev.mx.engine.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts a tree to plain Java without recursion (deep trees cannot overflow the stack). Nodes
 * copied through aliases count against a budget so alias bombs fail fast.
 */
final class JavaConverter {
    static final int ALIAS_BUDGET = 100_000;
    private static final int MAX_KEY_DEPTH = 256;

    private int produced;
    private int keyDepth;
    private final Set<YamlNode> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    private JavaConverter() {
    }

    static Object convert(YamlNode node) {
        return new JavaConverter().run(node, false);
    }

    private static final class Frame {
        final YamlNode node;
        final Object out;
        final boolean underAlias;
        int next;

        Frame(YamlNode node, Object out, boolean underAlias) {
            this.node = node;
            this.out = out;
            this.underAlias = underAlias;
        }
    }

    private Object run(YamlNode root, boolean underAlias) {
        Deque<Frame> stack = new ArrayDeque<>();
        Object result = start(root, underAlias, stack);
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.node instanceof YamlMapping m) {
                if (f.next >= m.entries().size()) {
                    stack.pop();
                    inProgress.remove(f.node);
                    continue;
                }
                YamlEntry e = m.entries().get(f.next++);
                String key = keyString(e.key(), f.underAlias);
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) f.out;
                if (map.containsKey(key)) {
                    continue; // duplicate key: the first one wins, as in YamlMapping.get
                }
                map.put(key, start(e.value(), f.underAlias, stack));
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

    private String keyString(YamlNode key, boolean underAlias) {
        String text = YamlMapping.keyText(key);
        if (text != null) {
            return text;
        }
        if (key instanceof YamlAliasNode a && a.target() == null) {
            return "null";
        }
        if (++keyDepth > MAX_KEY_DEPTH) {
            throw new YamlLimitException("mapping keys are nested too deeply");
        }
        try {
            return String.valueOf(run(key, underAlias));
        } finally {
            keyDepth--;
        }
    }
}
