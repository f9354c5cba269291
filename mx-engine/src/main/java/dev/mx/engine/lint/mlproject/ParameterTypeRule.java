package dev.mx.engine.lint.mlproject;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.yaml.ScalarStyle;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Parameter specs: shape, type names, spec keys and defaults, as MLflow reads them. */
final class ParameterTypeRule implements LintRule {
    static final RuleMeta META = new RuleMeta("mlproject/parameter-type", FileKind.MLPROJECT, Severity.WARNING,
            "Parameters must be `name: type` or `name: {type: T, default: V}` with a type MLflow knows (string,"
                    + " float, path, uri) and a default that fits it.",
            "MLflow never checks type names: int, bool, str and typos silently behave like string, and a typo'd"
                    + " spec key ({int: int}) is ignored. A `uri` default without a scheme fails the run (\"Expected"
                    + " URI for parameter ...\"), a `path` default must exist, `parameters:` left empty crashes the"
                    + " loader ('NoneType' object has no attribute 'items', mlflow/mlflow#1541), a spec that is a"
                    + " bare value (alpha: 0.1) crashes it too, and `default: None` is the string \"None\", not"
                    + " \"no value\" (mlflow/mlflow#1022). PyYAML reads plain values by YAML 1.1: yes is True, 3.10"
                    + " is 3.1.",
            "parameters:\n  epochs: {int: int, default: 3}\n  alpha: 0.1\n  data: {type: uri, default: data/train}\n",
            "parameters:\n  epochs: {type: float, default: 3}\n  alpha: {type: float, default: 0.1}\n"
                    + "  data: {type: uri, default: \"s3://bucket/data/train\"}\n");

