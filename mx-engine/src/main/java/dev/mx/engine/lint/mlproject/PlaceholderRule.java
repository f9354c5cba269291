package dev.mx.engine.lint.mlproject;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.Range;
import dev.mx.engine.text.TextEdit;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlScalar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Placeholders of a command must name declared parameters; declared ones should be used. */
final class PlaceholderRule implements LintRule {
    static final RuleMeta META = new RuleMeta("mlproject/undeclared-placeholder", FileKind.MLPROJECT,
            Severity.ERROR,
            "Every {placeholder} in an entry point's command must name one of its declared parameters.",
            "MLflow builds the command with Python's str.format(**parameters), so a placeholder that names no"
                    + " declared parameter fails the run with KeyError, {} and {0} with IndexError, a format spec"
                    + " such as {lr:.2f} with ValueError (the values are already quoted strings), and a lone { or }"
                    + " with ValueError; literal braces (shell ${VAR}, JSON) must be written {{ }}. A declared"
                    + " parameter that the command never uses is reported as info: MLflow validates and logs it,"
                    + " but the program never receives it.",
            "entry_points:\n  main:\n    parameters:\n      lr: {type: float, default: 0.01}\n"
                    + "    command: \"python train.py --lr {learning_rate} --out ${HOME}/out\"\n",
            "entry_points:\n  main:\n    parameters:\n      lr: {type: float, default: 0.01}\n"
                    + "    command: \"python train.py --lr {lr} --out ${{HOME}}/out\"\n");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        YamlMapping root = Mlp.root(ctx);
        List<Mlp.EntryPoint> eps = Mlp.entryPoints(root);
        for (Mlp.EntryPoint ep : eps) {
            String cmd = ep.commandText();
            if (cmd == null || !(ep.command() instanceof YamlScalar s)) {
                continue;
            }
            FormatString.Parsed parsed = FormatString.parse(cmd);
            Set<String> declared = ep.parameterNames();
            Set<String> used = new HashSet<>();
            for (FormatString.Field f : parsed.fields()) {
                used.add(f.argName());
                String meant = field(ctx, ep, eps, s, cmd, f, declared);
                if (meant != null) {
                    used.add(meant); // reported as misspelled, not as unused
                }
            }
            if (parsed.error() != null) {
                int at = parsed.errorAt();
                ctx.report(Spans.of(ctx.yaml(), s, at, Math.min(cmd.length(), at + 1)), "MLflow fills in the command"
                        + " with str.format, which fails: ValueError: " + parsed.error() + "; write {{ and }} for"
                        + " literal braces");
                continue;
            }
            YamlMapping params = ep.parameters();
            if (params == null) {
                continue;
            }
            for (YamlEntry p : params.entries()) {
                String name = p.keyText();
                if (name != null && !used.contains(name)) {
                    ctx.report(Severity.INFO, p.key().range(), "parameter '" + name + "' is declared but the command"
                            + " of entry point '" + ep.name() + "' never uses it: MLflow validates and logs it, but"
                            + " the program does not receive it (add --" + name + " {" + name + "} to the command, or"
                            + " remove it)");
                }
            }
        }
    }

    /** Reports a field's problems; returns the declared name a misspelled placeholder means, if any. */
    private static String field(LintContext ctx, Mlp.EntryPoint ep, List<Mlp.EntryPoint> eps, YamlScalar s, String cmd,
            FormatString.Field f, Set<String> declared) {
        Range exact = Spans.exact(ctx.yaml(), s, f.start(), f.end());
        Range range = exact != null ? exact : s.range();
        String text = cmd.substring(f.start(), f.end());
        Fix doubled = exact == null ? null : new Fix("Write {{...}} (literal braces)",
                List.of(new TextEdit(exact, "{" + text + "}")));
        if (f.positional()) {
            ctx.report(range, "'" + text + "' is a positional placeholder, but MLflow passes only named values:"
                    + " str.format fails with IndexError (Replacement index " + (f.argName().isEmpty() ? "0"
                            : f.argName()) + " out of range); name a declared parameter, or write {{ }} for literal"
                    + " braces", Mlp.fixes(doubled));
            return null;
        }
        String name = f.argName();
        if (!declared.contains(name)) {
            return undeclared(ctx, ep, eps, s, cmd, f, exact, range, text, doubled, declared);
        }
        if (f.accessor().startsWith(".")) {
            ctx.report(range, "'" + text + "' reads an attribute of the value, which MLflow passes as a quoted"
                    + " string: AttributeError ('str' object has no attribute '" + f.accessor().substring(1)
                    .split("[.\\[]")[0] + "')");
        }
        if (f.conversion() != null && f.conversion() != 's') {
            ctx.report(range, "'" + text + "' formats the repr of the value MLflow has already shell-quoted, so the"
                    + " program receives extra quote characters; write {" + name + "}");
        }
        String specError = FormatString.specError(f.spec());
        if (specError != null) {
            ctx.report(range, "'" + text + "' applies a format spec to the value, which MLflow passes as an already"
                    + " quoted string: ValueError: " + specError + "; write {" + name + "} and format the number"
                    + " in the program");
        }
        return null;
    }

    private static String undeclared(LintContext ctx, Mlp.EntryPoint ep, List<Mlp.EntryPoint> eps, YamlScalar s,
            String cmd, FormatString.Field f, Range exact, Range range, String text, Fix doubled,
            Set<String> declared) {
        String name = f.argName();
        String keyError = "KeyError: '" + name + "'";
        if (f.start() > 0 && cmd.charAt(f.start() - 1) == '$') {
            ctx.report(range, "'$" + text + "' is a shell variable, but MLflow's str.format reads {" + name + "} as a"
                    + " placeholder and fails with " + keyError + "; write ${{" + name + "}}", Mlp.fixes(doubled));
            return null;
        }
        if (!name.matches("[\\w.-]+")) {
            ctx.report(range, "'" + text + "' is not a placeholder MLflow can fill: str.format fails with "
                    + keyError + "; write literal braces (JSON, awk, shell) as {{ and }}", Mlp.fixes(doubled));
            return null;
        }
        StringBuilder why = new StringBuilder("'" + text + "' names no declared parameter of entry point '"
                + ep.name() + "': MLflow fails with " + keyError);
        Fix rename = null;
        String near = Mlp.closest(name, declared, Mlp.budget(name));
        if (near == null) {
            near = declared.stream().filter(d -> d.equalsIgnoreCase(name) || d.replace('-', '_')
                    .equals(name.replace('-', '_'))).findFirst().orElse(null);
        }
        if (near != null) {
            why.append(" (did you mean '").append(near).append("'?)");
            if (exact != null) {
                int line = exact.start().line();
                int col = exact.start().column() + 1;
                Range nameRange = Range.of(line, col, line, col + name.length());
                rename = new Fix("Use parameter '" + near + "'", List.of(new TextEdit(nameRange, near)));
            }
        }
        Fix renameKey = null;
        for (YamlEntry e : ep.body().entries()) {
            String k = e.keyText();
            YamlMapping m = Mlp.mapping(e.value());
            if (k != null && !k.equals("parameters") && m != null && m.entry(name) != null) {
                why.append("; it is declared under '").append(k).append("', which MLflow ignores (parameters go"
                        + " under 'parameters')");
                if (ep.body().entry("parameters") == null) {
                    renameKey = Mlp.renameKey(e, "parameters");
                }
            }
        }
        if (near == null && renameKey == null) {
            for (Mlp.EntryPoint other : eps) {
                if (other != ep && other.parameterNames().contains(name)) {
                    why.append("; entry point '").append(other.name()).append("' declares it, but parameters"
                            + " belong to one entry point");
                    break;
                }
            }
            if (declared.isEmpty() && ep.body().entry("parameters") == null && renameKey == null) {
                why.append("; declare it under parameters:");
            }
        }
        ctx.report(range, why.toString(), Mlp.fixes(renameKey, rename));
        return near;
    }
}
