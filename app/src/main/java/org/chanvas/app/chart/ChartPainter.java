package org.chanvas.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chanvas.app.chart.ChartLayout.Arrow;
import org.chanvas.app.chart.ChartLayout.CycleEdge;
import org.chanvas.app.chart.ChartLayout.LifelineShape;
import org.chanvas.app.chart.ChartLayout.Text;
import org.chanvas.app.chart.ChartLayout.WaitShape;
import org.chanvas.app.chart.SequenceChartModel.End;
import org.chanvas.app.diagram.Box;
import org.chanvas.app.diagram.ElementTags;
import org.chanvas.app.diagram.FontRole;
import org.chanvas.app.diagram.Pt;
import org.chanvas.app.diagram.TextMeasure;
import org.chanvas.app.diagram.Theme;

/**
 * Paints a {@link ChartLayout} on any Graphics2D: the editor's panel (through FXGraphics2D), PNG, SVG and PDF,
 * so a chart on screen and in a file are the same drawing. In SVG (through {@link ElementTags}) each lifeline is
 * a group of class {@code lifeline}, each delivered message one of class {@code message} (SPEC §4), a message
 * still in a buffer {@code pending}, a wait {@code wait}, the end {@code end}.
 *
 * <p>Colour is never the only signal: a wait to send is hatched, one to receive is solid; a finished process
 * ends in a bar, a failed one in a cross; the cycle of a deadlock is numbered.
 */
public final class ChartPainter {

    private static final float[] DASH = {6f, 4f};

    private final Theme.Palette pal;
    private final ElementTags tags;
    private final Map<FontRole, Font> fonts = new EnumMap<>(FontRole.class);
    private final double line;
    private final TextMeasure measure;

    public ChartPainter(Theme theme, ElementTags tags) {
        this.pal = theme.palette();
        this.tags = tags;
        this.line = theme.lineWidth() * 0.7;
        this.measure = theme.measure();
        for (FontRole r : FontRole.values()) {
            fonts.put(r, theme.font(r));
        }
    }

    public ChartPainter(Theme theme) {
        this(theme, ElementTags.NONE);
    }

    /**
     * Paints the chart in chart units (the caller sets the transform).
     *
     * @param current the ref of the message to show as the latest (bold, in the selection colour), or -1
     */
    public void paint(Graphics2D g, ChartLayout layout, long current) {
        for (LifelineShape l : layout.lifelines()) {
            lifeline(g, l);
        }
        for (WaitShape w : layout.waits()) {
            tags.beginGroup(g, "wait-" + w.interval().process() + "-" + (long) (w.interval().from() * 2), "wait");
            waitBox(g, w);
            tags.endGroup(g);
        }
        g.setFont(fonts.get(FontRole.PORT));
        g.setColor(pal.finished());
        for (Text t : layout.rowLabels()) {
            text(g, t);
        }
        layout.note().ifPresent(t -> {
            g.setColor(pal.channelText());
            text(g, t);
        });
        int i = 0;
        for (Arrow a : layout.arrows()) {
            boolean latest = !a.pending() && a.message().ref() == current;
            tags.beginGroup(g, (a.pending() ? "pending-" : "message-") + (++i), a.pending() ? "pending" : "message");
            arrow(g, a, latest);
            tags.endGroup(g);
        }
        end(g, layout.end());
    }

