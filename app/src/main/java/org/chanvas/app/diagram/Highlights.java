package org.chanvas.app.diagram;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.chanvas.model.analysis.CycleReport;

/**
 * What the painter emphasises, filled in by the editor or an exporter from the analysis and the run.
 *
 * @param deadlockProne processes and channels on an unjustified deadlock-prone cycle: red, thicker
 * @param justified     those on justified cycles only: amber, dashed
 * @param focus         a selected cycle; when not empty everything else dims
 * @param selection     what the person has selected in the editor
 * @param run           the state of a run drawn over the diagram, or {@code null} when nothing runs
 */
public record Highlights(Marks deadlockProne, Marks justified, Marks focus, Marks selection, RunOverlay run) {

    /** Nothing highlighted, no run. */
    public static final Highlights NONE = new Highlights(Marks.NONE, Marks.NONE, Marks.NONE, Marks.NONE, null);

    public Highlights {
        deadlockProne = deadlockProne == null ? Marks.NONE : deadlockProne;
        justified = justified == null ? Marks.NONE : justified;
        focus = focus == null ? Marks.NONE : focus;
        selection = selection == null ? Marks.NONE : selection;
    }

    /**
     * The analysis's cycles as highlights: processes and channels on any unjustified cycle red, those only
     * on justified cycles amber.
     */
    public static Highlights fromCycles(Collection<CycleReport> cycles) {
        Set<String> redP = new HashSet<>();
        Set<String> redC = new HashSet<>();
        Set<String> amberP = new HashSet<>();
        Set<String> amberC = new HashSet<>();
        for (CycleReport c : cycles) {
            (c.justified() ? amberP : redP).addAll(c.processes());
            (c.justified() ? amberC : redC).addAll(c.channels());
        }
        amberP.removeAll(redP);
        amberC.removeAll(redC);
        return cycles(new Marks(redP, redC), new Marks(amberP, amberC));
    }

    /** Cycles only, as exports draw them. */
    public static Highlights cycles(Marks deadlockProne, Marks justified) {
        return new Highlights(deadlockProne, justified, Marks.NONE, Marks.NONE, null);
    }

    public Highlights withFocus(Marks f) {
        return new Highlights(deadlockProne, justified, f, selection, run);
    }

    public Highlights withSelection(Marks s) {
        return new Highlights(deadlockProne, justified, focus, s, run);
    }

    public Highlights withRun(RunOverlay r) {
        return new Highlights(deadlockProne, justified, focus, selection, r);
    }

    /** Whether a process is drawn dimmed because another cycle is in focus. */
    public boolean dimsProcess(String id) {
        return !focus.isEmpty() && !focus.hasProcess(id);
    }

    public boolean dimsChannel(String id) {
        return !focus.isEmpty() && !focus.hasChannel(id);
    }
}
