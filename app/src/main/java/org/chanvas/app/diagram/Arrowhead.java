package org.chanvas.app.diagram;

import java.awt.Shape;
import java.awt.geom.Path2D;

/** A filled triangular arrowhead whose tip touches what the arrow points at. */
public record Arrowhead(Pt tip, Pt left, Pt right) {

    /** An arrowhead with its tip at {@code tip}, pointing along {@code direction}. */
    public static Arrowhead pointing(Pt tip, Pt direction, double length, double halfWidth) {
        Pt d = direction.unit();
        Pt base = tip.minus(d.times(length));
        Pt n = d.normal().times(halfWidth);
        return new Arrowhead(tip, base.plus(n), base.minus(n));
    }

    /** Middle of the back edge, where the shaft of the arrow should stop. */
    public Pt base() {
        return Pt.lerp(left, right, 0.5);
    }

    public Shape shape() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(tip.x(), tip.y());
        p.lineTo(left.x(), left.y());
        p.lineTo(right.x(), right.y());
        p.closePath();
        return p;
    }

    public Box bounds() {
        return Box.around(tip).union(left).union(right);
    }
}
