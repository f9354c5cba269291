package dev.mx.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mx.engine.plan.FileChange;
import dev.mx.engine.plan.Plan;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Shows a plan: one line per changed file (and the diffs on a dry run), or JSON. */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static void text(Plan plan, boolean withDiffs, Output o) {
        Map<FileChange.Kind, Integer> counts = new EnumMap<>(FileChange.Kind.class);
        for (FileChange c : plan.changes()) {
            counts.merge(c.kind(), 1, Integer::sum);
            if (c.kind() == FileChange.Kind.UNCHANGED) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("  %-9s %s", c.kind().name().toLowerCase(Locale.ROOT),
                    c.path()));
            if (!c.keys().isEmpty()) {
                line.append(" (").append(String.join(", ", c.keys())).append(')');
            }
            if (c.reason() != null && c.kind() == FileChange.Kind.CONFLICT) {
                line.append(": ").append(c.reason());
            }
            o.out.println(line);
        }
        if (withDiffs) {
            for (FileChange c : plan.changes()) {
                if (c.writes() || c.kind() == FileChange.Kind.CONFLICT) {
                    String d = c.diff();
                    if (!d.isEmpty()) {
                        o.out.println();
                        o.out.print(d);
                    }
                }
            }
        }
        o.out.println("  " + summary(counts));
    }

    static String summary(Map<FileChange.Kind, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        for (FileChange.Kind k : FileChange.Kind.values()) {
            int n = counts.getOrDefault(k, 0);
            if (n > 0) {
                sb.append(sb.isEmpty() ? "" : ", ").append(n).append(' ').append(k.name().toLowerCase(Locale.ROOT));
            }
        }
        return sb.isEmpty() ? "nothing to do" : sb.toString();
    }

    static ObjectNode json(Plan plan, boolean applied, boolean dryRun, List<FileChange> written) {
        ObjectNode root = Output.JSON.createObjectNode();
        root.put("generator", plan.generator().id());
        root.put("version", plan.generator().version());
        root.put("project", plan.root().toString());
        root.put("dryRun", dryRun);
        root.put("applied", applied);
        root.put("conflicts", plan.conflicts().size());
        ObjectNode params = root.putObject("parameters");
        plan.parameters().forEach((k, v) -> params.set(k, Output.JSON.valueToTree(v)));
        ArrayNode files = root.putArray("changes");
        for (FileChange c : plan.changes()) {
            ObjectNode f = files.addObject();
            f.put("path", c.path());
            f.put("action", c.kind().name().toLowerCase(Locale.ROOT));
            if (!c.keys().isEmpty()) {
                ArrayNode keys = f.putArray("keys");
                c.keys().forEach(keys::add);
            }
            if (c.reason() != null) {
                f.put("reason", c.reason());
            }
            if (dryRun && (c.writes() || c.kind() == FileChange.Kind.CONFLICT)) {
                f.put("diff", c.diff());
            }
            if (applied) {
                f.put("written", written.contains(c));
            }
        }
        if (plan.nextSteps() != null) {
            root.put("nextSteps", plan.nextSteps());
        }
        return root;
    }
}
