package org.chanvas.app.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chanvas.app.chart.SequenceChartModel.End;
import org.chanvas.app.chart.SequenceChartModel.Lifeline;
import org.chanvas.app.chart.SequenceChartModel.Message;
import org.chanvas.app.chart.SequenceChartModel.Wait;
import org.chanvas.app.diagram.Arrowhead;
import org.chanvas.app.diagram.Box;
import org.chanvas.app.diagram.FontRole;
import org.chanvas.app.diagram.Pt;
import org.chanvas.app.diagram.TextMeasure;
import org.chanvas.app.diagram.Theme;
import org.chanvas.model.io.Printable;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;

/**
 * Where everything of a {@link SequenceChartModel} goes, in chart units (one unit is a pixel at 100 %), with
 * the origin at the top left: computed once and painted by {@link ChartPainter} on the screen and in every
 * file, so the two agree. Columns are as wide as the widest process name or message value needs (values
 * longer than {@link #MAX_VALUE_WIDTH} are cut with an ellipsis); rows are evenly spaced, one per step.
 */
public final class ChartLayout {

    /** A message value wider than this is shortened: a chart column is not a console. */
    static final double MAX_VALUE_WIDTH = 260;
    private static final double MIN_COLUMN = 170;
    private static final double PAD = 12;

    /** A process's column: its name at the top and its line down the chart. */
    public record LifelineShape(Lifeline lifeline, Box header, double x, double top, double bottom) {
    }

    /** A wait drawn on a lifeline. */
    public record WaitShape(Wait interval, Box box) {
    }

