package org.chanvas.model.analysis;

import java.util.List;

/**
 * A deadlock-prone cycle as the user sees it: its processes and channels (as in {@link Cycle}), whether a
 * justification covers it, and that justification's note (empty when no justification names the cycle).
 *
 * @param justified whether a justification covers the cycle and still holds: false for a stale one
 * @param note      the note of the justification naming the cycle, stale or not; "" when there is none
 * @param stale     what changed since the justification was made, e.g. {@code "work was unbounded, now
 *                  rendezvous"}; "" when the justification holds or there is none
 * @param unrecorded whether the justification covering the cycle records no channel kinds (a file from before
 *                  kinds were kept): trusted, but a change of kind would go unnoticed
 */
public record CycleReport(List<String> processes, List<String> channels, boolean justified, String note,
                          String stale, boolean unrecorded) {

    public CycleReport {
        processes = List.copyOf(processes);
        channels = List.copyOf(channels);
        note = note == null ? "" : note;
        stale = stale == null ? "" : stale;
    }

    /** A cycle justified or not, with no staleness to report. */
    public CycleReport(List<String> processes, List<String> channels, boolean justified, String note) {
        this(processes, channels, justified, note, "", false);
    }

    /** Whether a justification names the cycle but a channel's kind has changed since it was made. */
    public boolean isStale() {
        return !stale.isEmpty();
    }
}
