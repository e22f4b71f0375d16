package org.chanvas.runtime.engine;

/**
 * Runs a network on one thread through the {@link org.chanvas.runtime.semantics.Semantics}, picking each next
 * move (a communication, a process's step, a timer, a random value) with a seeded random choice: the same seed
 * gives the same trace, event for event. Time is virtual: each move costs a microsecond, a due sleeper or
 * {@code after} goes before further moves, and when nothing else can move the clock jumps to the next timer,
 * so such runs are fast and no sleeper starves. The time limit is wall-clock time. {@code run --seed N} uses it.
 */
public final class DeterministicEngine implements Engine {

    @Override
    public Run prepare(RunPlan plan, RunOptions options) {
        return new DeterministicRun(plan, options);
    }
}
