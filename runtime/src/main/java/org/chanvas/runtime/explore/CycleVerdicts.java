package org.chanvas.runtime.explore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.chanvas.model.Network;
import org.chanvas.model.analysis.Analysis;
import org.chanvas.model.analysis.AnalysisOptions;
import org.chanvas.model.analysis.AnalysisResult;
import org.chanvas.model.analysis.CycleReport;
import org.chanvas.runtime.watch.Diagnosis;

/**
 * What a verdict says about each cycle {@code check} lists (SPEC §5), in the words {@code verify} prints and
 * the editor shows: every cycle is proven safe when the network is proven; with a deadlock, a justified cycle
 * whose processes hold the deadlock's cycle of waits (or whose channels the waiting processes wait on, when
 * there is no cycle of waits) has its justification contradicted. One place, so the two never disagree.
 */
public final class CycleVerdicts {

    /** What the verdict made of one cycle. */
    public enum Kind { PROVEN_SAFE, CONTRADICTED }

    /**
     * One cycle's verdict.
     *
     * @param line the sentence {@code verify} prints for it
     */
    public record CycleVerdict(CycleReport cycle, Kind kind, String line) {
        /** The cycle's name in files and in the editor: its channel ids, sorted. */
        public SortedSet<String> key() {
            return new TreeSet<>(cycle.channels());
        }
    }

    private CycleVerdicts() {
    }

    /** The verdict on each of the network's cycles that the result says something about, in check's order. */
    public static List<CycleVerdict> of(Network network, ExploreResult r) {
        AnalysisResult analysis = Analysis.of(network, AnalysisOptions.defaults());
        List<CycleVerdict> out = new ArrayList<>();
        for (CycleReport c : analysis.cycles()) {
            String name = String.join(" -> ", c.processes()) + " (channels " + String.join(", ", c.channels()) + ")";
            if (r.verdict() == Verdict.DEADLOCK_FREE) {
                out.add(new CycleVerdict(c, Kind.PROVEN_SAFE, "cycle " + name + ": proven safe"
                        + (c.justified() ? " (justified: " + c.note() + ")"
                        : c.isStale() ? " (justification stale: " + c.stale() + ")" : "")));
            } else if (r.verdict() != Verdict.DEADLOCK) {
                // A stuck end (a server left waiting for a client that has ended) is how never-ending servers
                // stop; it says nothing against a note that the cycle cannot deadlock.
                continue;
            } else if (c.justified() && r.diagnosis() != null && through(c, r.diagnosis())) {
                out.add(new CycleVerdict(c, Kind.CONTRADICTED, "justification contradicted: cycle " + name
                        + " deadlocks, though its note says: " + c.note()));
            } else if (c.isStale() && r.diagnosis() != null && through(c, r.diagnosis())) {
                // A stale note is no longer trusted, but it is still the person's claim, and the run refutes it.
                out.add(new CycleVerdict(c, Kind.CONTRADICTED, "stale justification: cycle " + name
                        + " deadlocks (" + c.stale() + "); its note said: " + c.note()));
            }
        }
        return out;
    }

    /** The lines alone, as {@code verify} prints them. */
    public static List<String> lines(Network network, ExploreResult r) {
        return of(network, r).stream().map(CycleVerdict::line).toList();
    }

    private static boolean through(CycleReport c, Diagnosis d) {
        if (!d.cycle().isEmpty()) {
            return new HashSet<>(c.processes()).containsAll(d.cycle());
        }
        Set<String> chans = new HashSet<>(c.channels());
        return d.waiting().stream().anyMatch(w -> w.on().stream().anyMatch(o -> chans.contains(o.channel())));
    }
}
