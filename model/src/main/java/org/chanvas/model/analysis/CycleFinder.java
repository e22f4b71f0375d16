package org.chanvas.model.analysis;

/**
 * Finds the elementary cycles of a client/server graph (SPEC §1: each once, rotated to start at its
 * smallest process id; a self-loop counts). The interface says what; an implementation's name says how.
 *
 * <p>Order: cycles arrive in lexicographic order of their process-id lists (so by smallest process first,
 * and a cycle before every longer one it is a prefix of). The order does not depend on the algorithm, and
 * a capped list is always the lexicographically first cycles of the graph.
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
