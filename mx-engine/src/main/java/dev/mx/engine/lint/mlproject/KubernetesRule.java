package dev.mx.engine.lint.mlproject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlDocument;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlParser;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * MLflow's Kubernetes backend, checked when a kubernetes_config.json sits beside the MLproject:
 * the project, the backend config and its Job template. Findings about the JSON and the
 * template are reported on this file (on docker_env, else the name), naming the other file.
 */
final class KubernetesRule implements LintRule {
    static final RuleMeta META = new RuleMeta("mlproject/kubernetes", FileKind.MLPROJECT, Severity.ERROR,
            "With a kubernetes_config.json beside it, the project must run on MLflow's Kubernetes backend: a"
                    + " docker_env, a DNS-1123 `name`, a complete backend config and a batch/v1 Job template.",
            "MLflow's Kubernetes backend needs docker_env (else 'NoneType' object has no attribute 'get'), names the"
                    + " Job '<name>-<27-character timestamp>' and its container '<name>' (Kubernetes rejects"
                    + " upper case, '_', spaces and names over 36 characters), requires 'repository-uri' and"
                    + " 'kube-job-template-path' in the config, tags built images '<repository-uri>:<git sha>' (so"
                    + " the repository must carry no tag and no https://), and reads metadata.namespace and"
                    + " spec.template.spec.containers[0] of the template. Warnings: the command runs without a"
                    + " shell (shlex-split, so &&, |, $VAR and quoting do not work as in bash), a template path"
                    + " that does not resolve from the project directory, and MLFLOW_* env the backend overrides.",
            "name: My_Project\ndocker_env:\n  image: my-image\n# kubernetes_config.json:\n"
                    + "# {\"repository-uri\": \"https://hub.docker.com\", \"kube-job-template-path\": \"job.yaml\"}\n",
            "name: my-project\ndocker_env:\n  image: my-image\n# kubernetes_config.json:\n"
                    + "# {\"repository-uri\": \"docker.io/me/my-project\","
                    + " \"kube-job-template-path\": \"job.yaml\"}\n");

