package org.chanvas.app.editor;

import java.awt.Graphics2D;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.DiagramPainter;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.app.diagram.Marks;
import org.chanvas.app.diagram.RunOverlay;
import org.chanvas.app.diagram.Theme;
import org.chanvas.app.editor.canvas.DiagramView;
import org.chanvas.model.Network;

/**
 * Paints the canvas with the exporters' painter, adding what the editor knows: the live analysis's cycles
 * (red, or amber when justified; a stale justification tagged), the selected cycle (the rest dims), the selection, and a run's overlay.
 */
public final class CanvasPainter implements DiagramView.DiagramPainting {

    private final Selection selection;
    private Theme theme = Theme.light();
    private DiagramPainter painter = new DiagramPainter(theme);
    /** The texts of the last frame, while a test or a benchmark asks for them; otherwise null. */
    private List<DiagramPainter.TextRun> textRuns;
    private Marks alarming = Marks.NONE;
    private Marks justified = Marks.NONE;
    private List<Problem.Cycle> cycles = List.of();
    /** Cycles Verify proved safe: drawn dashed like a justified one, no longer red. */
    private Set<SortedSet<String>> proven = Set.of();
    private RunOverlay run;

    public CanvasPainter(Selection selection) {
        this.selection = selection;
    }

    /** Paints with another theme from the next frame on (presentation mode's large type, and back). */
    public void setTheme(Theme t) {
        theme = t;
        painter = new DiagramPainter(t);
    }

    public Theme theme() {
        return theme;
    }

    /**
     * Keeps the texts of each frame painted from now on (or stops, with false): what {@link #textRuns()} reports,
     * with their size on the screen. Off by default: a frame of a large network has thousands of texts.
     */
    public void recordTextRuns(boolean on) {
        textRuns = on ? new java.util.ArrayList<>() : null;
    }

    /** The texts of the last frame painted while recording, with their height in screen pixels. */
    public List<DiagramPainter.TextRun> textRuns() {
        return textRuns == null ? List.of() : List.copyOf(textRuns);
    }

    /** The cycles of the latest analysis. */
    public void setCycles(List<Problem.Cycle> found) {
        cycles = List.copyOf(found);
        Set<String> ap = new HashSet<>();
        Set<String> ac = new HashSet<>();
        Set<String> jp = new HashSet<>();
        Set<String> jc = new HashSet<>();
        for (Problem.Cycle c : cycles) {
            boolean safe = c.justified() || proven.contains(c.key());
            (safe ? jp : ap).addAll(c.processes());
            (safe ? jc : ac).addAll(c.channels());
        }
        // A process on an alarming cycle is red even if it is also on a justified one.
        jp.removeAll(ap);
        jc.removeAll(ac);
        alarming = new Marks(ap, ac);
        justified = new Marks(jp, jc);
    }

    /** The cycles (by key) that Verify proved safe for the network shown; empty to forget them. */
    public void setProven(Set<SortedSet<String>> keys) {
        proven = Set.copyOf(keys);
        setCycles(cycles);
    }

    /** The run drawn over the diagram, or null when editing. */
    public void setRun(RunOverlay overlay) {
        run = overlay;
    }

    public RunOverlay run() {
        return run;
    }

    /** The cycles alone, as an exported file shows them. */
    public Highlights cyclesOnly() {
        return Highlights.cycles(alarming, justified);
    }

    /** What the painter is told to emphasise now. */
    public Highlights highlights() {
        Marks focus = Marks.NONE;
        SortedSet<String> key = selection.cycleProperty().get();
        if (key != null) {
            focus = cycles.stream().filter(c -> c.key().equals(key)).findFirst()
                    .map(c -> new Marks(Set.copyOf(c.processes()), Set.copyOf(c.channels()))).orElse(Marks.NONE);
        }
        Marks selected = new Marks(Set.copyOf(selection.processes()), Set.copyOf(selection.channels()));
        return new Highlights(alarming, justified, focus, selected, run);
    }

    @Override
    public void paint(Graphics2D g, DiagramGeometry geometry, Network drawn) {
        if (textRuns != null) {
            textRuns.clear();
            painter.recordText(textRuns::add);
        } else {
            painter.recordText(null);
        }
        painter.paint(g, geometry, highlights());
        if (run == null) {
            StaleTags.paint(g, geometry, painter, theme, cycles);
        }
    }
}
