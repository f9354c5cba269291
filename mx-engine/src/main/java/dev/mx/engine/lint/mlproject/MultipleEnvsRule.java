package dev.mx.engine.lint.mlproject;

import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** R1/R5: at most one of docker_env, python_env, conda_env (and none beside databricks_spark_job). */
final class MultipleEnvsRule implements LintRule {
    static final RuleMeta META = new RuleMeta("mlproject/multiple-envs", FileKind.MLPROJECT, Severity.ERROR,
            "An MLproject may declare only one of docker_env, python_env and conda_env.",
            "MLflow counts the environment keys by presence when it loads the project and refuses two or"
                    + " more, even when one of them is empty: \"Project cannot contain multiple environment"
                    + " fields: {...}\". A databricks_spark_job project may declare none (\"Databricks Spark job"
                    + " does not support setting docker environment.\").",
            "name: demo\ndocker_env:\n  image: demo:latest\nconda_env: conda.yaml\n",
            "name: demo\ndocker_env:\n  image: demo:latest\n");

    private static final Map<String, String> DATABRICKS_WORD = Map.of("docker_env", "docker",
            "python_env", "python", "conda_env", "conda");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        YamlMapping root = Mlp.root(ctx);
        if (root == null) {
            return;
        }
        List<YamlEntry> envs = new ArrayList<>();
        for (YamlEntry e : root.entries()) {
            // a complex key (? {a: b}) has no text, and List.of(...).contains(null) throws
            if (e.keyText() != null && Mlp.ENV_KEYS.contains(e.keyText()) && root.entry(e.keyText()) == e) {
                envs.add(e);
            }
        }
        if (root.entry("databricks_spark_job") != null) {
            for (YamlEntry e : envs) {
                ctx.reportKey(e, "Databricks Spark job does not support setting " + DATABRICKS_WORD.get(e.keyText())
                        + " environment: MLflow refuses to load a project with databricks_spark_job and "
                        + e.keyText(),
                        Mlp.fixes(Mlp.remove("Remove " + e.keyText(), ctx.yaml(), List.of(e.keyText()))));
            }
            return;
        }
        if (envs.size() < 2) {
            return;
        }
        String set = envs.stream().map(e -> "'" + e.keyText() + "'").collect(Collectors.joining(", ", "{", "}"));
        YamlEntry kept = envs.get(0);
        for (YamlEntry e : envs.subList(1, envs.size())) {
            String empty = Py.truthy(e.value()) ? "" : " (a key counts even when its value is empty)";
            ctx.reportKey(e, "Project cannot contain multiple environment fields: " + set + ": MLflow refuses to load"
                    + " this project; keep only " + kept.keyText() + " or only " + e.keyText() + empty,
                    Mlp.fixes(Mlp.remove("Remove " + e.keyText() + " (keep " + kept.keyText() + ")", ctx.yaml(),
                            List.of(e.keyText()))));
        }
    }
}
