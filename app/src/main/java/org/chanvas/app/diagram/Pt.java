package org.chanvas.app.diagram;

/** An immutable point in diagram units (y grows downwards, as on screen). */
public record Pt(double x, double y) {

    public Pt plus(Pt o) {
        return new Pt(x + o.x, y + o.y);
    }

    public Pt minus(Pt o) {
        return new Pt(x - o.x, y - o.y);
    }

    public Pt times(double k) {
        return new Pt(x * k, y * k);
    }

    public double length() {
        return Math.hypot(x, y);
    }

    public double distance(Pt o) {
        return Math.hypot(x - o.x, y - o.y);
    }

    /** This vector scaled to length 1, or (1, 0) for the zero vector so callers never divide by zero. */
    public Pt unit() {
        double l = length();
        return l < 1e-9 ? new Pt(1, 0) : new Pt(x / l, y / l);
    }

    /** This vector turned a quarter turn (to the right of the direction of travel on screen). */
    public Pt normal() {
        return new Pt(-y, x);
    }

    public static Pt lerp(Pt a, Pt b, double t) {
        return new Pt(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
    }

    /** Distance from this point to the segment a–b. */
    public double distanceToSegment(Pt a, Pt b) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double len2 = dx * dx + dy * dy;
        double t = len2 < 1e-12 ? 0 : ((x - a.x) * dx + (y - a.y) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
    }
}