    /**
     * A message's arrow: {@code path} from the sender to the receiver (a loop for a message to oneself), its
     * head, and its value above it.
     */
    public record Arrow(Message message, List<Pt> path, Arrowhead head, String label, Pt labelAt, boolean pending,
                        Box labelBox) {

        /** Whether a point is on the arrow or its label, within {@code tolerance}. */
        public boolean hit(Pt p, double tolerance) {
            if (labelBox.inflate(tolerance / 2).contains(p)) {
                return true;
            }
            for (int i = 1; i < path.size(); i++) {
                if (p.distanceToSegment(path.get(i - 1), path.get(i)) <= tolerance) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A line of text: {@code left} is the start of its baseline. */
    public record Text(String text, Pt left, FontRole role) {
    }

    /** One numbered wait of a deadlock's cycle: {@code waiter} waits for {@code peer}. */
    public record CycleEdge(int number, String waiter, String peer, Pt from, Pt to, Arrowhead head, Text words,
                            Pt badge) {
    }

    /**
     * The end at the bottom: a title in the colour of the outcome, the cycle's numbered waits, and lines of
     * words (who waits for what).
     */
    public record EndShape(End end, Text title, List<CycleEdge> cycle, List<Text> lines, Box area) {
    }

    private final SequenceChartModel model;
    private final List<LifelineShape> lifelines;
    private final List<WaitShape> waits;
    private final List<Arrow> arrows;
    private final List<Text> rowLabels;
    private final Text note;
    private final EndShape end;
    private final double width;
    private final double height;
    private final double rowHeight;
    private final double top;

    private ChartLayout(SequenceChartModel model, List<LifelineShape> lifelines, List<WaitShape> waits,
                        List<Arrow> arrows, List<Text> rowLabels, Text note, EndShape end, double width,
                        double height, double rowHeight, double top) {
        this.model = model;
        this.lifelines = List.copyOf(lifelines);
        this.waits = List.copyOf(waits);
        this.arrows = List.copyOf(arrows);
        this.rowLabels = List.copyOf(rowLabels);
        this.note = note;
        this.end = end;
        this.width = width;
        this.height = height;
        this.rowHeight = rowHeight;
        this.top = top;
    }

    /** Lays out a chart with the fonts of {@code theme}. */
    public static ChartLayout of(SequenceChartModel m, Theme theme) {
        TextMeasure measure = theme.measure();
        double nameH = measure.height(FontRole.PROCESS);
        double valueH = measure.height(FontRole.CHANNEL);
        double row = Math.ceil(valueH + 18);
        String maxRef = m.messages().isEmpty() ? "0" : Long.toString(m.messages().getLast().ref());
        double gutter = Math.max(44, Math.max(measure.width(maxRef, FontRole.PORT),
                measure.width(m.refName(), FontRole.PORT)) + 16);

        double column = MIN_COLUMN;
        for (Lifeline l : m.lifelines()) {
            column = Math.max(column, measure.width(visible(l.label()), FontRole.PROCESS) + 2 * PAD + 16);
        }
        for (Message msg : m.messages()) {
            column = Math.max(column, Math.min(MAX_VALUE_WIDTH, measure.width(visible(msg.value()), FontRole.CHANNEL)) + 36);
        }
        column = Math.ceil(column);

        Map<String, Double> xs = new HashMap<>();
        for (int i = 0; i < m.lifelines().size(); i++) {
            xs.put(m.lifelines().get(i).process(), gutter + column * (i + 0.5));
        }
        double headerH = Math.ceil(nameH + 14);
        double headerY = 8;
        Text note = null;
        double y0 = headerY + headerH + 14;
        if (m.partial()) {
            note = new Text("\u2026 " + (m.midRun() ? "earlier steps" : String.format("%,d", m.omitted())
                    + (m.omitted() == 1 ? " earlier step" : " earlier steps")) + " not drawn (a chart shows the latest "
                    + String.format("%,d", m.maxRows()) + ")", new Pt(gutter, y0 + measure.ascent(FontRole.PORT)),
                    FontRole.PORT);
            y0 += measure.height(FontRole.PORT) + 8;
        }
        final double top = y0;
        double bodyBottom = top + m.rowsShown() * row + 10;

        // Arrows.
        List<Arrow> arrows = new ArrayList<>();
        List<Text> rowLabels = new ArrayList<>();
        if (!m.messages().isEmpty()) {
            rowLabels.add(new Text(m.refName(), new Pt(gutter - 10 - measure.width(m.refName(), FontRole.PORT),
                    headerY + headerH / 2 + measure.ascent(FontRole.PORT) / 2), FontRole.PORT));
        }
        double labelGap = 5;
        for (Message msg : m.messages()) {
            double y2 = top + (msg.receivedAt() - m.firstRow()) * row;
            double y1 = top + (Math.max(msg.sentAt(), m.firstRow()) - m.firstRow()) * row;
            Double fx = msg.from() == null ? null : xs.get(msg.from());
            Double tx = msg.to() == null ? null : xs.get(msg.to());
            if (fx == null && tx == null) {
                continue;
            }
            double x1 = fx != null ? fx : tx - column * 0.4;
            double x2 = tx != null ? tx : fx + column * 0.4;
            arrows.add(arrow(msg, x1, y1, x2, y2, column, measure, labelGap, false));
            rowLabels.add(new Text(Long.toString(msg.ref()), new Pt(gutter - 10 - measure.width(Long.toString(msg.ref()),
                    FontRole.PORT), y2 + measure.ascent(FontRole.PORT) / 2 - 1), FontRole.PORT));
        }
        for (Message msg : m.pending()) {
            Double fx = xs.get(msg.from());
            if (fx == null) {
                continue;
            }
            double y = top + (msg.receivedAt() - m.firstRow()) * row;
            arrows.add(arrow(msg, fx, y, fx + column * 0.42, y, column, measure, labelGap, true));
        }

        // The end.
        double endTop = bodyBottom + 6;
        List<Text> lines = new ArrayList<>();
        List<CycleEdge> cycle = new ArrayList<>();
        double textH = measure.height(FontRole.CHANNEL);
        double ty = endTop + measure.ascent(FontRole.PROCESS);
        Text title = switch (m.end()) {
            case End.Open o -> null;
            case End.Finished f -> new Text("finished: every process ended", new Pt(gutter, ty), FontRole.PROCESS);
            case End.TimedOut t -> new Text("timed out", new Pt(gutter, ty), FontRole.PROCESS);
            case End.Failed f -> new Text("script error in " + visible(f.label()) + " line " + f.line() + ":" + f.column()
                    + ": " + visible(f.message()), new Pt(gutter, ty), FontRole.PROCESS);
            case End.Deadlocked d -> new Text(d.diagnosis().kind() + (d.diagnosis().cycle().isEmpty() ? ""
                    : ": cycle of waits " + cycleWords(d.diagnosis(), m)), new Pt(gutter, ty), FontRole.PROCESS);
        };
        double endBottom = title == null ? endTop : ty + measure.descent(FontRole.PROCESS) + 8;
        if (m.end() instanceof End.Deadlocked d) {
            Diagnosis diag = d.diagnosis();
            List<String> order = diag.cycle();
            double y = endBottom + textH + 10;
            for (int k = 0; k < order.size(); k++) {
                String waiter = order.get(k);
                String peer = order.get((k + 1) % order.size());
                Double a = xs.get(waiter);
                Double b = xs.get(peer);
                if (a == null || b == null) {
                    continue;
                }
                double bx = a.equals(b) ? a + column * 0.4 : b;
                Pt from = new Pt(a, y);
                Pt to = new Pt(bx, y);
                Pt dir = to.minus(from);
                Arrowhead head = Arrowhead.pointing(to, dir.length() == 0 ? new Pt(1, 0) : dir, 11, 5.5);
                String words = waitWords(diag, waiter, m);
                double wx = Math.min(a, bx) + 16;
                cycle.add(new CycleEdge(k + 1, waiter, peer, from, to, head,
                        new Text(words, new Pt(wx, y - 6 - measure.descent(FontRole.CHANNEL)), FontRole.CHANNEL),
                        from));
                y += row;
            }
            for (Diagnosis.Waiting w : diag.waiting()) {
                if (order.contains(w.process())) {
                    continue;
                }
                lines.add(new Text(waitWords(diag, w.process(), m), new Pt(gutter, y - row / 2 + textH / 2), FontRole.CHANNEL));
                y += textH + 6;
            }
            endBottom = y - row / 2 + 4;
        }
        double bottom = Math.max(bodyBottom, endBottom) + 8;

        // Lifelines: a live one runs to the bottom (through the end), an ended one stops where it ended.
        List<LifelineShape> shapes = new ArrayList<>();
        for (Lifeline l : m.lifelines()) {
            double x = xs.get(l.process());
            double w = measure.width(visible(l.label()), FontRole.PROCESS) + 2 * PAD;
            Box header = new Box(x - w / 2, headerY, w, headerH);
            double stop = l.ended() ? top + (Math.max(l.endedAt(), m.firstRow()) - m.firstRow()) * row : bottom - 4;
            if (l.ended() && m.end() instanceof End.Finished && l.endedAt() >= m.rows()) {
                stop = bodyBottom;
            }
            shapes.add(new LifelineShape(l, header, x, header.maxY(), Math.max(stop, header.maxY() + 6)));
        }

        List<WaitShape> waitShapes = new ArrayList<>();
        boolean deadlocked = m.end() instanceof End.Deadlocked;
        for (Wait w : m.waits()) {
            Double x = xs.get(w.process());
            if (x == null) {
                continue;
            }
            double y1 = top + (w.from() - m.firstRow()) * row;
            double y2 = w.open() ? (deadlocked ? bottom - 4 : bodyBottom) : top + (w.to() - m.firstRow()) * row;
            if (y2 > y1) {
                waitShapes.add(new WaitShape(w, new Box(x - 5, y1, 10, y2 - y1)));
            }
        }

        double width = gutter + column * m.lifelines().size() + 12;
        List<Text> all = new ArrayList<>(lines);
        if (title != null) {
            all.add(title);
        }
        if (note != null) {
            all.add(note);
        }
        cycle.forEach(c -> all.add(c.words()));
        for (Text t : all) {
            width = Math.max(width, t.left().x() + measure.width(t.text(), t.role()) + 12);
        }
        // A message to oneself loops out to the right of its lifeline, its value beyond the loop.
        for (Arrow a : arrows) {
            width = Math.max(width, a.labelBox().maxX() + 12);
            for (Pt p : a.path()) {
                width = Math.max(width, p.x() + 12);
            }
        }
        Box endArea = new Box(0, endTop, width, bottom - endTop);
        return new ChartLayout(m, shapes, waitShapes, arrows, rowLabels, note,
                new EndShape(m.end(), title, cycle, lines, endArea), Math.ceil(width), Math.ceil(bottom), row, top);
    }

    private static Arrow arrow(Message msg, double x1, double y1, double x2, double y2, double column,
                               TextMeasure measure, double gap, boolean pending) {
        List<Pt> path;
        Pt tip;
        Pt dir;
        if (Math.abs(x2 - x1) < 1) {
            // A message to oneself: out to the right and back.
            double dx = column * 0.3;
            path = List.of(new Pt(x1, y1 - 8), new Pt(x1 + dx, y1 - 8), new Pt(x1 + dx, y2), new Pt(x2 + 1, y2));
            tip = new Pt(x2, y2);
            dir = new Pt(-1, 0);
        } else {
            tip = new Pt(x2, y2);
            dir = tip.minus(new Pt(x1, y1));
            path = List.of(new Pt(x1, y1), tip);
        }
        Arrowhead head = Arrowhead.pointing(tip, dir, 10, 5);
        List<Pt> shaft = new ArrayList<>(path);
        shaft.set(shaft.size() - 1, head.base());
        String label = fit(visible(msg.value()) + (pending ? " (in " + msg.channel() + ")" : ""), measure);
        double w = measure.width(label, FontRole.CHANNEL);
        Pt at;
        if (Math.abs(x2 - x1) < 1) {
            at = new Pt(x1 + column * 0.3 + 4, (y1 + y2) / 2 + measure.ascent(FontRole.CHANNEL) / 2);
        } else if (Math.abs(y2 - y1) > 1) {
            // A message that waited in a buffer: its value at the sender's end, where its row is its own.
            at = new Pt(x2 > x1 ? x1 + 8 : x1 - 8 - w, y1 - gap - measure.descent(FontRole.CHANNEL));
        } else {
            at = new Pt((x1 + x2) / 2 - w / 2, y1 - gap - measure.descent(FontRole.CHANNEL));
        }
        double baseline = at.y();
        Box box = new Box(at.x(), baseline - measure.ascent(FontRole.CHANNEL), w, measure.height(FontRole.CHANNEL));
        return new Arrow(msg, List.copyOf(shaft), head, label, at, pending, box);
    }

    /** The value as one visible line, cut to fit a column. */
    private static String fit(String text, TextMeasure measure) {
        if (measure.width(text, FontRole.CHANNEL) <= MAX_VALUE_WIDTH) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (measure.width(text.substring(0, mid) + "\u2026", FontRole.CHANNEL) <= MAX_VALUE_WIDTH) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        // Never split a surrogate pair.
        if (lo > 0 && Character.isHighSurrogate(text.charAt(lo - 1))) {
            lo--;
        }
        return text.substring(0, lo) + "\u2026";
    }

    private static String visible(String s) {
        return s == null ? "" : Printable.escape(s);
    }

    private static String label(SequenceChartModel m, String process) {
        return m.lifelines().stream().filter(l -> l.process().equals(process)).map(Lifeline::label).findFirst()
                .map(ChartLayout::visible).orElse(process);
    }

    private static String cycleWords(Diagnosis d, SequenceChartModel m) {
        List<String> names = d.cycle().stream().map(p -> label(m, p)).toList();
        return String.join(" \u2192 ", names) + " \u2192 " + names.getFirst();
    }

    /** "a waits to send on out (channel q)", as the run's diagnosis says it. */
    private static String waitWords(Diagnosis d, String process, SequenceChartModel m) {
        return d.waiting().stream().filter(w -> w.process().equals(process)).findFirst()
                .map(w -> label(m, process) + " waits " + String.join(" or ", w.on().stream().map(WaitOn::describe).toList())
                        + (w.stuck() ? ", but every peer has ended" : ""))
                .orElse(label(m, process) + " waits");
    }

    public SequenceChartModel model() {
        return model;
    }

    public List<LifelineShape> lifelines() {
        return lifelines;
    }

    public List<WaitShape> waits() {
        return waits;
    }

    /** Arrows of delivered messages first, in order, then those still in a buffer. */
    public List<Arrow> arrows() {
        return arrows;
    }

    /** The ref of each message in the left margin, beside its arrow. */
    public List<Text> rowLabels() {
        return rowLabels;
    }

    /** The note that earlier steps were left out, or empty. */
    public Optional<Text> note() {
        return Optional.ofNullable(note);
    }

    public EndShape end() {
        return end;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public Box bounds() {
        return new Box(0, 0, width, height);
    }

    /** The y of a row position (see {@link SequenceChartModel}). */
    public double yOf(double rowPosition) {
        return top + (rowPosition - model.firstRow()) * rowHeight;
    }

    public double rowHeight() {
        return rowHeight;
    }

    /** The delivered message whose arrow or value is at {@code p}, the nearest first. */
    public Optional<Message> messageAt(Pt p) {
        Arrow best = null;
        double bestD = Double.MAX_VALUE;
        for (Arrow a : arrows) {
            if (a.pending() || !a.hit(p, 6)) {
                continue;
            }
            double d = Math.abs(p.y() - a.head().tip().y());
            if (d < bestD) {
                best = a;
                bestD = d;
            }
        }
        return Optional.ofNullable(best).map(Arrow::message);
    }
}