    /** Job name = name + "-" + a 26-character timestamp; a pod label value holds 63 characters. */
    static final int MAX_NAME = 63 - 27;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MLFLOW_ENV = Set.of("MLFLOW_TRACKING_URI", "MLFLOW_RUN_ID",
            "MLFLOW_EXPERIMENT_ID");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        YamlMapping root = Mlp.root(ctx);
        if (root == null || !ctx.project().exists(Mlp.K8S_CONFIG)) {
            return;
        }
        YamlEntry docker = root.entry("docker_env");
        Range anchor = docker != null ? docker.key().range() : Mlp.anchor(root);
        if (!Mlp.hasDockerEnv(root)) {
            ctx.report(anchor, Mlp.K8S_CONFIG + " sits beside this file, but the Kubernetes backend runs only"
                    + " docker_env projects: without docker_env MLflow fails with 'NoneType' object has no attribute"
                    + " 'get'; add docker_env: {image: ...}");
        }
        checkName(ctx, root);
        Optional<String> configText = ctx.project().read(Mlp.K8S_CONFIG);
        if (configText.isPresent()) {
            checkConfig(ctx, anchor, configText.get());
        }
        checkCommands(ctx, root);
    }

    private static void checkName(LintContext ctx, YamlMapping root) {
        YamlEntry e = root.entry("name");
        if (e == null || !Py.truthy(e.value()) || !(Py.deref(e.value()) instanceof YamlScalar s)) {
            return; // mlproject/docker-env reports a missing name
        }
        String name = Py.str(Py.scalar(s));
        List<String> why = new ArrayList<>();
        if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
            why.add("upper case");
        }
        if (name.contains(" ")) {
            why.add("spaces");
        }
        if (name.contains("_")) {
            why.add("'_'");
        }
        if (name.matches(".*[^A-Za-z0-9 _-].*")) {
            why.add("characters other than letters, digits and '-'");
        }
        if (!name.isEmpty() && !name.matches("[A-Za-z0-9](.*[A-Za-z0-9])?")) {
            why.add("a start or end that is not a letter or digit");
        }
        if (name.length() > MAX_NAME) {
            why.add(name.length() + " characters (at most " + MAX_NAME + ")");
        }
        if (why.isEmpty()) {
            return;
        }
        String label = dnsLabel(name);
        ctx.report(s, "on Kubernetes MLflow names the Job '" + name + "-<timestamp>' and its container '" + name
                + "', and the API server rejects them: `name` must be a DNS-1123 label (lowercase letters, digits"
                + " and '-') of at most " + MAX_NAME + " characters, but has " + String.join(", ", why)
                + (label.isEmpty() ? "" : "; e.g. " + label),
                Mlp.fixes(label.isEmpty() ? null : Mlp.replace("Rename the project to " + label, s, label)));
    }

    /** A DNS-1123 label of at most {@link #MAX_NAME} characters made from a name. */
    static String dnsLabel(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX_NAME) {
            s = s.substring(0, MAX_NAME);
            int cut = s.lastIndexOf('-');
            s = (cut > MAX_NAME / 2 ? s.substring(0, cut) : s).replaceAll("-+$", ""); // cut at a word end
        }
        return s;
    }

    private static void checkConfig(LintContext ctx, Range anchor, String text) {
        String f = Mlp.K8S_CONFIG + ": ";
        JsonNode cfg;
        try {
            cfg = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            ctx.report(anchor, f + "not valid JSON (line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + "); MLflow fails to read the backend config");
            return;
        }
        if (cfg == null || !cfg.isObject()) {
            ctx.report(anchor, f + "the backend config must be a JSON object with repository-uri and"
                    + " kube-job-template-path");
            return;
        }
        if (cfg.isEmpty()) {
            ctx.report(anchor, f + "the config is empty, and MLflow fails with \"Backend_config file not found.\"");
            return;
        }
        List<String> keys = new ArrayList<>();
        cfg.fieldNames().forEachRemaining(keys::add);
        JsonNode repo = cfg.get("repository-uri");
        if (repo == null) {
            ctx.report(anchor, f + "Could not find 'repository-uri' in backend_config." + near(keys, "repository-uri"));
        } else if (!repo.isTextual()) {
            ctx.report(anchor, f + "'repository-uri' must be a string");
        } else {
            checkRepository(ctx, anchor, repo.asText());
        }
        JsonNode template = cfg.get("kube-job-template-path");
        if (template == null) {
            ctx.report(anchor, f + "'kube-job-template-path' attribute must be specified in backend_config."
                    + near(keys, "kube-job-template-path"));
        } else if (!template.isTextual()) {
            ctx.report(anchor, f + "'kube-job-template-path' must be a string");
        } else {
            checkTemplate(ctx, anchor, template.asText());
        }
        JsonNode context = cfg.get("kube-context");
        if (context == null && keys.stream().anyMatch(k -> Mlp.closest(k, List.of("kube-context"), 2) != null)) {
            ctx.report(Severity.WARNING, anchor, f + "MLflow reads 'kube-context'" + near(keys, "kube-context")
                    + "; without it the current kubeconfig context (or the in-cluster config) is used");
        }
    }

    private static String near(List<String> keys, String wanted) {
        String n = Mlp.closest(wanted, keys, 3);
        return n == null ? "" : " It has '" + n + "': did you mean '" + wanted + "'?";
    }

    private static void checkRepository(LintContext ctx, Range anchor, String uri) {
        String f = Mlp.K8S_CONFIG + ": 'repository-uri' ";
        String built = "with --build-image MLflow tags the image '<repository-uri>:<git sha>' and pushes it, which"
                + " Docker rejects (invalid reference format)";
        if (uri.contains("://")) {
            ctx.report(anchor, f + "is a URL ('" + uri + "'), not an image repository: " + built + "; write a"
                    + " repository such as <user>/<repo> (Docker Hub) or <registry host>/<path>");
            return;
        }
        String last = uri.substring(uri.lastIndexOf('/') + 1);
        if (last.contains(":") || uri.contains("@")) {
            String tag = uri.contains("@") ? uri.substring(uri.indexOf('@')) : last.substring(last.indexOf(':'));
            ctx.report(anchor, f + "'" + uri + "' carries the tag '" + tag + "', but MLflow adds the tag itself: "
                    + built.replace("'<repository-uri>:<git sha>'", "'" + uri + ":<git sha>'") + "; drop '" + tag
                    + "'");
            return;
        }
        if (!uri.equals(uri.toLowerCase(java.util.Locale.ROOT))) {
            ctx.report(anchor, f + "'" + uri + "' has upper-case letters, which Docker repository names may not have");
        }
    }

    private static void checkTemplate(LintContext ctx, Range anchor, String path) {
        String f = Mlp.K8S_CONFIG + ": the Job template " + path + " ";
        if (!ctx.project().exists(path) || ctx.project().isDirectory(path)) {
            ctx.report(Severity.WARNING, anchor, f + "does not exist relative to this project. MLflow resolves"
                    + " kube-job-template-path against the directory `mlflow run` starts in (\"Could not find"
                    + " 'kube-job-template-path': " + path + "\"), so it works only when started elsewhere; make it"
                    + " relative to the project and run from here");
            return;
        }
        Optional<String> text = ctx.project().read(path);
        if (text.isEmpty()) {
            return;
        }
        ParsedYaml yaml = YamlParser.parse(text.get());
        if (yaml.hasSyntaxErrors()) {
            ctx.report(anchor, f + "is not valid YAML (line " + (yaml.problems().get(0).range().start().line() + 1)
                    + ": " + yaml.problems().get(0).message() + ")");
            return;
        }
        long docs = yaml.documents().stream().map(YamlDocument::root).filter(r -> r != null).count();
        if (docs > 1) {
            ctx.report(anchor, f + "holds " + docs + " YAML documents; MLflow reads it with yaml.safe_load, which"
                    + " fails: expected a single document in the stream");
            return;
        }
        YamlMapping job = Mlp.mapping(yaml.root());
        if (job == null) {
            ctx.report(anchor, f + "must be a Kubernetes Job (a mapping with apiVersion: batch/v1, kind: Job)");
            return;
        }
        String api = Py.string(job.get("apiVersion"));
        String kind = Py.string(job.get("kind"));
        if (!"batch/v1".equals(api) || !"Job".equals(kind)) {
            ctx.report(anchor, f + "is " + (kind == null ? "no kind" : "a " + kind) + " (" + api + "): MLflow creates"
                    + " it with BatchV1Api.create_namespaced_job, which needs apiVersion: batch/v1 and kind: Job");
        }
        YamlMapping metadata = Mlp.mapping(job.get("metadata"));
        if (metadata == null) {
            ctx.report(anchor, f + "has no metadata: MLflow fails with KeyError: 'metadata' (mlflow/mlflow#5490);"
                    + " add metadata: {name: x, namespace: <namespace>}");
        } else if (Py.string(metadata.get("namespace")) == null) {
            ctx.report(anchor, f + "has no metadata.namespace: MLflow creates the Job in that namespace and fails"
                    + " with KeyError: 'namespace'");
        }
        YamlMapping podSpec = Mlp.mapping(path(job, "spec", "template", "spec"));
        YamlSequence containers = podSpec == null ? null : Mlp.sequence(podSpec.get("containers"));
        if (containers == null || containers.items().isEmpty()) {
            ctx.report(anchor, f + "has no spec.template.spec.containers[0]: MLflow sets the project's image and"
                    + " command there and fails with " + (containers == null ? "KeyError" : "IndexError"));
            return;
        }
        String restart = Py.string(podSpec.get("restartPolicy"));
        if (!"Never".equals(restart) && !"OnFailure".equals(restart)) {
            ctx.report(anchor, f + (restart == null ? "sets no" : "sets restartPolicy " + restart + ", not a valid")
                    + " restartPolicy for a Job: the API server rejects it (spec.template.spec.restartPolicy:"
                    + " valid values: \"OnFailure\", \"Never\")");
        }
        YamlMapping container = Mlp.mapping(containers.items().get(0));
        YamlSequence env = container == null ? null : Mlp.sequence(container.get("env"));
        if (env != null) {
            for (YamlNode item : env.items()) {
                YamlMapping var = Mlp.mapping(item);
                String name = var == null ? null : Py.string(var.get("name"));
                if (name != null && MLFLOW_ENV.contains(name)) {
                    ctx.report(Severity.WARNING, anchor, f + "sets " + name + ", but MLflow appends its own " + name
                            + " after the template's env, and the later one wins"
                            + (name.equals("MLFLOW_TRACKING_URI") ? "; set KUBE_MLFLOW_TRACKING_URI on the machine"
                                    + " that runs `mlflow run` to give pods another tracking URI" : ""));
                }
            }
        }
    }

    private static YamlNode path(YamlMapping m, String... keys) {
        YamlNode n = m;
        for (String k : keys) {
            YamlMapping cur = Mlp.mapping(n);
            if (cur == null) {
                return null;
            }
            n = cur.get(k);
        }
        return Py.deref(n);
    }

    /** On Kubernetes the command is shlex-split and each word shlex-quoted again: no shell. */
    private static void checkCommands(LintContext ctx, YamlMapping root) {
        for (Mlp.EntryPoint ep : Mlp.entryPoints(root)) {
            String cmd = ep.commandText();
            if (cmd == null || !(ep.command() instanceof YamlScalar s)) {
                continue;
            }
            FormatString.Parsed parsed = FormatString.parse(cmd);
            if (parsed.error() != null) {
                continue; // undeclared-placeholder reports it
            }
            String plain = Shell.withoutPlaceholders(cmd, parsed);
            String k8s = "on Kubernetes MLflow runs the command of '" + ep.name() + "' without a shell (it"
                    + " shlex-splits it)";
            List<Shell.Syntax> syntax = Shell.syntax(plain);
            if (!syntax.isEmpty()) {
                Shell.Syntax first = syntax.get(0);
                String what = switch (first.what()) {
                    case "variable" -> "'" + first.text() + "' is not expanded: the program receives it literally";
                    case "command substitution" -> "'" + first.text() + "' is not run: the program receives it"
                            + " literally";
                    case "redirect" -> "the redirect '" + first.text() + "' becomes an argument of the program";
                    default -> "'" + first.text() + "' becomes an argument of the program instead of joining commands";
                };
                ctx.report(Severity.WARNING, Spans.of(ctx.yaml(), s, first.start(), first.end()), k8s + ": " + what
                        + "; put the steps in a script in the image, or use sh -c '...'");
                continue;
            }
            List<Shell.Word> words = Shell.split(plain);
            if (words == null) {
                ctx.report(s, k8s + " and shlex fails on it: No closing quotation");
                continue;
            }
            for (Shell.Word w : words) {
                if (Mlp.SHELL_SAFE.matcher(w.text()).matches()) {
                    continue;
                }
                String message = w.text().indexOf('\n') >= 0
                        ? ": a backslash before a line break keeps the line break inside the next word, so the"
                                + " program receives it; join the lines"
                        : ": MLflow shell-quotes every word again, so the program receives '" + w.text() + "' with"
                                + " literal quote characters around it";
                ctx.report(Severity.WARNING, Spans.of(ctx.yaml(), s, w.start(), w.end()), k8s + message);
                break;
            }
        }
    }
}
