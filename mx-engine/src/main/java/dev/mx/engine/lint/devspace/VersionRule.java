package dev.mx.engine.lint.devspace;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.Range;
import dev.mx.engine.text.Similarity;
import dev.mx.engine.text.TextEdit;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import java.util.List;

/** {@code devspace/version}: the config version must be one DevSpace knows. */
final class VersionRule implements LintRule {
    static final RuleMeta META = new RuleMeta("devspace/version", FileKind.DEVSPACE, Severity.ERROR,
            "devspace.yaml must declare a config version DevSpace knows (mx checks v2beta1 files in depth).",
            "DevSpace reads `version` before anything else to pick the config schema. Without it the load fails"
                    + " with `Version is missing in devspace.yaml`; an unknown value fails with `Unrecognized config"
                    + " version <v>. Please upgrade devspace with 'devspace upgrade'`. Older versions (v1beta1 to"
                    + " v1beta11) still load because DevSpace upgrades them in memory, but mx checks only v2beta1"
                    + " files in depth and says so once, on the version.",
            "version: v2beta\nname: app\n",
            "version: v2beta1\nname: app\n");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext ctx) {
        YamlNode root = ctx.root();
        YamlMapping m = DevspaceFiles.mapping(root);
        if (m == null) {
            if (root == null && !ctx.yaml().hasSyntaxErrors()) {
                ctx.report(Range.of(0, 0, 0, 0), "Version is missing in devspace.yaml: start the file with"
                        + " 'version: v2beta1'", new Fix("Add 'version: v2beta1'",
                        List.of(new TextEdit(Range.of(0, 0, 0, 0), "version: " + DevspaceFiles.LATEST
                                + ctx.lines().lineBreak()))));
            }
            return;
        }
        YamlEntry e = m.entry("version");
        if (e == null) {
            if (ctx.yaml().hasSyntaxErrors() || m.entries().isEmpty()) {
                return; // the version may sit in the part that did not parse
            }
            Range at = m.entries().get(0).key().range();
            Fix[] fixes = {};
            if (!m.flow()) {
                String indent = " ".repeat(m.range().start().column());
                fixes = new Fix[] {new Fix("Add 'version: v2beta1'", List.of(new TextEdit(Range.at(
                        at.start()), "version: " + DevspaceFiles.LATEST + ctx.lines().lineBreak() + indent)))};
            }
            ctx.report(at, "Version is missing in devspace.yaml: DevSpace refuses to load a config without"
                    + " 'version: v2beta1'", fixes);
            return;
        }
        YamlNode v = DevspaceFiles.deref(e.value());
        if (v instanceof YamlScalar s && s.isNull()) {
            TextEdit edit = s.isEmpty() ? TextEdit.insert(s.range().start(), " " + DevspaceFiles.LATEST)
                    : new TextEdit(s.range(), DevspaceFiles.LATEST);
            ctx.report(s.isEmpty() ? e.key().range() : s.range(), "Version is missing in devspace.yaml: the"
                    + " version is empty", new Fix("Set version to v2beta1", List.of(edit)));
            return;
        }
        if (!(v instanceof YamlScalar s)) {
            ctx.report(e.value(), "version must be a string such as v2beta1");
            return;
        }
        String value = s.value().trim();
        if (value.equals(DevspaceFiles.LATEST)) {
            return;
        }
        if (DevspaceFiles.OLDER.contains(value)) {
            ctx.report(Severity.INFO, s.range(), "this file uses DevSpace config version " + value
                    + " (DevSpace 5 and older); DevSpace 6 still loads it by upgrading it in memory, but mx checks"
                    + " only v2beta1 files in depth");
            return;
        }
        String msg = "Unrecognized config version '" + value + "': DevSpace 6 knows v2beta1 (and the older"
                + " v1beta1 to v1beta11)";
        if (Similarity.editDistance(value, DevspaceFiles.LATEST) <= 2) {
            ctx.report(s.range(), msg + "; did you mean 'v2beta1'?", new Fix("Change to v2beta1",
                    List.of(new TextEdit(s.range(), DevspaceFiles.LATEST))));
        } else {
            ctx.report(s.range(), msg);
        }
    }
}
