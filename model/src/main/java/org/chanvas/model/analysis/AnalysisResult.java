package org.chanvas.model.analysis;

import java.util.List;

/**
 * Everything {@code chanvas check} reports (SPEC §4) and the editor shows.
 *
 * @param valid whether there are no faults
 * @param faults every fault, in {@link NetworkValidator} order
 * @param cycles the deadlock-prone cycles, shortest first, then lexicographically by process ids
 *               ({@link ShortestFirstCycleFinder}), at most the limit
 * @param truncated whether the graph has more cycles than listed
 */
public record AnalysisResult(boolean valid, List<Fault> faults, List<CycleReport> cycles, boolean truncated) {

    public AnalysisResult {
        faults = List.copyOf(faults);
        cycles = List.copyOf(cycles);
    }

    /**
     * Whether some cycle is not justified, which makes {@code check} exit 1. A truncated list counts as
     * alarming even if every listed cycle is justified, since the unlisted ones may not be.
     */
    public boolean hasUnjustifiedCycles() {
        return truncated || cycles.stream().anyMatch(c -> !c.justified());
    }
}
