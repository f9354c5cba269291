package dev.mx.engine.lint.mlproject;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/** R6-R8, R17 and R20: a docker_env MLflow can run, and the parts of it MLflow ignores. */
final class DockerEnvRule implements LintRule {
    static final RuleMeta META = new RuleMeta("mlproject/docker-env", FileKind.MLPROJECT, Severity.ERROR,
            "docker_env needs an image; volumes must be a list of strings and environment a list of names"
                    + " or [name, value] pairs.",
            "MLflow validates docker_env when it loads the project: \"Docker environment specified but no image"
                    + " attribute found.\", \"Docker volumes must be a list of strings\", \"environment must be a"
                    + " list containing either strings ... or lists of string pairs\"; and it needs the project"
                    + " `name` to tag images (\"Project name in MLProject must be specified when using docker\")."
                    + " Warnings: keys MLflow ignores (dockerfile, build_context), volumes and environment that the"
                    + " Kubernetes backend drops, host paths that exist on one machine only, values the unquoted"
                    + " `docker run -e` string breaks, and shell operators that run on the host, outside the"
                    + " container.",
            "name: demo\ndocker_env:\n  volumes: /data:/data\n  environment:\n    - DEBUG: 1\n",
            "name: demo\ndocker_env:\n  image: demo:latest\n  volumes: [\"/data:/data\"]\n  environment:\n"
                    + "    - [DEBUG, \"1\"]\n");

