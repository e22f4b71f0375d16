package org.chanvas.app.diagram;

import java.awt.Shape;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.FlatteningPathIterator;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;
import org.chanvas.model.Endpoint;

/**
 * One drawn stroke of a channel: a cubic curve (straight when its controls lie on the chord) from a writer's
 * port or a shared node to a reader's port or a shared node, with an arrowhead at its far end.
 *
 * @param writer   the writer's port this stroke starts at, or {@code null} when it starts at a shared node
 * @param reader   the reader's port this stroke ends at, or {@code null} when it ends at a shared node
 * @param head     the arrowhead whose tip is {@code end}
 * @param polyline the drawn line flattened once (shaft, then on to the tip), for hit-testing, labels and tokens
 */
public record Segment(Endpoint writer, Endpoint reader, Pt start, Pt c1, Pt c2, Pt end, Arrowhead head,
                      List<Pt> polyline) {

    /** How finely curves are flattened: fine enough that a token never visibly leaves its arrow. */
    private static final double FLATNESS = 0.25;

    public Segment {
        polyline = List.copyOf(polyline);
    }

    /**
     * A segment whose polyline follows what is drawn: the shaft up to the arrowhead's base, then straight
     * on to the tip, so hit-testing and tokens stay exactly on the visible line.
     */
    public static Segment of(Endpoint writer, Endpoint reader, Pt start, Pt c1, Pt c2, Pt end, Arrowhead head) {
        Pt shift = head.base().minus(end);
        List<Pt> pts = new ArrayList<>(flatten(start, c1, c2.plus(shift), end.plus(shift)));
        pts.add(end);
        return new Segment(writer, reader, start, c1, c2, end, head, pts);
    }

    /** The whole curve, tip included. */
    public Shape curve() {
        return new CubicCurve2D.Double(start.x(), start.y(), c1.x(), c1.y(), c2.x(), c2.y(), end.x(), end.y());
    }

    /**
     * The curve as it is stroked: it stops at the arrowhead's base so a thick line never pokes out beside
     * the tip. Moving the end and its control together keeps the end tangent.
     */
    public Shape shaft() {
        Pt shift = head.base().minus(end);
        Pt e = end.plus(shift);
        Pt k = c2.plus(shift);
        return new CubicCurve2D.Double(start.x(), start.y(), c1.x(), c1.y(), k.x(), k.y(), e.x(), e.y());
    }

    public double length() {
        double l = 0;
        for (int i = 1; i < polyline.size(); i++) {
            l += polyline.get(i - 1).distance(polyline.get(i));
        }
        return l;
    }

    /** The point a fraction {@code t} ∈ [0, 1] of the way along the curve, by arc length. */
    public Pt pointAt(double t) {
        return walk(t, false);
    }

    /** The unit direction of travel at fraction {@code t} of the way along the curve. */
    public Pt tangentAt(double t) {
        return walk(t, true);
    }

    public double distanceTo(Pt p) {
        double best = Double.MAX_VALUE;
        for (int i = 1; i < polyline.size(); i++) {
            best = Math.min(best, p.distanceToSegment(polyline.get(i - 1), polyline.get(i)));
        }
        return best;
    }

    public Box bounds() {
        Box b = Box.around(start);
        for (Pt p : polyline) {
            b = b.union(p);
        }
        return b.union(head.bounds());
    }

    private Pt walk(double t, boolean tangent) {
        double target = Math.max(0, Math.min(1, t)) * length();
        double run = 0;
        for (int i = 1; i < polyline.size(); i++) {
            Pt a = polyline.get(i - 1);
            Pt b = polyline.get(i);
            double step = a.distance(b);
            if (run + step >= target && step > 1e-9) {
                return tangent ? b.minus(a).unit() : Pt.lerp(a, b, (target - run) / step);
            }
            run += step;
        }
        Pt last = polyline.getLast();
        return tangent ? last.minus(polyline.get(Math.max(0, polyline.size() - 2))).unit() : last;
    }

    private static List<Pt> flatten(Pt s, Pt c1, Pt c2, Pt e) {
        CubicCurve2D.Double c = new CubicCurve2D.Double(s.x(), s.y(), c1.x(), c1.y(), c2.x(), c2.y(), e.x(), e.y());
        List<Pt> pts = new ArrayList<>();
        double[] buf = new double[6];
        for (PathIterator it = new FlatteningPathIterator(c.getPathIterator(null), FLATNESS, 10); !it.isDone(); it.next()) {
            it.currentSegment(buf);
            pts.add(new Pt(buf[0], buf[1]));
        }
        return pts;
    }
}
