package dev.mx.engine.lint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** All rules known to this mx: built-ins and plugins on the class path, in a stable order. */
public final class RuleRegistry {
    private static volatile RuleRegistry defaultRegistry;

    private final Map<String, LintRule> byId;

    public RuleRegistry(List<LintRule> rules) {
        Map<String, LintRule> m = new LinkedHashMap<>();
        for (LintRule r : rules) {
            if (m.put(r.meta().id(), r) != null) {
                throw new IllegalStateException("two rules with id " + r.meta().id());
            }
        }
        this.byId = Collections.unmodifiableMap(m);
    }

    /** Built-in rules plus every {@link RuleProvider} on the class path; loaded once. */
    public static RuleRegistry standard() {
        RuleRegistry r = defaultRegistry;
        if (r == null) {
            synchronized (RuleRegistry.class) {
                if (defaultRegistry == null) {
                    List<LintRule> rules = new ArrayList<>(BuiltInRules.all());
                    for (RuleProvider p : ServiceLoader.load(RuleProvider.class, RuleRegistry.class.getClassLoader())) {
                        rules.addAll(p.rules());
                    }
                    defaultRegistry = new RuleRegistry(rules);
                }
                r = defaultRegistry;
            }
        }
        return r;
    }

    public List<LintRule> all() {
        return List.copyOf(byId.values());
    }

    public List<LintRule> forKind(FileKind kind) {
        return byId.values().stream()
                .filter(r -> r.meta().kind() == kind || r.meta().kind() == FileKind.ANY)
                .toList();
    }

    public Optional<LintRule> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean isKnown(String id) {
        return byId.containsKey(id);
    }
}