    private static final Set<String> KNOWN = Set.of("image", "volumes", "environment");
    private static final String R6 = "Project configuration (MLproject file) was invalid: Docker environment"
            + " specified but no image attribute found.";
    private static final String R7 = "Docker volumes must be a list of strings, e.g.: '[\"/path1/:/path1\","
            + " \"/path2/:/path2\"]'";
    private static final String R8 = "environment must be a list containing either strings (to copy environment"
            + " variables from host system) or lists of string pairs (to define new environment variables)";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        YamlMapping root = Mlp.root(ctx);
        YamlEntry entry = root == null ? null : root.entry("docker_env");
        if (entry == null) {
            return;
        }
        YamlNode value = Py.deref(entry.value());
        if (!Py.truthy(value)) {
            ctx.report(Severity.WARNING, entry.key().range(), "docker_env is empty, so MLflow ignores it and runs"
                    + " the project without Docker (it still counts as an environment key)");
            return;
        }
        if (!(value instanceof YamlMapping env)) {
            String image = Py.string(value);
            ctx.report(value, "docker_env must be a mapping with an 'image' key; MLflow fails with '"
                    + Py.typeName(value) + "' object has no attribute 'get'",
                    Mlp.fixes(image == null ? null
                            : Mlp.replace("Write docker_env: {image: " + image + "}", value,
                                    "{image: " + Mlp.flowScalar(image) + "}")));
            return;
        }
        checkImage(ctx, entry, env);
        checkUnknownKeys(ctx, env);
        checkVolumes(ctx, env);
        checkEnvironment(ctx, env);
        if (!Py.truthy(root.get("name"))) {
            YamlEntry name = root.entry("name");
            ctx.report(name == null ? entry.key().range() : name.key().range(), "Project name in MLProject must be"
                    + " specified when using docker for image tagging: add a `name`");
        }
        checkHostCommands(ctx, root);
        if (ctx.project().exists(Mlp.K8S_CONFIG)) {
            for (String k : List.of("volumes", "environment")) {
                YamlEntry e = env.entry(k);
                if (e != null && Py.truthy(e.value())) {
                    ctx.report(Severity.WARNING, e.key().range(), "the Kubernetes backend ignores docker_env." + k
                            + " (mlflow/mlflow#2321, #3448): with " + Mlp.K8S_CONFIG + " beside this file, put "
                            + (k.equals("volumes") ? "volumes and volumeMounts" : "env entries")
                            + " in the Job template instead");
                }
            }
        }
    }

    private static void checkImage(LintContext ctx, YamlEntry entry, YamlMapping env) {
        YamlEntry image = env.entry("image");
        if (image != null && Py.truthy(image.value())) {
            return;
        }
        YamlEntry near = null;
        for (YamlEntry e : env.entries()) {
            if (image == null && isImageTypo(e.keyText())) {
                near = e;
                break;
            }
        }
        ctx.report(image == null ? entry.key().range() : image.value().range(), R6
                + (near != null ? " Did you mean 'image' instead of '" + near.keyText() + "'?"
                        : " Add image: <the image to run>"),
                Mlp.fixes(near == null ? null : Mlp.renameKey(near, "image")));
    }

    /** A key that was meant to be {@code image} (img, Image, image_name, ...). */
    private static boolean isImageTypo(String k) {
        return k != null && !KNOWN.contains(k) && (Mlp.closest(k, List.of("image"), 2) != null
                || k.toLowerCase(java.util.Locale.ROOT).startsWith("image"));
    }

    private static void checkUnknownKeys(LintContext ctx, YamlMapping env) {
        boolean imageAbsent = env.entry("image") == null;
        for (YamlEntry e : env.entries()) {
            String k = e.keyText();
            if (k == null || KNOWN.contains(k)) {
                continue;
            }
            if (imageAbsent && isImageTypo(k)) {
                continue; // the missing-image error offers the rename
            }
            String near = Mlp.closest(k, KNOWN, 2);
            String message;
            if (k.equals("dockerfile") || k.equals("build_context") || k.equals("build") || k.equals("context")) {
                message = "MLflow ignores docker_env." + k + ": it never builds from a Dockerfile; build and tag"
                        + " the image yourself (docker build -t <image> .) and name it in 'image'";
            } else {
                message = "MLflow ignores docker_env." + k + " (it reads only image, volumes and environment)"
                        + (near != null ? "; did you mean '" + near + "'?" : "");
            }
            ctx.report(Severity.WARNING, e.key().range(), message,
                    Mlp.fixes(near != null && env.entry(near) == null ? Mlp.renameKey(e, near) : null));
        }
    }

    private static void checkVolumes(LintContext ctx, YamlMapping env) {
        YamlEntry entry = env.entry("volumes");
        if (entry == null || !Py.truthy(entry.value())) {
            return;
        }
        YamlNode v = Py.deref(entry.value());
        if (!(v instanceof YamlSequence seq)) {
            String one = Py.string(v);
            ctx.report(v, R7 + "; got a " + Py.typeName(v),
                    Mlp.fixes(one == null ? null : Mlp.replace("Make it a list", v, "[" + Mlp.flowScalar(one) + "]")));
            if (one != null) {
                hostPath(ctx, v, one);
            }
            return;
        }
        for (YamlNode item : seq.items()) {
            YamlNode it = Py.deref(item);
            String text = Py.string(it);
            if (text != null) {
                hostPath(ctx, it, text);
                continue;
            }
            Fix fix = null;
            if (it instanceof YamlMapping m && m.entries().size() == 1) {
                YamlEntry pair = m.entries().get(0);
                String host = pair.keyText();
                String container = Py.string(pair.value());
                if (host != null && container != null) {
                    fix = Mlp.replace("Write \"" + host + ":" + container + "\"", it,
                            Mlp.doubleQuoted(host + ":" + container));
                }
            }
            ctx.report(it == null ? item : it, R7 + "; this item is a " + Py.typeName(it)
                    + (it instanceof YamlMapping ? " (a space after ':' makes 'host: container' a mapping)" : ""),
                    Mlp.fixes(fix));
        }
    }

    /** Warns about a volume whose host side exists on one machine only. */
    private static void hostPath(LintContext ctx, YamlNode node, String volume) {
        String host = volume.matches("[A-Za-z]:[\\\\/].*") ? volume.substring(0, 2)
                + volume.substring(2).split(":", 2)[0] : volume.split(":", 2)[0];
        Matcher m = Mlp.MACHINE_PATH.matcher(host);
        if (m.lookingAt() && volume.contains(":")) {
            ctx.report(Severity.WARNING, node.range(), "the host path '" + host + "' exists only on the machine it"
                    + " was written on; on any other machine Docker mounts an empty directory there. Pass the"
                    + " mount with `mlflow run -A volume=<host>:<container>` or a path relative to the project");
        }
    }

    private static void checkEnvironment(LintContext ctx, YamlMapping env) {
        YamlEntry entry = env.entry("environment");
        if (entry == null || !Py.truthy(entry.value())) {
            return;
        }
        YamlNode v = Py.deref(entry.value());
        if (!(v instanceof YamlSequence seq)) {
            ctx.report(v, R8 + "; got a " + Py.typeName(v) + ". E.g.: '[[\"NEW_VAR\", \"new_value\"],"
                    + " \"VAR_TO_COPY_FROM_HOST\"]'");
            return;
        }
        for (YamlNode item : seq.items()) {
            YamlNode it = Py.deref(item);
            if (it instanceof YamlSequence pair) {
                checkPair(ctx, pair);
                continue;
            }
            String name = Py.string(it);
            if (name != null) {
                int eq = name.indexOf('=');
                if (eq > 0) {
                    String pairText = "[" + Mlp.flowScalar(name.substring(0, eq)) + ", "
                            + Mlp.flowScalar(name.substring(eq + 1)) + "]";
                    ctx.report(it, "a string item names a host variable to copy, so MLflow looks for a host variable"
                            + " called '" + name + "' and fails (\"... but " + name + " was not set\"); to set a"
                            + " value write the pair " + pairText,
                            Mlp.replace("Write " + pairText, it, pairText));
                }
                continue;
            }
            Fix fix = null;
            if (it instanceof YamlMapping m && m.entries().size() == 1 && m.entries().get(0).keyText() != null
                    && Py.deref(m.entries().get(0).value()) instanceof YamlScalar s) {
                String pairText = "[" + Mlp.flowScalar(m.entries().get(0).keyText()) + ", "
                        + Mlp.flowScalar(Py.str(Py.scalar(s))) + "]";
                fix = Mlp.replace("Write " + pairText, it, pairText);
            }
            ctx.report(it == null ? item : it, R8 + "; this item is a " + Py.typeName(it)
                    + (fix != null ? ": write NAME: value as the pair [NAME, value]" : ""), Mlp.fixes(fix));
        }
    }

    private static void checkPair(LintContext ctx, YamlSequence pair) {
        if (pair.items().size() < 2) {
            ctx.report(pair, "a [name, value] pair needs both: MLflow reads item [1] and fails with IndexError: list"
                    + " index out of range");
            return;
        }
        if (pair.items().size() > 2) {
            ctx.report(Severity.WARNING, pair.items().get(2).range(), "MLflow uses only the first two items of a"
                    + " [name, value] pair; the rest is ignored");
        }
        YamlNode valueNode = Py.deref(pair.items().get(1));
        if (!(valueNode instanceof YamlScalar s)) {
            return;
        }
        Object value = Py.scalar(s);
        String text = Py.str(value);
        if (value instanceof Boolean && !s.value().equalsIgnoreCase(text)) {
            ctx.report(Severity.WARNING, s.range(), "YAML reads " + s.value() + " as a boolean: the container gets "
                    + text + ", not " + s.value() + "; quote it", Mlp.replace("Quote it", s,
                            Mlp.doubleQuoted(s.value())));
        } else if (text.chars().anyMatch(c -> Character.isWhitespace(c) || ";&|<>()$`\"'\\*?".indexOf(c) >= 0)) {
            ctx.report(Severity.WARNING, s.range(), "MLflow passes -e NAME=VALUE unquoted inside a bash command"
                    + " (mlflow/mlflow#3381): spaces or shell characters in '" + text + "' break it; pass such"
                    + " values with `mlflow run -A env-file=.env`");
        }
    }

    /** With docker_env the local backend runs `docker run ... <image> <command>` in bash on the host. */
    private static void checkHostCommands(LintContext ctx, YamlMapping root) {
        for (Mlp.EntryPoint ep : Mlp.entryPoints(root)) {
            String cmd = ep.commandText();
            if (cmd == null || !(ep.command() instanceof YamlScalar s)) {
                continue;
            }
            for (Shell.Syntax syn : Shell.syntax(cmd)) {
                if (syn.what().equals("variable") || syn.what().equals("command substitution")) {
                    continue;
                }
                ctx.report(Severity.WARNING, Spans.of(ctx.yaml(), s, syn.start(), syn.end()), "with docker_env,"
                        + " MLflow runs `docker run ... <image> <command>` through bash on the host, so '"
                        + syn.text() + "' splits the command there: what follows runs on the host, outside the"
                        + " container. Put the steps in a script inside the image, or use `sh -c '...'`");
                break;
            }
        }
    }
}
