package dev.mx.engine.lint.devspace;

import static dev.mx.engine.lint.devspace.DevspaceFiles.deref;
import static dev.mx.engine.lint.devspace.DevspaceFiles.mapping;
import static dev.mx.engine.lint.devspace.DevspaceFiles.scalar;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.TextEdit;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code devspace/profile}: profiles DevSpace can apply. */
final class ProfileRule extends V2Rule {
    static final RuleMeta META = new RuleMeta("devspace/profile", FileKind.DEVSPACE, Severity.ERROR,
            "Profiles must be applicable: parent or parents (not both), parents and activation as lists, known"
                    + " parent profiles without cycles, and patches with a literal op (add, remove, replace) and"
                    + " path.",
            "DevSpace applies profiles while it loads the config and stops at the first broken one: `parent and"
                    + " parents cannot be used together`, `Couldn't find profile 'base'`, a parent cycle,"
                    + " `patches.0.op is missing`, `patches.0.path is missing`, `unexpected op`, or a name, parent,"
                    + " op, path, parents or activation written as a variable or expression, which DevSpace refuses"
                    + " because it reads them before it resolves variables.",
            "profiles:\n  - name: prod\n    parent: bsae\n    patches:\n      - op: set\n        path: images.api.image\n",
            "profiles:\n  - name: prod\n    parent: base\n    patches:\n      - op: replace\n"
                    + "        path: images.api.image\n        value: registry/api\n");

    private static final Set<String> OPS = Set.of("add", "remove", "replace");

    ProfileRule() {
        super(META);
    }

    @Override
    void run(LintContext ctx, DevspaceModel model) {
        YamlSequence profiles = DevspaceFiles.sequence(model.top("profiles"));
        if (profiles == null) {
            return;
        }
        Set<String> names = model.profileNames();
        boolean openNames = model.isOpen("profiles");
        Map<String, List<String>> parentsOf = new HashMap<>();
        Map<String, List<YamlScalar>> parentRefs = new HashMap<>();
        for (int i = 0; i < profiles.items().size(); i++) {
            YamlMapping p = mapping(profiles.items().get(i));
            if (p == null) {
                continue;
            }
            String at = "profiles[" + i + "]";
            YamlScalar name = scalar(p.get("name"));
            if (name != null && isVarOrExpression(name.value())) {
                ctx.report(name, at + ".name cannot be a variable or expression: DevSpace selects profiles before it"
                        + " resolves variables");
            }
            String pname = name == null ? null : name.value().trim();
            List<String> parents = new ArrayList<>();
            List<YamlScalar> refs = new ArrayList<>();
            YamlEntry parent = p.entry("parent");
            YamlEntry parentsEntry = p.entry("parents");
            if (parent != null && parentsEntry != null && !isNullValue(parent) && !isNullValue(parentsEntry)) {
                ctx.reportKey(parentsEntry, at + ": parent and parents cannot be used together; list every parent"
                        + " under parents");
            }
            if (parent != null) {
                YamlScalar ps = scalar(parent.value());
                if (ps != null) {
                    if (isVarOrExpression(ps.value())) {
                        ctx.report(ps, at + ".parent cannot be a variable or expression");
                    } else {
                        parents.add(ps.value().trim());
                        refs.add(ps);
                        unknown(ctx, ps, names, openNames);
                    }
                }
            }
            if (parentsEntry != null && !isNullValue(parentsEntry)) {
                YamlNode pv = deref(parentsEntry.value());
                if (pv instanceof YamlSequence seq) {
                    for (YamlNode item : seq.items()) {
                        YamlScalar ref = scalar(DevspaceFiles.get(item, "profile"));
                        if (ref == null || DevspaceFiles.get(item, "source") != null) {
                            continue; // a parent from another config source
                        }
                        if (isVarOrExpression(ref.value())) {
                            ctx.report(ref, at + ".parents[].profile cannot be a variable or expression");
                        } else {
                            parents.add(ref.value().trim());
                            refs.add(ref);
                            unknown(ctx, ref, names, openNames);
                        }
                    }
                } else {
                    mustBeArray(ctx, pv, at + ".parents");
                }
            }
            YamlEntry activation = p.entry("activation");
            if (activation != null && !isNullValue(activation) && !(deref(activation.value()) instanceof YamlSequence)) {
                mustBeArray(ctx, deref(activation.value()), at + ".activation");
            }
            patches(ctx, p, at);
            if (pname != null && !parentsOf.containsKey(pname)) {
                parentsOf.put(pname, parents);
                parentRefs.put(pname, refs);
            }
        }
        cycles(ctx, parentsOf, parentRefs);
    }

