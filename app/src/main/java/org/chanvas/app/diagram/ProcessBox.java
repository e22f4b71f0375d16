package org.chanvas.app.diagram;

import java.awt.Shape;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import java.util.Optional;

/**
 * A process drawn as a rounded box with its bold name and its port stubs.
 *
 * @param arc the corner diameter of the rounded rectangle
 */
public record ProcessBox(String id, String label, Box box, double arc, TextBox title, List<PortStub> ports) {

    public ProcessBox {
        ports = List.copyOf(ports);
    }

    public Shape shape() {
        return new RoundRectangle2D.Double(box.x(), box.y(), box.w(), box.h(), arc, arc);
    }

    public Optional<PortStub> port(String name) {
        return ports.stream().filter(s -> s.endpoint().port().equals(name)).findFirst();
    }

    /** The box and its tabs together, which labels and other boxes must stay clear of. */
    public Box outline() {
        Box b = box;
        for (PortStub s : ports) {
            b = b.union(s.tab());
        }
        return b;
    }
}
