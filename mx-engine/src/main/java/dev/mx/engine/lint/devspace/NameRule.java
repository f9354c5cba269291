package dev.mx.engine.lint.devspace;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.TextEdit;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlScalar;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code devspace/name}: the project name and the keys of named sections use DevSpace's alphabets. */
final class NameRule extends V2Rule {
    static final RuleMeta META = new RuleMeta("devspace/name", FileKind.DEVSPACE, Severity.ERROR,
            "Names must use DevSpace's name alphabets: the project name and the keys of deployments, dev,"
                    + " images, pipelines, dependencies, pullSecrets, commands and vars; functions must not shadow"
                    + " shell builtins.",
            "DevSpace checks names when it loads the config and refuses the whole file: `DevSpace config has an"
                    + " invalid name 'My_App', must match regex ^(([a-z0-9][a-z0-9\\-]*[a-z0-9])|([a-z0-9]))$` for"
                    + " `name` (checked before variables are resolved, so `name: ${NAME}` fails too),"
                    + " `deployments.My_App has to match the following regex` for section keys (lowercase letters,"
                    + " digits and '-'; commands may also use '_'; vars may use upper case and '_'), and `you cannot"
                    + " use 'echo' as a function name` for functions named like a shell builtin.",
            "name: My_App\ndeployments:\n  Backend_API:\n    helm: {}\n",
            "name: my-app\ndeployments:\n  backend-api:\n    helm: {}\n");

    /** Builtins DevSpace reserves (versions.isReservedFunctionName). */
    static final Set<String> RESERVED_FUNCTIONS = Set.of("true", ":", "false", "exit", "set", "shift", "unset",
            "echo", "printf", "break", "continue", "pwd", "cd", "wait", "builtin", "trap", "type", "source", ".",
            "command", "dirs", "pushd", "popd", "umask", "alias", "unalias", "fg", "bg", "getopts", "eval", "test",
            "devspace", "[", "exec", "return", "read", "shopt");

    private static final String SAFE_TEXT = "^(([a-z0-9][a-z0-9\\-]*[a-z0-9])|([a-z0-9]))$";

    NameRule() {
        super(META);
    }

    @Override
    void run(LintContext ctx, DevspaceModel model) {
        YamlEntry nameEntry = model.root.entry("name");
        if (nameEntry != null) {
            YamlScalar s = DevspaceFiles.scalar(nameEntry.value());
            if (s != null && !DevspaceFiles.SAFE.matcher(s.value()).matches()) {
                String raw = s.value();
                String msg = "DevSpace config has an invalid name '" + raw + "', must match regex " + SAFE_TEXT;
                if (DevspaceFiles.isDynamic(raw)) {
                    ctx.report(s, msg + " (DevSpace checks the name before it resolves variables and expressions;"
                            + " write the name literally)");
                } else {
                    String fixed = sanitize(raw, false);
                    ctx.report(s, msg, fixes(fixed, s));
                }
            }
        }
        check(ctx, model, "deployments", DevspaceFiles.SAFE, false);
        check(ctx, model, "dev", DevspaceFiles.SAFE, false);
        check(ctx, model, "images", DevspaceFiles.SAFE, false);
        check(ctx, model, "pipelines", DevspaceFiles.SAFE, false);
        check(ctx, model, "dependencies", DevspaceFiles.SAFE, false);
        check(ctx, model, "pullSecrets", DevspaceFiles.SAFE, false);
        check(ctx, model, "commands", DevspaceFiles.COMMAND, true);
        for (DevspaceModel.SectionRef ref : model.sections("vars")) {
            if (ref.node() instanceof YamlMapping m) {
                for (YamlEntry e : m.entries()) {
                    String k = e.keyText();
                    if (k != null && !k.contains("$") && !DevspaceFiles.UPPER.matcher(k).matches()) {
                        ctx.reportKey(e, "vars." + k + " has to match the following regex:"
                                + " ^(([A-Za-z0-9][A-Za-z0-9\\-_]*[A-Za-z0-9])|([A-Za-z0-9]))$ (letters, digits, '-'"
                                + " and '_', starting and ending with a letter or digit)");
                    }
                }
            }
        }
        for (DevspaceModel.SectionRef ref : model.sections("functions")) {
            if (ref.node() instanceof YamlMapping m) {
                for (YamlEntry e : m.entries()) {
                    String k = e.keyText();
                    if (k != null && RESERVED_FUNCTIONS.contains(k)) {
                        ctx.reportKey(e, "you cannot use '" + k + "' as a function name: it is a shell or DevSpace"
                                + " builtin that pipelines rely on; choose another name");
                    }
                }
            }
        }
    }

    private static void check(LintContext ctx, DevspaceModel model, String section, Pattern p, boolean underscore) {
        for (DevspaceModel.SectionRef ref : model.sections(section)) {
            if (!(ref.node() instanceof YamlMapping m)) {
                continue;
            }
            for (YamlEntry e : m.entries()) {
                String k = e.keyText();
                if (k == null || k.contains("$") || p.matcher(k.trim()).matches()) {
                    continue;
                }
                String fixed = sanitize(k, underscore);
                if (fixed != null && m.entry(fixed) != null) {
                    fixed = null; // renaming would collide with an existing entry
                }
                String what = underscore ? "lowercase letters, digits, '-' and '_'" : "lowercase letters, digits"
                        + " and '-'";
                ctx.reportKey(e, section + "." + k + " has to match the following regex: " + SAFE_TEXT
                        .replace("\\-]", underscore ? "\\-_]" : "\\-]") + " (" + what
                        + ", starting and ending with a letter or digit)",
                        e.key() instanceof YamlScalar ks ? fixes(fixed, ks) : new Fix[0]);
            }
        }
    }

    private static Fix[] fixes(String fixed, YamlScalar at) {
        if (fixed == null || fixed.equals(at.value())) {
            return new Fix[0];
        }
        return new Fix[] {new Fix("Rename to '" + fixed + "'", List.of(new TextEdit(at.range(), fixed)))};
    }

    /** A name in the safe alphabet close to {@code s}, or null when there is no simple one. */
    static String sanitize(String s, boolean underscore) {
        String lower = s.trim().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (underscore && c == '_')) {
                sb.append(c);
            } else if (c == '_' || c == '.' || c == ' ' || c == '/' || c == ':') {
                sb.append('-');
            } else {
                return null;
            }
        }
        int a = 0;
        int b = sb.length();
        while (a < b && (sb.charAt(a) == '-' || sb.charAt(a) == '_')) {
            a++;
        }
        while (b > a && (sb.charAt(b - 1) == '-' || sb.charAt(b - 1) == '_')) {
            b--;
        }
        String out = sb.substring(a, b);
        return out.isEmpty() ? null : out;
    }
}
