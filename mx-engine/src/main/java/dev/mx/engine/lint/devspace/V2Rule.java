package dev.mx.engine.lint.devspace;

import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.Similarity;
import java.util.Collection;

/** A semantic devspace rule: runs only on files checked as v2beta1 and with a mapping at the top. */
abstract class V2Rule implements LintRule {
    private final RuleMeta meta;

    V2Rule(RuleMeta meta) {
        this.meta = meta;
    }

    @Override
    public final RuleMeta meta() {
        return meta;
    }

    @Override
    public final void check(LintContext ctx) {
        if (!DevspaceFiles.isV2(ctx)) {
            return;
        }
        DevspaceModel model = DevspaceModel.of(ctx);
        if (model.root == null) {
            return;
        }
        run(ctx, model);
    }

    abstract void run(LintContext ctx, DevspaceModel model);

    /** The single closest candidate within edit distance 2 (and less than the name's length), or null. */
    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        boolean tie = false;
        for (String c : candidates) {
            if (c.equals(name)) {
                continue;
            }
            int d = Similarity.editDistance(name, c);
            if (d == 2 && isTransposition(name, c)) {
                d = 1; // two swapped neighbours are one typo
            }
            if (d < bestD) {
                bestD = d;
                best = c;
                tie = false;
            } else if (d == bestD) {
                tie = true;
            }
        }
        int limit = Math.min(2, Math.max(1, name.length() / 3));
        return best != null && !tie && bestD <= limit ? best : null;
    }

    private static boolean isTransposition(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first >= 0) {
                    return i == first + 1 && a.charAt(first) == b.charAt(i) && a.charAt(i) == b.charAt(first)
                            && a.substring(i + 1).equals(b.substring(i + 1));
                }
                first = i;
            }
        }
        return false;
    }
}
