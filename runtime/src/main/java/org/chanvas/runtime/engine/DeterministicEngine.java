package org.chanvas.runtime.engine;

/**
 * Runs a network on one thread that repeatedly picks the next move (a process's local step, or one
 * communication on a channel) with a seeded random choice: the same seed gives the same trace, event for
 * event. Sleep and {@code after} use virtual time, which jumps forward only when nothing else can move, so
 * such runs are also fast. {@code run --seed N} uses it.
 */
public final class DeterministicEngine implements Engine {

    @Override
    public Run prepare(RunPlan plan, RunOptions options) {
        return new DeterministicRun(plan, options);
    }
}
