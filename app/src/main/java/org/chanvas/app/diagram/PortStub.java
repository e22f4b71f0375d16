package org.chanvas.app.diagram;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import org.chanvas.model.Endpoint;
import org.chanvas.model.script.PortDirection;

/**
 * A port drawn as a small tab on its process's border: inbound ports on the side facing their writers,
 * outbound ports on the side facing their readers. Channel routes start and end at {@link #tip()}.
 *
 * @param anchor the point on the box border where the tab sits
 * @param tip    the outer end of the tab, where the channel's line attaches
 * @param tab    the tab itself
 * @param label  the port's name, inside the box next to the tab
 */
public record PortStub(Endpoint endpoint, PortDirection direction, Side side, Pt anchor, Pt tip, Box tab,
                       TextBox label) {

    public Shape shape() {
        return new Rectangle2D.Double(tab.x(), tab.y(), tab.w(), tab.h());
    }

    /** Whether a point is on the tab or its label, with {@code tolerance} of slack around the tab. */
    public boolean hit(Pt p, double tolerance) {
        return tab.inflate(tolerance).contains(p) || label.bounds().contains(p);
    }
}
