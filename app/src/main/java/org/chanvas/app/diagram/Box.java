package org.chanvas.app.diagram;

import java.awt.geom.Rectangle2D;
import java.util.Collection;

/** An immutable axis-aligned rectangle in diagram units: top-left corner, width and height. */
public record Box(double x, double y, double w, double h) {

    public static Box centred(Pt c, double w, double h) {
        return new Box(c.x() - w / 2, c.y() - h / 2, w, h);
    }

    public static Box around(Pt p) {
        return new Box(p.x(), p.y(), 0, 0);
    }

    public double maxX() {
        return x + w;
    }

    public double maxY() {
        return y + h;
    }

    public Pt centre() {
        return new Pt(x + w / 2, y + h / 2);
    }

    public boolean contains(Pt p) {
        return p.x() >= x && p.x() <= x + w && p.y() >= y && p.y() <= y + h;
    }

    /** Whether the interiors meet (touching edges do not count). */
    public boolean intersects(Box o) {
        return x < o.maxX() && o.x < maxX() && y < o.maxY() && o.y < maxY();
    }

    /** Area shared with another box; 0 when they do not meet. */
    public double overlapArea(Box o) {
        double ow = Math.min(maxX(), o.maxX()) - Math.max(x, o.x);
        double oh = Math.min(maxY(), o.maxY()) - Math.max(y, o.y);
        return ow > 0 && oh > 0 ? ow * oh : 0;
    }

    public Box inflate(double d) {
        return new Box(x - d, y - d, w + 2 * d, h + 2 * d);
    }

    public Box union(Box o) {
        double nx = Math.min(x, o.x);
        double ny = Math.min(y, o.y);
        return new Box(nx, ny, Math.max(maxX(), o.maxX()) - nx, Math.max(maxY(), o.maxY()) - ny);
    }

    public Box union(Pt p) {
        return union(around(p));
    }

    /** Whether the segment a–b passes through this box. */
    public boolean crossedBy(Pt a, Pt b) {
        return toAwt().intersectsLine(a.x(), a.y(), b.x(), b.y());
    }

    public Rectangle2D toAwt() {
        return new Rectangle2D.Double(x, y, w, h);
    }

    /** The smallest box holding all the given boxes; a zero box at the origin when there are none. */
    public static Box unionAll(Collection<Box> boxes) {
        Box acc = null;
        for (Box b : boxes) {
            acc = acc == null ? b : acc.union(b);
        }
        return acc == null ? new Box(0, 0, 0, 0) : acc;
    }
}