    /**
     * Paints the process names again in a band whose top is at {@code top}, over whatever is there: a panel
     * scrolled down keeps its lifelines named.
     */
    public void paintHeaders(Graphics2D g, ChartLayout layout, double top) {
        if (layout.lifelines().isEmpty()) {
            return;
        }
        double band = layout.lifelines().getFirst().header().maxY() + 6;
        g.setColor(pal.background());
        g.fill(new java.awt.geom.Rectangle2D.Double(0, top, layout.width(), band));
        g.setColor(pal.grid());
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(0, top + band, layout.width(), top + band));
        for (LifelineShape l : layout.lifelines()) {
            Box h = l.header();
            header(g, new LifelineShape(l.lifeline(), new Box(h.x(), top + h.y(), h.w(), h.h()), l.x(), l.top(), l.bottom()));
        }
    }

    /** Paints the background over the chart's bounds. */
    public void paintBackground(Graphics2D g, Box area) {
        g.setColor(pal.background());
        g.fill(area.toAwt());
    }

    private void lifeline(Graphics2D g, LifelineShape l) {
        tags.beginGroup(g, "lifeline-" + l.lifeline().process(), "lifeline");
        header(g, l);
        g.setColor(pal.boxStroke());
        g.setStroke(new BasicStroke((float) line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASH, 0f));
        g.draw(new Line2D.Double(l.x(), l.top(), l.x(), l.bottom()));
        if (l.lifeline().ended()) {
            g.setStroke(new BasicStroke((float) (line * 2.2)));
            if (l.lifeline().failed()) {
                g.setColor(pal.failed());
                double s = 7;
                g.draw(new Line2D.Double(l.x() - s, l.bottom() - s, l.x() + s, l.bottom() + s));
                g.draw(new Line2D.Double(l.x() - s, l.bottom() + s, l.x() + s, l.bottom() - s));
            } else {
                g.draw(new Line2D.Double(l.x() - 10, l.bottom(), l.x() + 10, l.bottom()));
            }
        }
        tags.endGroup(g);
    }

    private void header(Graphics2D g, LifelineShape l) {
        Box h = l.header();
        RoundRectangle2D box = new RoundRectangle2D.Double(h.x(), h.y(), h.w(), h.h(), 10, 10);
        g.setColor(pal.boxFill());
        g.fill(box);
        g.setColor(pal.boxStroke());
        g.setStroke(new BasicStroke((float) (line * 1.2)));
        g.draw(box);
        g.setFont(fonts.get(FontRole.PROCESS));
        g.setColor(pal.text());
        String label = org.chanvas.model.io.Printable.escape(l.lifeline().label());
        double tw = measure.width(label, FontRole.PROCESS);
        g.drawString(label, (float) (l.x() - tw / 2), (float) (h.y() + h.h() / 2
                + (measure.ascent(FontRole.PROCESS) - measure.descent(FontRole.PROCESS)) / 2));
    }

    private void waitBox(Graphics2D g, WaitShape w) {
        Box b = w.box();
        Color c = w.interval().sending() ? pal.waitingSend() : pal.waitingReceive();
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 70));
        g.fill(b.toAwt());
        g.setColor(c);
        g.setStroke(new BasicStroke((float) line));
        if (w.interval().sending()) {
            // Hatching says "waiting to send" without its colour.
            Path2D.Double hatch = new Path2D.Double();
            for (double y = b.y() + 6; y < b.maxY(); y += 6) {
                hatch.moveTo(b.x(), y);
                hatch.lineTo(b.maxX(), Math.max(b.y(), y - b.w()));
            }
            g.draw(hatch);
        }
        g.draw(b.toAwt());
    }

    private void arrow(Graphics2D g, Arrow a, boolean latest) {
        Color c = latest ? pal.selection() : pal.channel();
        g.setColor(c);
        float w = (float) (latest ? line * 2 : line * 1.2);
        g.setStroke(a.pending() ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASH, 0f)
                : new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        List<Pt> p = a.path();
        Path2D.Double path = new Path2D.Double();
        path.moveTo(p.getFirst().x(), p.getFirst().y());
        for (int i = 1; i < p.size(); i++) {
            path.lineTo(p.get(i).x(), p.get(i).y());
        }
        g.draw(path);
        g.fill(a.head().shape());
        Font f = fonts.get(FontRole.CHANNEL);
        g.setFont(latest ? f.deriveFont(Font.BOLD) : f);
        backdrop(g, new Text(a.label(), a.labelAt(), FontRole.CHANNEL));
        g.setFont(latest ? f.deriveFont(Font.BOLD) : f);
        g.setColor(latest ? pal.selection() : pal.channelText());
        g.drawString(a.label(), (float) a.labelAt().x(), (float) a.labelAt().y());
    }

    private void end(Graphics2D g, ChartLayout.EndShape e) {
        if (e.title() == null) {
            return;
        }
        tags.beginGroup(g, "end", "end");
        Color c = switch (e.end()) {
            case End.Finished f -> pal.running();
            case End.Open o -> pal.text();
            case End.TimedOut t -> pal.waitingSend();
            case End.Failed f -> pal.failed();
            case End.Deadlocked d -> pal.cycle();
        };
        g.setColor(c);
        g.setFont(fonts.get(FontRole.PROCESS));
        text(g, e.title());
        for (CycleEdge edge : e.cycle()) {
            tags.beginGroup(g, "wait-edge-" + edge.number(), "wait-edge");
            g.setColor(pal.cycle());
            g.setStroke(new BasicStroke((float) (line * 2.2), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(edge.from().x(), edge.from().y(), edge.head().base().x(), edge.head().base().y()));
            g.fill(edge.head().shape());
            double r = 9;
            Ellipse2D badge = new Ellipse2D.Double(edge.badge().x() - r, edge.badge().y() - r, 2 * r, 2 * r);
            g.fill(badge);
            g.setColor(pal.background());
            g.setFont(fonts.get(FontRole.MARK));
            String n = Integer.toString(edge.number());
            double nw = measure.width(n, FontRole.MARK);
            g.drawString(n, (float) (edge.badge().x() - nw / 2), (float) (edge.badge().y()
                    + (measure.ascent(FontRole.MARK) - measure.descent(FontRole.MARK)) / 2));
            g.setColor(pal.cycle());
            g.setFont(fonts.get(FontRole.CHANNEL));
            text(g, edge.words());
            tags.endGroup(g);
        }
        g.setFont(fonts.get(FontRole.CHANNEL));
        g.setColor(pal.text());
        for (Text t : e.lines()) {
            text(g, t);
        }
        tags.endGroup(g);
    }

    /** A pale patch behind a text, so lines crossing it do not cross out its words. */
    private void backdrop(Graphics2D g, Text t) {
        Color keep = g.getColor();
        Color b = pal.background();
        g.setColor(new Color(b.getRed(), b.getGreen(), b.getBlue(), 215));
        g.fill(new java.awt.geom.Rectangle2D.Double(t.left().x() - 2, t.left().y() - measure.ascent(t.role()) - 1,
                measure.width(t.text(), t.role()) + 4, measure.height(t.role()) + 2));
        g.setColor(keep);
    }

    private void text(Graphics2D g, Text t) {
        if (t.role() != FontRole.PORT) {
            backdrop(g, t);
        }
        g.setFont(fonts.get(t.role()));
        g.drawString(t.text(), (float) t.left().x(), (float) t.left().y());
    }
}
