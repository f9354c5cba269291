package dev.mx.engine.lint.state;

import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.state.Hashes;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The recorded files against the disk: missing ones, and ones changed since mx wrote them. */
final class FileRules {
    static final RuleMeta MISSING = new RuleMeta("state/missing-file", FileKind.STATE, Severity.WARNING,
            "A file the state records as generated is missing.",
            "Re-applying the generator writes it again, which may not be what you want if you deleted it on"
                    + " purpose; until then the project lacks a file its other parts (Dockerfile, MLproject, Job"
                    + " template, devspace.yaml) may refer to.",
            "generators:\n  - id: ml-project-skeleton\n    files:\n      Dockerfile: sha256:...   # deleted\n",
            "(restore the file, or run `mx generate ml-project-skeleton` to write it again)");

    static final RuleMeta CHANGED = new RuleMeta("state/changed-file", FileKind.STATE, Severity.INFO,
            "A generated file (or manifest key) changed since mx wrote it.",
            "Your edits are safe: re-applying the generator reports the file as a conflict instead of overwriting"
                    + " it (with --force your version is kept as <file>.orig). This tells you in advance which"
                    + " files that will be.",
            "(a generated file edited by hand)", "(expected when you customize generated files)");

    private FileRules() {
    }

    static LintRule missing() {
        return rule(MISSING, FileRules::checkMissing);
    }

    static LintRule changed() {
        return rule(CHANGED, FileRules::checkChanged);
    }

    private interface Check {
        void run(LintContext ctx, StateModel m);
    }

    private static LintRule rule(RuleMeta meta, Check check) {
        return new LintRule() {
            @Override
            public RuleMeta meta() {
                return meta;
            }

            @Override
            public void check(LintContext ctx) {
                StateModel m = StateModel.of(ctx);
                if (m != null) {
                    check.run(ctx, m);
                }
            }
        };
    }

    private static void checkMissing(LintContext ctx, StateModel m) {
        for (StateModel.Generator g : m.generators) {
            String id = g.applied().id();
            for (YamlEntry e : StateModel.entries(g.files())) {
                missing(ctx, m, e, id, "was written by " + id);
            }
            for (YamlEntry e : StateModel.entries(g.manifests())) {
                missing(ctx, m, e, id, "holds keys of " + id);
            }
        }
    }

    private static void missing(LintContext ctx, StateModel m, YamlEntry e, String id, String what) {
        String path = e.keyText();
        if (path != null && m.inside(path) && !m.exists(path)) {
            ctx.report(e.key().range(), path + " " + what + " but is missing: `mx generate " + id + "` writes it"
                    + " again");
        }
    }

    private static void checkChanged(LintContext ctx, StateModel m) {
        for (StateModel.Generator g : m.generators) {
            String id = g.applied().id();
            for (YamlEntry e : StateModel.entries(g.files())) {
                String path = e.keyText();
                String recorded = path == null ? null : g.applied().files().get(path);
                if (recorded == null || !m.inside(path)) {
                    continue;
                }
                Optional<byte[]> bytes = m.bytes(path);
                if (bytes.isPresent() && !Hashes.of(bytes.get()).equals(recorded)) {
                    ctx.report(e.key().range(), path + " changed since " + id + " wrote it: re-applying " + id
                            + " reports it as a conflict and keeps your version (with --force yours is saved as "
                            + path + ".orig)");
                }
            }
            for (YamlEntry e : StateModel.entries(g.manifests())) {
                manifest(ctx, m, id, e, g.applied().manifests().get(e.keyText()));
            }
        }
    }

    private static void manifest(LintContext ctx, StateModel m, String id, YamlEntry e,
            java.util.Map<String, String> keys) {
        String path = e.keyText();
        if (path == null || keys == null || !m.inside(path)) {
            return;
        }
        Optional<byte[]> bytes = m.bytes(path);
        if (bytes.isEmpty()) {
            return; // state/missing-file
        }
        ParsedYaml doc = YamlParser.parse(new String(bytes.get(), StandardCharsets.UTF_8));
        if (!doc.problems().isEmpty()) {
            return; // the manifest's own lint reports it; mx refuses to edit it until fixed
        }
        YamlMapping recorded = StateModel.mapping(e.value());
        keys.forEach((dotted, hash) -> {
            YamlNode node = doc.find(Arrays.asList(dotted.split("\\.")));
            YamlEntry at = recorded == null ? null : recorded.entry(dotted);
            if (at == null) {
                return;
            }
            if (node == null) {
                ctx.report(at.key().range(), path + ": " + dotted + " was removed since " + id + " wrote it:"
                        + " re-applying " + id + " reports a conflict");
            } else if (!Hashes.ofValue(node.toJava()).equals(hash)) {
                ctx.report(at.key().range(), path + ": " + dotted + " changed since " + id + " wrote it: re-applying "
                        + id + " reports it as a conflict and keeps your version");
            }
        });
    }
}
