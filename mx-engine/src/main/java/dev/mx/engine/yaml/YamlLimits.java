package dev.mx.engine.yaml;

/**
 * Safety limits for {@link YamlParser}. Reaching one yields a {@link YamlProblem.Kind#LIMIT} problem
 * and a partial tree, never an exception.
 *
 * @param maxNestingDepth deepest allowed nesting of collections
 * @param maxAliases      most aliases resolved per text; further aliases get no target
 * @param maxDocuments    most documents read from one text
 * @param maxCodePoints   longest text read, in code points; the rest is ignored
 */
public record YamlLimits(int maxNestingDepth, int maxAliases, int maxDocuments, int maxCodePoints) {
    public static final YamlLimits DEFAULT = new YamlLimits(1000, 50, 1000, 50_000_000);

    public YamlLimits {
        if (maxNestingDepth < 1 || maxAliases < 0 || maxDocuments < 1 || maxCodePoints < 0) {
            throw new IllegalArgumentException("invalid YAML limits");
        }
    }

    public static YamlLimits defaults() {
        return DEFAULT;
    }

    public YamlLimits withMaxNestingDepth(int v) {
        return new YamlLimits(v, maxAliases, maxDocuments, maxCodePoints);
    }

    public YamlLimits withMaxAliases(int v) {
        return new YamlLimits(maxNestingDepth, v, maxDocuments, maxCodePoints);
    }

    public YamlLimits withMaxDocuments(int v) {
        return new YamlLimits(maxNestingDepth, maxAliases, v, maxCodePoints);
    }

    public YamlLimits withMaxCodePoints(int v) {
        return new YamlLimits(maxNestingDepth, maxAliases, maxDocuments, v);
    }
}
