package org.chanvas.app.diagram;

/** A side of a process box, with the outward direction a port stub on it points to. */
public enum Side {
    TOP(0, -1), RIGHT(1, 0), BOTTOM(0, 1), LEFT(-1, 0);

    private final Pt outward;

    Side(double dx, double dy) {
        this.outward = new Pt(dx, dy);
    }

    /** Unit vector pointing out of the box through this side. */
    public Pt outward() {
        return outward;
    }

    public boolean horizontal() {
        return this == TOP || this == BOTTOM;
    }

    /**
     * The side of a box of the given half-size that faces a direction: the direction is compared with the
     * box's shape so a wide box turns its long sides to peers above and below.
     */
    public static Side facing(Pt direction, double halfW, double halfH) {
        double nx = direction.x() / Math.max(halfW, 1);
        double ny = direction.y() / Math.max(halfH, 1);
        if (Math.abs(nx) >= Math.abs(ny)) {
            return nx >= 0 ? RIGHT : LEFT;
        }
        return ny >= 0 ? BOTTOM : TOP;
    }
}
