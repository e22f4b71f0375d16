package org.chanvas.model.analysis;

/**
 * Finds the elementary cycles of a client/server graph (SPEC §1: each once, rotated to start at its
 * smallest process id; a self-loop counts). The interface says what; an implementation's name says how.
 *
 * <p>Each implementation names one deterministic order, a total order on cycles that does not depend on
 * the order of processes or channels in the file, and reports cycles in it, so a capped list is always
 * the first cycles in that order: {@link ShortestFirstCycleFinder} (the default) by length then
 * lexicographically, {@link JohnsonCycleFinder} lexicographically.
 */
public interface CycleFinder {

    /**
     * Reports each cycle to the sink in order until there are no more or the sink asks to stop.
     *
     * @return {@code true} when every cycle was reported, {@code false} when the sink stopped the search
     */
    boolean findCycles(ClientServerGraph graph, CycleSink sink);

    /** Collects at most {@code limit} cycles; {@code truncated} says whether the graph has more. */
    default FoundCycles collect(ClientServerGraph graph, int limit) {
        CycleCollector collector = new CycleCollector(limit);
        findCycles(graph, collector);
        return collector.result();
    }
}