    static final List<String> TYPES = List.of("string", "float", "path", "uri");
    private static final Set<String> NUMERIC = Set.of("int", "integer", "long", "short", "number", "numeric",
            "double", "decimal", "real", "num", "int32", "int64", "float32", "float64");
    private static final Set<String> STRINGY = Set.of("str", "text", "bool", "boolean", "char", "choice", "enum",
            "list", "dict", "json", "none");
    private static final Set<String> PATHY = Set.of("file", "filepath", "file_path", "filename", "dir", "directory",
            "folder", "local_path", "localpath");
    private static final Set<String> URIY = Set.of("url", "link", "uri_path", "urlpath");
    private static final Set<String> DOC_KEYS = Set.of("description", "desc", "help", "doc", "docs", "comment",
            "title", "example");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        for (Mlp.EntryPoint ep : Mlp.entryPoints(Mlp.root(ctx))) {
            YamlEntry paramsEntry = ep.body().entry("parameters");
            if (paramsEntry == null) {
                continue;
            }
            YamlNode params = Py.deref(paramsEntry.value());
            if (params instanceof YamlScalar s && Py.scalar(s) == null) {
                ctx.report(Severity.ERROR, paramsEntry.key().range(), "parameters: is empty, and MLflow's loader"
                        + " crashes on it: 'NoneType' object has no attribute 'items' (mlflow/mlflow#1541); remove"
                        + " the key or write parameters: {}", Mlp.replace("Write parameters: {}", s, "{}"));
                continue;
            }
            if (!(params instanceof YamlMapping map)) {
                ctx.report(Severity.ERROR, params == null ? paramsEntry.value().range() : params.range(),
                        "parameters must be a mapping of name: spec; MLflow's loader crashes: '"
                                + Py.typeName(params) + "' object has no attribute 'items'");
                continue;
            }
            for (YamlEntry p : map.entries()) {
                if (p.keyText() != null) {
                    parameter(ctx, ep, p);
                }
            }
        }
    }

    private static void parameter(LintContext ctx, Mlp.EntryPoint ep, YamlEntry p) {
        String name = p.keyText();
        YamlNode spec = Py.deref(p.value());
        if (spec instanceof YamlScalar s && Py.scalar(s) instanceof String type) {
            checkType(ctx, s, type);
            return;
        }
        if (!(spec instanceof YamlMapping m)) {
            badShape(ctx, p, spec);
            return;
        }
        checkKeys(ctx, m);
        YamlEntry typeEntry = m.entry("type");
        String type = "string";
        if (typeEntry != null) {
            YamlNode t = Py.deref(typeEntry.value());
            if (t instanceof YamlScalar ts && Py.scalar(ts) instanceof String tstr) {
                type = tstr;
                checkType(ctx, ts, tstr);
            } else {
                ctx.report(typeEntry.value(), "type should be one of string, float, path, uri; MLflow treats "
                        + (t instanceof YamlScalar ts && ts.isEmpty() ? "an empty type" : "this " + Py.typeName(t))
                        + " as string");
                type = "?";
            }
        }
        YamlEntry def = m.entry("default");
        if (def != null && Py.deref(def.value()) instanceof YamlScalar ds && Py.scalar(ds) != null) {
            checkDefault(ctx, ep, name, type, ds);
        } else if (def != null && Py.deref(def.value()) != null && !(Py.deref(def.value()) instanceof YamlScalar)) {
            YamlNode d = Py.deref(def.value());
            ctx.report(d, "the default is a " + Py.typeName(d) + ": MLflow passes its Python text (e.g. "
                    + (d instanceof YamlMapping ? "{'a': 1}" : "['a', 'b']") + "), not YAML or JSON; write the value"
                    + " as a quoted string");
        }
    }

    /** A spec that is neither a type name nor a mapping: MLflow calls .get on it and crashes. */
    private static void badShape(LintContext ctx, YamlEntry p, YamlNode spec) {
        String name = p.keyText();
        String crash = "MLflow's loader crashes: '" + Py.typeName(spec) + "' object has no attribute 'get'";
        if (spec instanceof YamlScalar s && Py.scalar(s) == null) {
            ctx.report(Severity.ERROR, p.key().range(), "parameter '" + name + "' has no spec; " + crash + ". Write"
                    + " a type (" + name + ": string, which makes it required) or {type: ..., default: ...}",
                    Mlp.replace("Write " + name + ": string", s, "string"));
            return;
        }
        if (spec instanceof YamlScalar s) {
            Object v = Py.scalar(s);
            String type = v instanceof Long || v instanceof BigInteger || v instanceof Double ? "float" : "string";
            String value = v instanceof String ? Mlp.flowScalar(s.value()) : s.value(); // keep 0.1 a number
            String fragment = "{type: " + type + ", default: " + value + "}";
            ctx.report(Severity.ERROR, s.range(), "a parameter spec is a type name or {type: ..., default: ...}, not"
                    + " a value: " + crash + ". Write " + name + ": " + fragment,
                    Mlp.replace("Write " + fragment, s, fragment));
            return;
        }
        ctx.report(Severity.ERROR, spec == null ? p.value().range() : spec.range(), "a parameter spec is a type name"
                + " or {type: ..., default: ...}; " + crash);
    }

    private static void checkKeys(LintContext ctx, YamlMapping m) {
        boolean hasType = m.entry("type") != null;
        boolean hasDefault = m.entry("default") != null;
        for (YamlEntry e : m.entries()) {
            String k = e.keyText();
            if (k == null || k.equals("type") || k.equals("default") || DOC_KEYS.contains(k.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String lower = k.toLowerCase(Locale.ROOT);
            boolean typeName = TYPES.contains(lower) || NUMERIC.contains(lower) || STRINGY.contains(lower)
                    || PATHY.contains(lower) || URIY.contains(lower);
            if (!hasType && (typeName || Mlp.closest(k, List.of("type"), 1) != null)) {
                String value = Py.string(e.value());
                ctx.reportKey(e, "'" + k + "' is not a spec key: MLflow ignores it, so this parameter has no type and"
                        + " is a string (did you mean 'type: " + (value != null ? value : k) + "'?)",
                        Mlp.renameKey(e, "type"));
            } else if (!hasDefault && Mlp.closest(k, List.of("default"), 2) != null) {
                ctx.reportKey(e, "'" + k + "' is not a spec key: MLflow ignores it, so this parameter has no default"
                        + " and is required (did you mean 'default'?)", Mlp.renameKey(e, "default"));
            } else {
                ctx.reportKey(e, "MLflow ignores '" + k + "' in a parameter spec (it reads only type and default)");
            }
        }
    }

    private static void checkType(LintContext ctx, YamlScalar s, String type) {
        if (TYPES.contains(type)) {
            return;
        }
        String lower = type.toLowerCase(Locale.ROOT).strip();
        String base = "MLflow has no parameter type '" + type + "': it treats the parameter as a string"
                + " (types: string, float, path, uri)";
        List<Fix> fixes = new ArrayList<>();
        String message;
        if (TYPES.contains(lower)) {
            message = "MLflow compares types case-sensitively: '" + type + "' is not '" + lower + "' and acts as a"
                    + " string";
            fixes.add(Mlp.replace("Use type '" + lower + "'", s, lower));
        } else if (NUMERIC.contains(lower)) {
            message = base + "; for numbers use float, MLflow's documented numeric type";
            fixes.add(Mlp.replace("Use type 'float'", s, "float"));
            fixes.add(Mlp.replace("Use type 'string'", s, "string"));
        } else if (STRINGY.contains(lower)) {
            message = base + "; write string and parse the value in the program";
            fixes.add(Mlp.replace("Use type 'string'", s, "string"));
        } else if (PATHY.contains(lower)) {
            message = base + "; use path for local files (MLflow checks they exist and makes them absolute)";
            fixes.add(Mlp.replace("Use type 'path'", s, "path"));
        } else if (URIY.contains(lower)) {
            message = base + "; use uri";
            fixes.add(Mlp.replace("Use type 'uri'", s, "uri"));
        } else {
            String near = Mlp.closest(lower, TYPES, 2);
            message = base + (near != null ? "; did you mean '" + near + "'?" : "");
            if (near != null) {
                fixes.add(Mlp.replace("Use type '" + near + "'", s, near));
            }
        }
        ctx.report(s, message, fixes.toArray(Fix[]::new));
    }

    private static void checkDefault(LintContext ctx, Mlp.EntryPoint ep, String name, String type, YamlScalar d) {
        Object v = Py.scalar(d);
        String text = Py.str(v);
        if (d.style() == ScalarStyle.PLAIN && v instanceof String && d.value().equals("None")) {
            ctx.report(Severity.INFO, d.range(), "default: None is the string \"None\", and MLflow passes the text"
                    + " None to the program (mlflow/mlflow#1022); a null default (null, ~ or empty) instead makes"
                    + " the parameter required, and MLflow has no \"optional without a value\"");
            return;
        }
        switch (type) {
            case "float" -> {
                if (v instanceof Boolean || v instanceof Py.Timestamp || v instanceof String s && !Py.isFloatText(s)) {
                    ctx.report(d, "the default '" + text + "' of float parameter '" + name + "' is not a number:"
                            + " MLflow does not check it and the program gets '" + text + "'");
                }
                return;
            }
            case "uri" -> {
                if (v instanceof String s && !SCHEME.matcher(s).matches()) {
                    ctx.report(Severity.ERROR, d.range(), "Expected URI for parameter " + name + " but got " + s
                            + ": a uri value needs a scheme (s3://, gs://, file:///, https://, runs:/ ...), so running"
                            + " entry point '" + ep.name() + "' without -P " + name + "=... fails; use type path"
                            + " for local files");
                }
                return;
            }
            case "path" -> {
                if (v instanceof String s && !SCHEME.matcher(s).matches() && !ctx.project().exists(s)) {
                    ctx.report(d, "Got value " + s + " for parameter " + name + ", but no such file or directory"
                            + " was found: running entry point '" + ep.name() + "' with this default fails unless it"
                            + " exists relative to where mlflow run starts (MLflow resolves path values against the"
                            + " current directory, not the project)");
                }
            }
            default -> {
            }
        }
        yaml11(ctx, d, v, type);
    }

    /** A plain default that YAML 1.1 reads as something whose str() differs from what was written. */
    private static void yaml11(LintContext ctx, YamlScalar d, Object v, String type) {
        if (d.style() != ScalarStyle.PLAIN || d.tag() != null || v instanceof String || v instanceof Py.Timestamp) {
            return;
        }
        String written = d.value();
        String passed = Py.str(v);
        if (passed.equals(written)) {
            return;
        }
        boolean surprising;
        if (v instanceof Boolean) {
            surprising = !written.equalsIgnoreCase(passed);
        } else if (v instanceof Double) {
            surprising = !type.equals("float");
        } else {
            surprising = true; // octal, hex, binary, underscores, sexagesimal, a leading +
        }
        if (surprising) {
            ctx.report(d, "YAML (1.1, as MLflow reads it) turns the default " + written + " into " + passed
                    + ", and the program receives '" + passed + "'; quote it to pass " + written,
                    Mlp.replace("Quote the default", d, Mlp.doubleQuoted(written)));
        }
    }
}
