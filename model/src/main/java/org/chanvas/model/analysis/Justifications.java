package org.chanvas.model.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import org.chanvas.model.Justification;

/**
 * Decides which cycles a network's justifications cover.
 *
 * <p>A cycle is justified when some justification names exactly the cycle's full channel set: every
 * channel on every edge of the cycle, parallel channels included, and nothing else. A justification that
 * names only one of two parallel channels does not cover the cycle, because the other channel alone still
 * closes it; one that names more channels than the cycle has covers some other cycle, not this one. When
 * several justifications name the same set, the first in the file gives the note.
 */
public final class Justifications {

    private final Map<SortedSet<String>, Justification> bySet = new HashMap<>();

    /** Indexes the justifications of a network. */
    public Justifications(List<Justification> justified) {
        for (Justification j : justified) {
            bySet.putIfAbsent(j.channels(), j);
        }
    }

    /** The report of one cycle. */
    public CycleReport judge(Cycle cycle) {
        Justification j = bySet.get(cycle.channelSet());
        return new CycleReport(cycle.processes(), cycle.channels(), j != null, j == null ? "" : j.note());
    }

    /** The reports of cycles, in the same order. */
    public List<CycleReport> judge(List<Cycle> cycles) {
        List<CycleReport> out = new ArrayList<>(cycles.size());
        for (Cycle c : cycles) {
            out.add(judge(c));
        }
        return out;
    }
}
