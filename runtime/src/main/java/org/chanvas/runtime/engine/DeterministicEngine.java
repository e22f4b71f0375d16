package org.chanvas.runtime.engine;

/** Placeholder replaced below. */
public final class DeterministicEngine implements Engine {
    @Override
    public Run prepare(RunPlan plan, RunOptions options) {
        throw new UnsupportedOperationException();
    }
}
