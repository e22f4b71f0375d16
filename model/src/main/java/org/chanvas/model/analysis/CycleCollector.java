package org.chanvas.model.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The default sink: keeps the first {@code limit} cycles and stops the search at the one after, which it
 * only counts as proof that the list is truncated. Single use.
 */
public final class CycleCollector implements CycleSink {

    private final int limit;
    private final List<Cycle> cycles = new ArrayList<>();
    private boolean truncated;

    /** @param limit how many cycles to keep, at least 0 */
    public CycleCollector(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("cycle limit must be >= 0, got " + limit);
        }
        this.limit = limit;
    }

    @Override
    public boolean accept(Cycle cycle) {
        if (cycles.size() < limit) {
            cycles.add(cycle);
            return true;
        }
        truncated = true;
        return false;
    }

    /** What was collected so far. */
    public FoundCycles result() {
        return new FoundCycles(cycles, truncated);
    }
}
