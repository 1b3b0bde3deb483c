package io.antechamber.api.fuzz;

import java.time.Duration;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Reads the fuzz's knobs from system properties, so a failure can be replayed from the command line without
 * editing the test: {@code -Dantechamber.fuzz.seed=<seed jqwik printed>}, {@code -Dantechamber.fuzz.tries=<n>},
 * {@code -Dantechamber.fuzz.seconds=<time budget, default 60>}.
 */
public class FuzzSettings implements AroundPropertyHook {

    static final String SEED = "antechamber.fuzz.seed";
    static final String TRIES = "antechamber.fuzz.tries";
    static final String SECONDS = "antechamber.fuzz.seconds";

    static Duration budget() {
        return Duration.ofSeconds(Long.getLong(SECONDS, 60));
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty(SEED);
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed.trim());
        }
        Integer tries = Integer.getInteger(TRIES);
        if (tries != null) {
            context.attributes().setTries(tries);
        }
        return property.execute();
    }
}
