package dev.mx.engine.lint.devspace;

import static dev.mx.engine.lint.devspace.DevspaceFiles.get;
import static dev.mx.engine.lint.devspace.DevspaceFiles.scalar;

import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlParser;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.Optional;

/** {@code devspace/import}: imports DevSpace can load. */
final class ImportRule extends V2Rule {
    static final RuleMeta META = new RuleMeta("devspace/import", FileKind.DEVSPACE, Severity.ERROR,
            "Each import needs a path or git source; a local import must exist and use the same config version.",
            "DevSpace resolves imports first, before anything else in the file, and stops when one cannot be"
                    + " loaded: an import without `path` or `git` has nothing to load, a missing local file fails"
                    + " with `read import config`, and an imported file with another version fails with `import"
                    + " mismatch v2beta1 != v1beta11`.",
            "imports:\n  - branch: main\n  - path: ./shared/devspace-bsae.yaml\n",
            "imports:\n  - git: https://github.com/org/devspace-base\n    branch: main\n"
                    + "  - path: ./shared/devspace-base.yaml\n");

    ImportRule() {
        super(META);
    }

    @Override
    void run(LintContext ctx, DevspaceModel model) {
        YamlSequence imports = DevspaceFiles.sequence(model.top("imports"));
        if (imports == null) {
            return;
        }
        String version = DevspaceFiles.version(ctx.yaml());
        for (int i = 0; i < imports.items().size(); i++) {
            YamlMapping m = DevspaceFiles.mapping(imports.items().get(i));
            if (m == null) {
                continue;
            }
            if (m.get("path") == null && m.get("git") == null) {
                if (!m.entries().isEmpty()) {
                    ctx.reportKey(m.entries().get(0), "imports[" + i + "] needs a path or a git source: DevSpace"
                            + " has nothing to load");
                } else {
                    ctx.report(m, "imports[" + i + "] needs a path or a git source: DevSpace has nothing to load");
                }
                continue;
            }
            String path = DevspaceImports.localPath(m);
            YamlScalar ps = scalar(get(m, "path"));
            if (path == null || ps == null) {
                continue;
            }
            String enabled = DevspaceFiles.text(get(m, "enabled"));
            boolean maybeDisabled = enabled != null && !enabled.trim().equals("true");
            if (!ctx.project().exists(path)) {
                if (maybeDisabled) {
                    continue; // enabled by an expression: DevSpace only reads it when that says true
                }
                ctx.report(ps, "imported file '" + path + "' does not exist (paths are relative to the folder of"
                        + " devspace.yaml); DevSpace fails with 'read import config'");
                continue;
            }
            String file = ctx.project().isDirectory(path) ? stripSlashes(path) + "/devspace.yaml" : path;
            Optional<String> text = ctx.project().read(file);
            if (text.isPresent() && version != null && version.equals(DevspaceFiles.LATEST)) {
                String theirs = DevspaceFiles.version(YamlParser.parse(text.get()));
                if (theirs != null && !theirs.equals(version)) {
                    ctx.report(ps, "import mismatch " + version + " != " + theirs + ": '" + path + "' uses another"
                            + " config version than this file, and DevSpace refuses to merge them");
                }
            }
        }
    }

    private static String stripSlashes(String p) {
        int end = p.length();
        while (end > 1 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(0, end);
    }
}
