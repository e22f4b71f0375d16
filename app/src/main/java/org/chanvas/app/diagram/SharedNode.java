package org.chanvas.app.diagram;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;

/** The small round node of a shared channel: arrows come in from its writers and go out to its readers. */
public record SharedNode(String channel, Pt centre, double radius) {

    public Shape shape() {
        return new Ellipse2D.Double(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius);
    }

    public Box bounds() {
        return Box.centred(centre, 2 * radius, 2 * radius);
    }

    public boolean hit(Pt p, double tolerance) {
        return centre.distance(p) <= radius + tolerance;
    }
}
