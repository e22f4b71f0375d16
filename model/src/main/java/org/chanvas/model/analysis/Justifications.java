package org.chanvas.model.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.chanvas.model.Justification;
import org.chanvas.model.Network;

/**
 * Decides which cycles a network's justifications cover, and which of those still hold.
 *
 * <p>A cycle is justified when some justification names exactly the cycle's full channel set: every
 * channel on every edge of the cycle, parallel channels included, and nothing else. A justification that
 * names only one of two parallel channels does not cover the cycle, because the other channel alone still
 * closes it; one that names more channels than the cycle has covers some other cycle, not this one. When
 * several justifications name the same set, the first in the file gives the note.
 *
 * <p>A justification is stale, and the cycle counts as not justified, when one of its channels no longer has
 * the kind (or capacity) recorded when it was made: its note argued about other channels. A justification
 * that records no kinds is trusted, and reported as unrecorded.
 */
public final class Justifications {

    private final Map<SortedSet<String>, Justification> bySet = new HashMap<>();
    private final Network network;

    /** Indexes the justifications of a network, to be compared with its channels' kinds. */
    public Justifications(Network network) {
        this.network = network;
        for (Justification j : network.justified()) {
            bySet.putIfAbsent(j.channels(), j);
        }
    }

    /** The report of one cycle. */
    public CycleReport judge(Cycle cycle) {
        // Most networks justify nothing: then no cycle needs its channel set built.
        Justification j = bySet.isEmpty() ? null : bySet.get(cycle.channelSet());
        if (j == null) {
            return new CycleReport(cycle.processes(), cycle.channels(), false, "");
        }
        String stale = changes(j);
        return new CycleReport(cycle.processes(), cycle.channels(), stale.isEmpty(), j.note(), stale, !j.recorded());
    }

    /** The reports of cycles, in the same order. */
    public List<CycleReport> judge(List<Cycle> cycles) {
        List<CycleReport> out = new ArrayList<>(cycles.size());
        for (Cycle c : cycles) {
            out.add(judge(c));
        }
        return out;
    }

    /** What differs from the kinds recorded in {@code j}, channel by channel in id order; "" when nothing. */
    private String changes(Justification j) {
        List<String> changed = new ArrayList<>();
        j.kinds().forEach((id, then) -> {
            Optional<Justification.Kind> now = network.channel(id).map(Justification.Kind::of);
            if (now.isPresent() && !now.get().equals(then)) {
                changed.add(id + " was " + then.word() + ", now " + now.get().word());
            }
        });
        return String.join("; ", changed);
    }
}
