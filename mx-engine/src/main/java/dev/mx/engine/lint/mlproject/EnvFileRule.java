package dev.mx.engine.lint.mlproject;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.ParsedYaml;
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
import java.util.regex.Pattern;

/** R9/R10 and the python_env file format: the environment file exists and is the right kind. */
final class EnvFileRule implements LintRule {
    static final RuleMeta META = new RuleMeta("mlproject/env-file", FileKind.MLPROJECT, Severity.ERROR,
            "python_env and conda_env must name an existing file of the right kind; a python_env file has only"
                    + " python (a string), build_dependencies and dependencies (lists).",
            "MLflow fails before running anything: \"Project specified python_env file ..., but no such file was"
                    + " found.\" (conda_env likewise). A python_env file is read as exactly three optional keys, so"
                    + " a conda file given as python_env, or any other key, fails with TypeError (unexpected keyword"
                    + " argument); an unquoted `python: 3.10` is the float 3.1 and fails with \"`python` must be a"
                    + " string but got <class 'float'>\".",
            "python_env: conda.yaml   # a conda file (name/channels/dependencies)\n",
            "conda_env: conda.yaml\n");

    private static final Set<String> PYTHON_ENV_KEYS = Set.of("python", "build_dependencies", "dependencies");
    private static final Pattern CONDA_NAME = Pattern.compile("(?i)(?:.*/)?(?:conda[^/]*|environment)\\.ya?ml");
    /** A conda match spec pinned with a single '=' (pip uses '=='). */
    private static final Pattern CONDA_PIN = Pattern.compile("[A-Za-z0-9_.-]+=[^=<>!].*");

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
        for (String key : List.of("python_env", "conda_env")) {
            YamlEntry e = root.entry(key);
            if (e == null || !Py.truthy(e.value())) {
                continue;
            }
            YamlNode v = Py.deref(e.value());
            String path = Py.string(v);
            if (path == null) {
                ctx.report(v, key + " must be the path of a file, not a " + Py.typeName(v) + ": MLflow fails with"
                        + " TypeError when it joins it to the project directory"
                        + (v instanceof YamlMapping ? "; write the environment to a file (e.g. "
                                + (key.equals("conda_env") ? "conda.yaml" : "python_env.yaml") + ") and name it here"
                                : ""));
                continue;
            }
            if (ctx.project().isDirectory(path)) {
                ctx.report(v, key + " names the directory '" + path + "', not a file");
                continue;
            }
            if (key.equals("python_env")) {
                checkPythonEnv(ctx, e, (YamlScalar) v, path);
            } else if (!ctx.project().exists(path)) {
                ctx.report(v, "Project specified conda environment file " + path + ", but no such file was found.",
                        Mlp.fixes(candidate(ctx, v, path, List.of("conda.yaml", "conda.yml", "environment.yml",
                                "environment.yaml"))));
            }
        }
        boolean anyEnv = Mlp.ENV_KEYS.stream().anyMatch(k -> root.entry(k) != null);
        if (!anyEnv && ctx.project().exists("python_env.yaml")) {
            Optional<String> text = ctx.project().read("python_env.yaml");
            if (text.isPresent()) {
                Analysis a = analyze(text.get());
                Range at = Mlp.anchor(root);
                if (a.condaLike()) {
                    ctx.report(at, "MLflow uses python_env.yaml beside this file as a python_env file, but it is a"
                            + " conda environment file: rename it to conda.yaml");
                }
                for (Problem p : a.problems()) {
                    ctx.report(at, "MLflow uses python_env.yaml beside this file, and it fails: line " + p.line()
                            + ": " + p.message());
                }
            }
        }
    }

    private static void checkPythonEnv(LintContext ctx, YamlEntry e, YamlScalar v, String path) {
        boolean condaName = CONDA_NAME.matcher(path).matches();
        Fix toConda = Mlp.renameKey(e, "conda_env");
        if (!ctx.project().exists(path)) {
            String message = "Project specified python_env file " + path + ", but no such file was found.";
            if (condaName) {
                ctx.report(v, message + " Also, '" + path + "' is by its name a conda environment file, which MLflow"
                        + " cannot read as python_env (TypeError: unexpected keyword argument 'name'); for a conda"
                        + " file write conda_env: " + path, toConda);
            } else {
                ctx.report(v, message, Mlp.fixes(candidate(ctx, v, path, List.of("python_env.yaml",
                        "python_env.yml"))));
            }
            return;
        }
        Optional<String> text = ctx.project().read(path);
        if (text.isEmpty()) {
            return;
        }
        Analysis a = analyze(text.get());
        if (a.condaLike()) {
            ctx.report(v, "'" + path + "' is a conda environment file (name, channels or conda dependencies), but"
                    + " python_env files hold only python, build_dependencies and dependencies: MLflow fails with"
                    + " TypeError (unexpected keyword argument). Write conda_env: " + path, toConda);
            return;
        }
        for (Problem p : a.problems()) {
            ctx.report(v, path + " line " + p.line() + ": " + p.message());
        }
    }

    /** A fix pointing to an existing file with a usual name, when the named one is missing. */
    private static Fix candidate(LintContext ctx, YamlNode v, String path, List<String> names) {
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        for (String n : names) {
            String c = dir + n;
            if (!c.equals(path) && ctx.project().exists(c) && !ctx.project().isDirectory(c)) {
                return Mlp.replace("Use " + c, v, Mlp.flowScalar(c));
            }
        }
        return null;
    }

    record Problem(int line, String message) {
    }

    record Analysis(boolean condaLike, List<Problem> problems) {
    }

    /** What MLflow's _PythonEnv.from_yaml makes of a file's text. */
    static Analysis analyze(String text) {
        ParsedYaml yaml = YamlParser.parse(text);
        List<Problem> out = new ArrayList<>();
        if (yaml.hasSyntaxErrors()) {
            int line = yaml.problems().get(0).range().start().line() + 1;
            out.add(new Problem(line, "not valid YAML (" + yaml.problems().get(0).message() + ")"));
            return new Analysis(false, out);
        }
        YamlNode root = Py.deref(yaml.root());
        if (!(root instanceof YamlMapping m)) {
            out.add(new Problem(1, "a python_env file must be a mapping; MLflow fails with TypeError (argument"
                    + " after ** must be a mapping, not " + Py.typeName(root) + ")"));
            return new Analysis(false, out);
        }
        boolean conda = m.entry("channels") != null || m.entry("name") != null;
        YamlSequence deps = Mlp.sequence(m.get("dependencies"));
        if (deps != null) {
            for (YamlNode item : deps.items()) {
                YamlNode it = Py.deref(item);
                String s = Py.string(it);
                if (it instanceof YamlMapping dm && dm.entry("pip") != null || s != null && CONDA_PIN.matcher(s)
                        .matches()) {
                    conda = true;
                }
            }
        }
        for (YamlEntry e : m.entries()) {
            String k = e.keyText();
            int line = e.key().range().start().line() + 1;
            if (k == null || !PYTHON_ENV_KEYS.contains(k)) {
                String near = k == null ? null : Mlp.closest(k, PYTHON_ENV_KEYS, Mlp.budget(k));
                out.add(new Problem(line, "unknown key '" + k + "': MLflow fails with TypeError (unexpected keyword"
                        + " argument '" + k + "'); a python_env file has only python, build_dependencies and"
                        + " dependencies" + (near != null ? " (did you mean '" + near + "'?)" : "")));
                continue;
            }
            YamlNode value = Py.deref(e.value());
            if (value instanceof YamlScalar s && Py.scalar(s) == null) {
                continue;
            }
            String type = Py.typeName(value);
            if (k.equals("python") && !type.equals("str")) {
                String written = value instanceof YamlScalar s ? s.value() : null;
                out.add(new Problem(line, "`python` must be a string but got <class '" + type + "'>"
                        + (written != null && !type.equals("NoneType") ? " (YAML reads " + written + " as "
                                + Py.str(Py.scalar((YamlScalar) value)) + "); write python: \"" + written + "\""
                                : "")));
            } else if (!k.equals("python") && !type.equals("list")) {
                out.add(new Problem(line, "`" + k + "` must be a list but got <class '" + type + "'>"));
            }
        }
        return new Analysis(conda, out);
    }
}
