package org.chanvas.runtime.engine;

/**
 * Told when a process spends its whole step budget without communicating: the network computes, so it may
 * gain from more carrier threads. Called on the process's own thread, so it must be quick and thread-safe.
 */
@FunctionalInterface
public interface ComputeObserver {

    /** Ignores everything. */
    ComputeObserver NONE = processId -> {
    };

    /** The process used a whole step budget and yields its carrier. */
    void computing(String processId);
}
