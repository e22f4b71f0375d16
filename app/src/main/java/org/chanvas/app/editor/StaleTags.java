package org.chanvas.app.editor;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.DiagramPainter;
import org.chanvas.app.diagram.ProcessBox;
import org.chanvas.app.diagram.Pt;
import org.chanvas.app.diagram.Theme;

/**
 * The word "stale" on the canvas: a cycle whose justification went stale is already drawn red like any
 * unjustified cycle, and this tag, one per stale justification, says why it is red although a note exists.
 */
final class StaleTags {

    /** The words of a tag. */
    static final String WORDS = "stale justification";

    private StaleTags() {
    }

    /** Where a tag is centred: one per stale justification, amid the boxes of the processes on its cycles. */
    static List<Pt> places(DiagramGeometry geometry, List<Problem.Cycle> cycles) {
        // The cycles one justification names share its channel set; they get one tag between them all.
        Map<SortedSet<String>, Set<String>> processesByKey = new LinkedHashMap<>();
        for (Problem.Cycle c : cycles) {
            if (c.isStale()) {
                processesByKey.computeIfAbsent(c.key(), k -> new LinkedHashSet<>()).addAll(c.processes());
            }
        }
        List<Pt> out = new ArrayList<>();
        for (Set<String> processes : processesByKey.values()) {
            double x = 0;
            double y = 0;
            int n = 0;
            for (String p : processes) {
                ProcessBox b = geometry.process(p).orElse(null);
                if (b != null) {
                    x += b.box().x() + b.box().w() / 2;
                    y += b.box().y() + b.box().h() / 2;
                    n++;
                }
            }
            if (n > 0) {
                out.add(new Pt(x / n, y / n));
            }
        }
        return out;
    }

    /** Paints the tags with the painter's banner, centred on {@link #places}. */
    static void paint(Graphics2D g, DiagramGeometry geometry, DiagramPainter painter, Theme theme,
                      List<Problem.Cycle> cycles) {
        double em = theme.fontSizes().process();
        for (Pt at : places(geometry, cycles)) {
            // The banner is placed by its corner; its text is about 0.55 em a letter in the process font.
            painter.paintBanner(g, WORDS, new Pt(at.x() - WORDS.length() * em * 0.55 / 2 - 12, at.y() - em));
        }
    }
}
