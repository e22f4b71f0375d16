package org.chanvas.model.analysis;

import java.util.List;

/**
 * A deadlock-prone cycle as the user sees it: its processes and channels (as in {@link Cycle}), whether a
 * justification covers it, and that justification's note (empty when not justified).
 */
public record CycleReport(List<String> processes, List<String> channels, boolean justified, String note) {

    public CycleReport {
        processes = List.copyOf(processes);
        channels = List.copyOf(channels);
        note = note == null ? "" : note;
    }
}
