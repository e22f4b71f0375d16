package org.chanvas.model.analysis;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An elementary cycle of the client/server graph (SPEC §1 "deadlock-prone cycle").
 *
 * @param processes the processes in the order the cycle visits them, starting at the smallest id; the edge
 *                  from the last back to the first closes it, so a self-loop is a one-element list
 * @param channels every channel joining consecutive processes in the cycle's direction, edge by edge
 *                 (within an edge by id), each listed once even when a shared channel makes several edges
 */
public record Cycle(List<String> processes, List<String> channels) {

    public Cycle {
        processes = List.copyOf(processes);
        channels = List.copyOf(channels);
    }

    /** The channels as a set, the form in which a {@link org.chanvas.model.Justification} names a cycle. */
    public SortedSet<String> channelSet() {
        return new TreeSet<>(channels);
    }

    /** Number of processes (and edges) on the cycle. */
    public int length() {
        return processes.size();
    }
}