    private static void unknown(LintContext ctx, YamlScalar ref, Set<String> names, boolean open) {
        String n = ref.value().trim();
        if (open || names.contains(n)) {
            return;
        }
        String best = closest(n, names);
        String msg = "Couldn't find profile '" + n + "': no profile in this file has that name";
        if (best == null) {
            ctx.report(ref, msg);
        } else {
            ctx.report(ref, msg + "; did you mean '" + best + "'?", new Fix("Change to '" + best + "'",
                    List.of(new TextEdit(ref.range(), best))));
        }
    }

    private static void mustBeArray(LintContext ctx, YamlNode v, String at) {
        if (v == null) {
            return;
        }
        if (v instanceof YamlScalar s && isVarOrExpression(s.value())) {
            ctx.report(v, at + " cannot be a variable or expression: DevSpace reads it before it resolves"
                    + " variables");
        } else {
            ctx.report(v, at + " must be an array");
        }
    }

    private static void patches(LintContext ctx, YamlMapping p, String at) {
        YamlEntry pe = p.entry("patches");
        if (pe == null || isNullValue(pe)) {
            return;
        }
        YamlNode pv = deref(pe.value());
        if (!(pv instanceof YamlSequence seq)) {
            return; // a type problem for the schema rules
        }
        for (int j = 0; j < seq.items().size(); j++) {
            YamlMapping patch = mapping(seq.items().get(j));
            if (patch == null || patch.entries().isEmpty()) {
                continue;
            }
            String pat = at + ".patches[" + j + "]";
            YamlEntry op = patch.entry("op");
            YamlEntry path = patch.entry("path");
            YamlScalar ops = op == null ? null : scalar(op.value());
            YamlScalar paths = path == null ? null : scalar(path.value());
            if (ops == null || ops.value().isBlank()) {
                ctx.reportKey(op != null ? op : patch.entries().get(0), pat + ".op is missing: DevSpace fails with"
                        + " 'patches." + j + ".op is missing'; use add, remove or replace");
            } else if (isVarOrExpression(ops.value())) {
                ctx.report(ops, pat + ".op cannot be a variable or expression");
            } else if (!OPS.contains(ops.value().trim())) {
                String best = closest(ops.value().trim(), OPS);
                String msg = pat + ".op '" + ops.value().trim() + "' is not an operation DevSpace knows (unexpected"
                        + " op); use add, remove or replace";
                if (best != null) {
                    ctx.report(ops, msg, new Fix("Change to '" + best + "'", List.of(new TextEdit(ops.range(),
                            best))));
                } else {
                    ctx.report(ops, msg);
                }
            }
            if (paths == null || paths.value().isBlank()) {
                ctx.reportKey(path != null ? path : patch.entries().get(0), pat + ".path is missing: DevSpace fails"
                        + " with 'patches." + j + ".path is missing'");
            } else if (DevspaceFiles.isExpression(paths.value())) {
                ctx.report(paths, pat + ".path cannot be an expression");
            }
        }
    }

    private static void cycles(LintContext ctx, Map<String, List<String>> parentsOf,
            Map<String, List<YamlScalar>> parentRefs) {
        for (Map.Entry<String, List<String>> e : parentsOf.entrySet()) {
            String start = e.getKey();
            List<String> ps = e.getValue();
            for (int k = 0; k < ps.size(); k++) {
                if (reaches(ps.get(k), start, parentsOf)) {
                    ctx.report(parentRefs.get(start).get(k), "profile '" + start + "' is its own ancestor through '"
                            + ps.get(k) + "': DevSpace fails with a parent cycle error");
                }
            }
        }
    }

    private static boolean reaches(String from, String target, Map<String, List<String>> parentsOf) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            String cur = todo.remove(todo.size() - 1);
            if (cur.equals(target)) {
                return true;
            }
            if (seen.add(cur)) {
                todo.addAll(parentsOf.getOrDefault(cur, List.of()));
            }
        }
        return false;
    }

    private static boolean isNullValue(YamlEntry e) {
        YamlNode v = deref(e.value());
        return v == null || (v instanceof YamlScalar s && s.isNull());
    }

    static boolean isVarOrExpression(String s) {
        return s != null && (DevspaceFiles.isExpression(s) || s.contains("${") || s.contains("$!{"));
    }
}
