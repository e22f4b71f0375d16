package org.chanvas.app.diagram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chanvas.app.diagram.KindMark.InfinityMark;
import org.chanvas.app.diagram.KindMark.ReturnHook;
import org.chanvas.app.diagram.KindMark.SlotRow;

/**
 * The one painter of the diagram, on plain Graphics2D, so the screen (FXGraphics2D), PNG (BufferedImage),
 * SVG (JFreeSVG) and PDF (pdfbox-graphics2d) draw exactly the same thing. Paints in diagram units; callers
 * set the transform for zoom, scale and margins.
 */
public final class DiagramPainter {

    private static final float[] JUSTIFIED_DASH = {9f, 6f};

    private final Theme theme;
    private final Theme.Palette pal;
    private final ElementTags tags;
    /** Fonts derived once per painter, not once per string. */
    private final Map<FontRole, Font> fonts = new EnumMap<>(FontRole.class);
    private final TextMeasure measure;
    private java.util.function.Consumer<TextRun> textRuns;

    /**
     * One piece of text as painted: its words, its role and its height on the device in pixels (the font's size
     * times the scale of the transform it was drawn with), so a test can measure what a viewer sees.
     */
    public record TextRun(String text, FontRole role, double pixels) {
    }

    public DiagramPainter(Theme theme, ElementTags tags) {
        this.theme = theme;
        this.pal = theme.palette();
        this.tags = tags;
        for (FontRole r : FontRole.values()) {
            fonts.put(r, theme.font(r));
        }
        this.measure = theme.measure();
    }

    public DiagramPainter(Theme theme) {
        this(theme, ElementTags.NONE);
    }

    /** Tells {@code sink} about every text this painter paints from now on; {@code null} stops it. */
    public void recordText(java.util.function.Consumer<TextRun> sink) {
        textRuns = sink;
    }

    /** Paints a diagram with one call, for callers that need no element tags. */
    public static void paint(Graphics2D g, DiagramGeometry geometry, Highlights highlights, Theme theme) {
        new DiagramPainter(theme).paint(g, geometry, highlights);
    }

    /** Turns on the quality hints every backend should share (anti-aliasing, fractional text metrics). */
    public static void prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /**
     * Fills an area with the theme's background and, for the screen, a faint dot grid every {@code step}
     * diagram units. Zoomed far out the grid thins out (doubling the step) so dots never crowd closer than
     * a dozen pixels: a grid is a hint, not a texture, and it must not cost more than the diagram.
     */
    public void paintBackground(Graphics2D g, Box area, boolean dotGrid, double step) {
        g.setColor(pal.background());
        g.fill(area.toAwt());
        if (!dotGrid || step <= 0) {
            return;
        }
        double pixelsPerUnit = Math.sqrt(Math.abs(g.getTransform().getDeterminant()));
        double s = step;
        while (s * pixelsPerUnit < 12) {
            s *= 2;
        }
        g.setColor(pal.grid());
        // At least a pixel across however far out the view is zoomed.
        double r = Math.max(Math.max(0.9, theme.lineWidth() * 0.55), 1.0 / Math.max(pixelsPerUnit, 1e-9));
        for (double x = Math.floor(area.x() / s) * s; x <= area.maxX(); x += s) {
            for (double y = Math.floor(area.y() / s) * s; y <= area.maxY(); y += s) {
                g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            }
        }
    }

    /** Paints channels, then processes over their ends, then labels and the run on top. */
    public void paint(Graphics2D g, DiagramGeometry geo, Highlights h) {
        prepare(g);
        Highlights hl = h == null ? Highlights.NONE : h;
        for (ChannelShape c : geo.channels()) {
            paintChannel(g, c, hl);
        }
        for (ProcessBox p : geo.processes()) {
            paintProcess(g, p, hl);
        }
        for (ChannelShape c : geo.channels()) {
            paintChannelLabel(g, c, hl);
        }
        if (hl.run() != null) {
            paintRun(g, geo, hl.run());
        }
    }

    // ---- channels ----------------------------------------------------------------------------------------

