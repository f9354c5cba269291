package dev.mx.engine.yaml;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The fuzzing budget of the property-based suites. In CI every property runs the tries and the
 * fixed seed written on it, so a run is fast and repeatable. For longer local runs:
 * <pre>
 *   mvn -o test -pl mx-engine -Dtest='*PropertyTest' -Dmx.fuzz.tries=20000 -Dmx.fuzz.seed=random
 * </pre>
 * {@code mx.fuzz.tries} sets the tries of every property, {@code mx.fuzz.seed} a seed (or
 * {@code random} for a new one each run; jqwik prints the seed of a failure so it can be replayed).
 */
public final class FuzzBudget implements AroundPropertyHook {
    /** Added on a test class, it applies to every property in it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String tries = System.getProperty("mx.fuzz.tries", "");
        if (!tries.isBlank()) {
            context.attributes().setTries(Integer.parseInt(tries.trim()));
        }
        String seed = System.getProperty("mx.fuzz.seed", "");
        if (seed.equalsIgnoreCase("random")) {
            context.attributes().setSeed("");
        } else if (!seed.isBlank()) {
            context.attributes().setSeed(seed.trim());
        }
        return property.execute();
    }
}
