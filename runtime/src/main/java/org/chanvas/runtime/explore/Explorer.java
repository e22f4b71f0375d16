package org.chanvas.runtime.explore;

import org.chanvas.runtime.engine.RunPlan;

/** Explores every interleaving of a network (SPEC §5) and gives a verdict. */
public interface Explorer {

    /** Default bound on stored states (SPEC §5). */
    long DEFAULT_MAX_STATES = 2_000_000;

    /**
     * @param maxStates stop with INCONCLUSIVE once this many states are stored
     * @param listener told the progress, asked whether to cancel
     */
    ExploreResult explore(RunPlan plan, long maxStates, ExploreListener listener);
}
