package example;

import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.plan.FileChange;
import dev.mx.engine.plan.Plan;
import java.nio.file.Path;
import java.util.Map;

/** Renders the ML project skeleton into a directory, the way another Java tool would embed mx. */
public final class EmbedMx {
    public static void main(String[] args) {
        Path project = Path.of(args[0]);
        MxEngine mx = MxEngine.create(); // built-in generators plus MX_GENERATOR_PATH
        try {
            // 1. Plan in memory: nothing is written yet.
            Plan plan = mx.plan(new MxEngine.Request(project, "ml-project-skeleton",
                    Map.of("region", "europe-west1", "cloud", "gcp")));
            for (FileChange change : plan.changes()) {
                System.out.println(change.kind() + " " + change.path());
            }
            // 2. Apply all or nothing, under the project lock. Conflicts are never overwritten here.
            if (plan.hasConflicts()) {
                System.err.println(plan.conflicts().size() + " conflicts; nothing written");
                return;
            }
            mx.apply(plan, false, notice -> System.err.println("mx: " + notice));
            // 3. The answers are in .mx/state.yaml for the next generator.
            System.out.println("project_name = " + mx.state(project).answers().get("project_name"));
        } catch (MxException e) {
            System.err.println(e.describe()); // file:line:col: message, never a stack trace
        }
    }
}
