package dev.mx.engine.lint.mlproject;

import dev.mx.engine.lint.LintRule;
import java.util.List;

/** The built-in rules for MLproject, in the order they are documented. */
public final class MlprojectRules {
    private MlprojectRules() {
    }

    public static List<LintRule> all() {
        return List.of(
                new MultipleEnvsRule(),
                new DockerEnvRule(),
                new EnvFileRule(),
                new PlaceholderRule(),
                new ParameterTypeRule(),
                new EntryPointRule(),
                new KubernetesRule());
    }
}
