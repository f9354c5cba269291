package dev.mx.engine.lint.core;

import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.YamlDocument;
import dev.mx.engine.yaml.YamlProblem;
import java.util.List;

/** Rules every file kind shares: text and YAML well-formedness. */
public final class CoreRules {
    private CoreRules() {
    }

    public static final RuleMeta ENCODING = new RuleMeta("io/encoding", FileKind.ANY, Severity.ERROR,
            "The file must be UTF-8 text.",
            "DevSpace and MLflow read these files as UTF-8 YAML; a binary or mis-encoded file fails to load.",
            "(a file saved as UTF-16, or a binary file named MLproject)",
            "(the same content saved as UTF-8)");

    public static final RuleMeta RULE_CRASHED = new RuleMeta("mx/rule-crashed", FileKind.ANY, Severity.ERROR,
            "A lint rule failed on this file (a bug in mx or a plugin, not in your file).",
            "Reported instead of crashing, so the other rules still run; please report it with the file.",
            "(none)", "(none)");

    public static final RuleMeta UNKNOWN_SUPPRESSION = new RuleMeta("mx/unknown-rule", FileKind.ANY,
            Severity.WARNING, "A suppression comment names a rule that does not exist.",
            "A misspelled rule id in `# mx-lint-disable-next-line` silently suppresses nothing.",
            "# mx-lint-disable-next-line devspace/unknwon-key",
            "# mx-lint-disable-next-line devspace/unknown-key");

    public static List<LintRule> all() {
        return List.of(
                problems("yaml/syntax", YamlProblem.Kind.SYNTAX, "The file must be well-formed YAML.",
                        "DevSpace and MLflow refuse a file that does not parse, and then nothing of it is checked"
                                + " or applied.",
                        "deployments:\n  app:\n    helm: {chart: {name: x}\n",
                        "deployments:\n  app:\n    helm: {chart: {name: x}}\n"),
                problems("yaml/duplicate-key", YamlProblem.Kind.DUPLICATE_KEY, "A mapping must not repeat a key.",
                        "DevSpace's YAML decoder rejects duplicate keys; other YAML tools silently keep only one of"
                                + " them, so part of what you wrote is lost.",
                        "images:\n  app: {image: a}\n  app: {image: b}\n",
                        "images:\n  app: {image: a}\n  worker: {image: b}\n"),
                problems("yaml/limit", YamlProblem.Kind.LIMIT, "The file exceeds mx's safety limits (nesting,"
                                + " aliases, size).",
                        "Alias bombs and pathological nesting make YAML tools hang or run out of memory; mx stops"
                                + " early and says where.",
                        "a: &a [*a, *a]\n", "a: [1, 2]\n"),
                multipleDocuments(),
                noop(ENCODING),
                noop(RULE_CRASHED),
                noop(UNKNOWN_SUPPRESSION));
    }

    private static LintRule problems(String id, YamlProblem.Kind kind, String summary, String why, String wrong,
            String right) {
        RuleMeta meta = new RuleMeta(id, FileKind.ANY, Severity.ERROR, summary, why, wrong, right);
        return new LintRule() {
            @Override
            public RuleMeta meta() {
                return meta;
            }

            @Override
            public void check(LintContext ctx) {
                for (YamlProblem p : ctx.yaml().problems()) {
                    if (p.kind() == kind || (kind == YamlProblem.Kind.SYNTAX && p.kind() == YamlProblem.Kind.ENCODING)) {
                        ctx.report(p.range(), p.message());
                    }
                }
            }
        };
    }

    static final RuleMeta MULTIPLE_DOCUMENTS = new RuleMeta("yaml/multiple-documents", FileKind.ANY, Severity.WARNING,
            "A file must hold one YAML document.",
            "MLflow reads MLproject with PyYAML's safe_load, which refuses a second document (an error here);"
                    + " DevSpace and mx decode only the first document of devspace.yaml and .mx/lint.yaml, so"
                    + " everything after a second `---` is silently ignored (a warning). The state file reports it as"
                    + " state/invalid.",
            "version: v2beta1\nname: app\n---\ndeployments: {}\n", "version: v2beta1\nname: app\ndeployments: {}\n");

    /** A second document with content, where the tool reading the file takes only one. */
    private static LintRule multipleDocuments() {
        return new LintRule() {
            @Override
            public RuleMeta meta() {
                return MULTIPLE_DOCUMENTS;
            }

            @Override
            public void check(LintContext ctx) {
                List<YamlDocument> docs = ctx.yaml().documents();
                if (ctx.kind() == FileKind.STATE || docs.size() < 2) {
                    return;
                }
                for (YamlDocument d : docs.subList(1, docs.size())) {
                    if (d.root() == null) {
                        continue; // a trailing --- or comments only
                    }
                    int line = d.range().start().line();
                    Range at = Range.of(line, d.range().start().column(), line, ctx.lines().line(line).length());
                    if (ctx.kind() == FileKind.MLPROJECT) {
                        ctx.report(Severity.ERROR, at, "a second YAML document starts here: MLflow reads MLproject"
                                + " with yaml.safe_load, which refuses more than one document");
                    } else {
                        ctx.report(at, "a second YAML document starts here: "
                                + (ctx.kind() == FileKind.LINT_CONFIG ? "mx" : "DevSpace")
                                + " reads only the first one, so everything from here on is ignored");
                    }
                    return;
                }
            }
        };
    }

    /** Rules reported by the linter itself; listed so they can be configured and documented. */
    private static LintRule noop(RuleMeta meta) {
        return new LintRule() {
            @Override
            public RuleMeta meta() {
                return meta;
            }

            @Override
            public void check(LintContext ctx) {
            }
        };
    }
}