    private Color channelColour(String id, Highlights h) {
        Color c = h.deadlockProne().hasChannel(id) ? pal.cycle()
                : h.justified().hasChannel(id) ? pal.justified() : pal.channel();
        return h.dimsChannel(id) ? dim(c) : c;
    }

    private Stroke channelStroke(String id, Highlights h) {
        float w = (float) theme.lineWidth();
        if (h.deadlockProne().hasChannel(id)) {
            return stroke(w * 1.9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        if (h.justified().hasChannel(id)) {
            return stroke(w * 1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    scaled(JUSTIFIED_DASH, w / 2.2f), 0f);
        }
        return stroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private void paintChannel(Graphics2D g, ChannelShape c, Highlights h) {
        tags.beginGroup(g, "channel-" + c.id(), "channel");
        Color colour = channelColour(c.id(), h);
        Stroke stroke = channelStroke(c.id(), h);
        Path2D route = c.route();
        if (h.selection().hasChannel(c.id())) {
            g.setColor(alpha(pal.selection(), 0.35));
            g.setStroke(stroke((float) (((BasicStroke) stroke).getLineWidth() + 8),
                    BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(route);
        }
        g.setColor(colour);
        g.setStroke(stroke);
        tags.nextElementId(g, "route-" + c.id());
        g.draw(route);
        for (Segment s : c.segments()) {
            g.fill(s.head().shape());
        }
        if (h.run() != null) {
            paintWaitStrokes(g, c, h.run());
        }
        if (c.node() != null) {
            Shape node = c.node().shape();
            g.setColor(pal.background());
            g.fill(node);
            g.setColor(colour);
            g.setStroke(stroke((float) (((BasicStroke) stroke).getLineWidth()), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            g.draw(node);
        }
        Integer fill = h.run() == null ? null : h.run().bufferFill().get(c.id());
        for (KindMark k : c.marks()) {
            switch (k) {
                case SlotRow row -> paintSlots(g, row, colour, fill == null ? 0 : fill);
                case InfinityMark inf -> {
                    if (c.node() == null) {
                        g.setColor(pal.background());
                        g.fill(new Ellipse2D.Double(inf.centre().x() - inf.radius(), inf.centre().y() - inf.radius(),
                                2 * inf.radius(), 2 * inf.radius()));
                    }
                    g.setColor(colour);
                    text(g, inf.glyph());
                }
                case ReturnHook hook -> {
                    g.setColor(colour);
                    g.setStroke(stroke((float) (theme.lineWidth() * 0.8), BasicStroke.CAP_ROUND,
                            BasicStroke.JOIN_ROUND));
                    g.draw(hook.curve());
                    g.fill(hook.head().shape());
                }
            }
        }
        tags.endGroup(g);
    }

    /** Slots fill from the reader's end, where the oldest message waits; each message is its own block. */
    private void paintSlots(Graphics2D g, SlotRow row, Color colour, int fill) {
        g.setStroke(stroke((float) Math.max(1, theme.lineWidth() * 0.6)));
        for (int i = 0; i < row.drawn(); i++) {
            Shape slot = row.slot(i);
            g.setColor(pal.background());
            g.fill(slot);
            g.setColor(colour);
            g.draw(slot);
            if (row.drawn() - i <= fill) {
                g.fill(row.slot(i, Math.max(1.5, theme.lineWidth() * 0.8)));
            }
        }
        if (row.overflow() != null) {
            Box b = row.overflow().bounds().inflate(1.5);
            g.setColor(pal.background());
            g.fill(new RoundRectangle2D.Double(b.x(), b.y(), b.w(), b.h(), 4, 4));
            g.setColor(colour);
            text(g, row.overflow());
        }
    }

    private void paintChannelLabel(Graphics2D g, ChannelShape c, Highlights h) {
        TextBox t = c.label();
        Box b = t.bounds().inflate(2);
        g.setColor(alpha(pal.background(), 0.85));
        g.fill(new RoundRectangle2D.Double(b.x(), b.y(), b.w(), b.h(), 6, 6));
        Color colour = h.deadlockProne().hasChannel(c.id()) ? pal.cycle()
                : h.justified().hasChannel(c.id()) ? darker(pal.justified()) : pal.channelText();
        g.setColor(h.dimsChannel(c.id()) ? dim(colour) : colour);
        tags.beginGroup(g, "label-" + c.id(), "channel-label");
        text(g, t);
        tags.endGroup(g);
    }

    // ---- processes ---------------------------------------------------------------------------------------

    private void paintProcess(Graphics2D g, ProcessBox p, Highlights h) {
        tags.beginGroup(g, "process-" + p.id(), "process");
        ProcessState state = h.run() == null ? ProcessState.IDLE : h.run().state(p.id());
        Color stroke = pal.boxStroke();
        float width = (float) theme.lineWidth();
        float[] dash = null;
        if (h.deadlockProne().hasProcess(p.id())) {
            stroke = pal.cycle();
            width *= 2f;
        } else if (h.justified().hasProcess(p.id())) {
            stroke = pal.justified();
            width *= 1.6f;
            dash = scaled(JUSTIFIED_DASH, width / 3.5f);
        }
        Theme.Look look = theme.look(state);
        Color fill = look.fill();
        if (state != ProcessState.IDLE) {
            stroke = look.stroke();
            width = Math.max(width, (float) theme.lineWidth() * 1.8f);
        }
        // A finished process is faded by its look (grey, still readable); only the dimming of a selected
        // cycle's surroundings washes colours out further.
        boolean dimmed = h.dimsProcess(p.id());
        if (dimmed) {
            stroke = dim(stroke);
            fill = dim(fill);
        }
        Shape shape = p.shape();
        if (h.selection().hasProcess(p.id())) {
            g.setColor(alpha(pal.selection(), 0.35));
            g.setStroke(stroke(width + 9, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
        }
        // Tabs first, so the box's border runs cleanly over their inner ends.
        for (PortStub s : p.ports()) {
            paintStub(g, s, dimmed || state == ProcessState.FINISHED);
        }
        g.setColor(fill);
        g.fill(shape);
        g.setColor(stroke);
        g.setStroke(dash == null ? stroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : stroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        g.draw(shape);
        g.setColor(dimmed ? dim(look.text()) : look.text());
        text(g, p.title());
        g.setColor(dimmed ? dim(look.portText()) : look.portText());
        for (PortStub s : p.ports()) {
            text(g, s.label());
        }
        if (look.badge() != null) {
            paintBadge(g, p, state, dimmed ? dim(look.badge()) : look.badge());
        }
        tags.endGroup(g);
    }

    /** Outbound tabs are solid, inbound hollow, so direction reads without arrows. */
    private void paintStub(Graphics2D g, PortStub s, boolean faded) {
        Color ink = faded ? dim(pal.boxStroke()) : pal.boxStroke();
        Shape tab = s.shape();
        g.setColor(s.direction() == org.chanvas.model.script.PortDirection.OUTBOUND ? ink : pal.background());
        g.fill(tab);
        g.setColor(ink);
        g.setStroke(stroke((float) Math.max(1, theme.lineWidth() * 0.6)));
        g.draw(tab);
    }

    /** A round badge on the box's top-right corner whose glyph says the state without colour. */
    private void paintBadge(Graphics2D g, ProcessBox p, ProcessState state, Color colour) {
        double r = theme.fontSizes().port() * 1.15;
        double cx = p.box().maxX() - 4;
        double cy = p.box().y() + 4;
        g.setColor(colour);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(pal.background());
        g.setStroke(stroke((float) (r * 0.2), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double k = r * 0.5;
        switch (state) {
            case RUNNING -> {
                Path2D.Double play = new Path2D.Double();
                play.moveTo(cx - k * 0.6, cy - k);
                play.lineTo(cx + k, cy);
                play.lineTo(cx - k * 0.6, cy + k);
                play.closePath();
                g.fill(play);
            }
            case WAITING_TO_SEND -> arrow(g, new Pt(cx - k, cy + k), new Pt(cx + k, cy - k), k * 0.8);
            case WAITING_TO_RECEIVE -> arrow(g, new Pt(cx + k, cy - k), new Pt(cx - k, cy + k), k * 0.8);
            case SLEEPING -> {
                Path2D.Double z = new Path2D.Double();
                z.moveTo(cx - k * 0.8, cy - k * 0.8);
                z.lineTo(cx + k * 0.8, cy - k * 0.8);
                z.lineTo(cx - k * 0.8, cy + k * 0.8);
                z.lineTo(cx + k * 0.8, cy + k * 0.8);
                g.draw(z);
            }
            case FINISHED -> {
                Path2D.Double tick = new Path2D.Double();
                tick.moveTo(cx - k, cy);
                tick.lineTo(cx - k * 0.2, cy + k * 0.8);
                tick.lineTo(cx + k, cy - k * 0.8);
                g.draw(tick);
            }
            case FAILED -> {
                g.draw(new Line2D.Double(cx, cy - k, cx, cy + k * 0.25));
                g.fill(new Ellipse2D.Double(cx - r * 0.13, cy + k * 0.65, r * 0.26, r * 0.26));
            }
            case IDLE -> {
            }
        }
    }

    private void arrow(Graphics2D g, Pt from, Pt to, double head) {
        g.draw(new Line2D.Double(from.x(), from.y(), to.x(), to.y()));
        g.fill(Arrowhead.pointing(to.plus(to.minus(from).unit().times(head * 0.3)), to.minus(from), head * 1.2,
                head * 0.7).shape());
    }

    // ---- run overlay -------------------------------------------------------------------------------------

    private void paintRun(Graphics2D g, DiagramGeometry geo, RunOverlay run) {
        List<RunOverlay.WaitEdge> waits = run.waitCycle();
        for (int i = 0; i < waits.size(); i++) {
            paintWaitNumber(g, geo, waits.get(i), i + 1);
        }
        for (RunOverlay.Token t : run.tokens()) {
            geo.tokenPosition(t.channel(), t.writer(), t.reader(), t.t()).ifPresent(p -> paintToken(g, p, t.value()));
        }
    }

    /** The strokes a wait runs along: writer to reader of its channel, whichever of the two waits. */
    private static List<Segment> waitSegments(ChannelShape c, RunOverlay.WaitEdge w) {
        List<Segment> segs = c.segmentsBetween(w.waiter(), w.peer());
        return segs.isEmpty() ? c.segmentsBetween(w.peer(), w.waiter()) : segs;
    }

    /** Bold red under the channel's marks, so slots and ∞ stay readable on a deadlocked channel. */
    private void paintWaitStrokes(Graphics2D g, ChannelShape c, RunOverlay run) {
        for (RunOverlay.WaitEdge w : run.waitCycle()) {
            if (!w.channel().equals(c.id())) {
                continue;
            }
            g.setColor(pal.cycle());
            g.setStroke(stroke((float) (theme.lineWidth() * 2.6), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            for (Segment s : waitSegments(c, w)) {
                g.draw(s.shaft());
                g.fill(Arrowhead.pointing(s.end(), s.head().tip().minus(s.head().base()),
                        s.head().tip().distance(s.head().base()) * 1.2,
                        s.head().left().distance(s.head().right()) * 0.6).shape());
            }
        }
    }

    /** The wait's number in a red disc a third of the way along, clear of the marks at the middle. */
    private void paintWaitNumber(Graphics2D g, DiagramGeometry geo, RunOverlay.WaitEdge w, int number) {
        ChannelShape c = geo.channel(w.channel()).orElse(null);
        if (c == null) {
            return;
        }
        List<Segment> segs = waitSegments(c, w);
        if (segs.isEmpty()) {
            return;
        }
        Pt at = segs.getFirst().pointAt(segs.size() == 1 ? 0.3 : 0.5);
        double r = theme.fontSizes().mark() * 0.95;
        g.setColor(pal.cycle());
        g.fill(new Ellipse2D.Double(at.x() - r, at.y() - r, 2 * r, 2 * r));
        g.setColor(Color.WHITE);
        text(g, TextBox.centredAt(Integer.toString(number), FontRole.MARK, at, measure));
    }

    private void paintToken(Graphics2D g, Pt p, String value) {
        double r = theme.lineWidth() * 2.6;
        g.setColor(pal.background());
        g.fill(new Ellipse2D.Double(p.x() - r - 2, p.y() - r - 2, 2 * r + 4, 2 * r + 4));
        g.setColor(pal.text());
        g.fill(new Ellipse2D.Double(p.x() - r, p.y() - r, 2 * r, 2 * r));
        if (value == null || value.isEmpty()) {
            return;
        }
        String shown = value.length() > 24 ? value.substring(0, 23) + "…" : value;
        TextMeasure m = measure;
        double w = m.width(shown, FontRole.MARK);
        double h = m.height(FontRole.MARK);
        Pt c = p.plus(new Pt(r + 6 + w / 2 + 5, -r - h / 2 - 2));
        TextBox tb = TextBox.centredAt(shown, FontRole.MARK, c, m);
        Box b = tb.bounds().inflate(4);
        Shape pill = new RoundRectangle2D.Double(b.x(), b.y(), b.w(), b.h(), b.h(), b.h());
        g.setColor(pal.pillFill());
        g.fill(pill);
        g.setColor(pal.boxStroke());
        g.setStroke(stroke(1.2f));
        g.draw(pill);
        g.setColor(pal.pillText());
        text(g, tb);
    }

    /** A banner in words (a deadlock's diagnosis), its top-left corner at the given point. */
    public void paintBanner(Graphics2D g, String words, Pt topLeft) {
        TextMeasure m = measure;
        TextBox tb = TextBox.topLeft(words, FontRole.PROCESS, topLeft.x() + 12, topLeft.y() + 8, m);
        Box b = tb.bounds().inflate(10);
        g.setColor(pal.cycle());
        g.fill(new RoundRectangle2D.Double(b.x(), b.y(), b.w(), b.h(), 10, 10));
        g.setColor(Color.WHITE);
        text(g, tb);
    }

    // ---- small helpers -----------------------------------------------------------------------------------

    private void text(Graphics2D g, TextBox t) {
        Font font = fonts.get(t.role());
        if (textRuns != null && !t.text().isEmpty()) {
            textRuns.accept(new TextRun(t.text(), t.role(),
                    font.getSize2D() * Math.sqrt(Math.abs(g.getTransform().getDeterminant()))));
        }
        g.setFont(font);
        g.drawString(t.text(), (float) t.x(), (float) t.y());
    }

    private Color dim(Color c) {
        return mix(c, pal.background(), 0.72);
    }

    private static Color darker(Color c) {
        return mix(c, Color.BLACK, 0.25);
    }

    private static Color mix(Color a, Color b, double t) {
        return Theme.mix(a, b, t);
    }

    private static Color alpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(a * 255));
    }

    /**
     * Strokes with widths rounded to an eighth of a unit: exact in binary, so vector files say "4.25", not
     * "4.179999828338623", and stay small; the difference is invisible.
     */
    private static BasicStroke stroke(float width) {
        return new BasicStroke(eighths(width));
    }

    private static BasicStroke stroke(float width, int cap, int join) {
        return new BasicStroke(eighths(width), cap, join);
    }

    private static BasicStroke stroke(float width, int cap, int join, float miter, float[] dash, float phase) {
        float[] d = dash.clone();
        for (int i = 0; i < d.length; i++) {
            d[i] = eighths(d[i]);
        }
        return new BasicStroke(eighths(width), cap, join, miter, d, phase);
    }

    private static float eighths(float v) {
        return Math.max(0.125f, Math.round(v * 8) / 8f);
    }

    private static float[] scaled(float[] dash, float k) {
        float[] out = new float[dash.length];
        for (int i = 0; i < dash.length; i++) {
            out[i] = dash[i] * Math.max(1f, k);
        }
        return out;
    }
}
