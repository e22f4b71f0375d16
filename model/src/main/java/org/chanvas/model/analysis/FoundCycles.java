package org.chanvas.model.analysis;

import java.util.List;

/**
 * A capped list of cycles in finder order.
 *
 * @param truncated whether the graph has more cycles than were kept
 */
public record FoundCycles(List<Cycle> cycles, boolean truncated) {

    public FoundCycles {
        cycles = List.copyOf(cycles);
    }
}
