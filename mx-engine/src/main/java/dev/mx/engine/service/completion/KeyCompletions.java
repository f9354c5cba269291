package dev.mx.engine.service.completion;

import dev.mx.engine.service.CompletionItem;
import dev.mx.engine.text.Range;
import java.util.HashSet;
import java.util.Set;

/**
 * Keys of the mapping at the cursor from a model: those not written yet, and none that an
 * exclusive group rules out (after {@code helm:}, no {@code kubectl}). Under a list of objects
 * written without {@code - } yet, items start a new list entry.
 */
public final class KeyCompletions {
    private KeyCompletions() {
    }

    public static void complete(CursorContext ctx, Spec at, Items items) {
        if (at == null || ctx.kind() != CursorContext.Kind.KEY) {
            return;
        }
        Range range = ctx.keyWordRange();
        String after = ctx.after(range);
        if (at.shape() == Spec.Shape.OBJECT) {
            Set<String> present = ctx.presentKeys().keySet();
            Set<String> excluded = new HashSet<>(present);
            for (Spec.Exclusive g : at.exclusive()) {
                long set = g.keys().stream().filter(present::contains).count();
                if (set >= g.max()) {
                    excluded.addAll(g.keys());
                }
            }
            for (String k : at.keyNames()) {
                if (!excluded.contains(k)) {
                    Spec s = at.key(k);
                    items.key(k, s, s == null ? null : s.type(), Docs.key(k, s, at), range, after, ctx.keyColumn(),
                            false, CompletionItem.Kind.PROPERTY);
                }
            }
        } else if (at.shape() == Spec.Shape.LIST && !ctx.newItem() && at.element() != null
                && at.element().shape() == Spec.Shape.OBJECT) {
            Spec item = at.element();
            for (String k : item.keyNames()) {
                Spec s = item.key(k);
                items.key(k, s, s == null ? null : s.type(), Docs.key(k, s, item), range, after, ctx.keyColumn(),
                        true, CompletionItem.Kind.PROPERTY);
            }
        }
    }
}
