package org.chanvas.runtime.engine;

/** Runs networks: the role; {@link ConcurrentEngine} and {@link DeterministicEngine} say how. */
public interface Engine {

    /** Prepares a run; nothing moves until {@link Run#start()}. */
    Run prepare(RunPlan plan, RunOptions options);
}
