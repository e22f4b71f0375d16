package org.chanvas.runtime.engine;

/**
 * Runs each process on its own virtual thread over real {@link org.chanvas.runtime.channel.ParkingChannel}s:
 * real races, as in the lecture's Python. Deadlocks are found by a {@link org.chanvas.runtime.watch.Watch}
 * the moment the last live process blocks.
 */
public final class ConcurrentEngine implements Engine {

    @Override
    public Run prepare(RunPlan plan, RunOptions options) {
        return new ConcurrentRun(plan, options);
    }
}
