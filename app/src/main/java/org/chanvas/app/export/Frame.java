package org.chanvas.app.export;

import java.awt.Graphics2D;
import org.chanvas.app.diagram.Box;
import org.chanvas.app.diagram.DiagramGeometry;

/**
 * The part of the diagram plane a file shows: the diagram's bounds plus the margin, and its size in pixels
 * or points at a scale. Every backend crops the same way.
 */
record Frame(Box area, double scale) {

    static Frame of(DiagramGeometry geometry, ExportOptions options, double scale) {
        Box b = geometry.bounds().inflate(options.margin());
        // An empty network still gives a small, valid page rather than a zero-sized one.
        Box area = b.w() < 1 || b.h() < 1 ? new Box(b.x(), b.y(), Math.max(b.w(), 1), Math.max(b.h(), 1)) : b;
        return new Frame(area, scale);
    }

    int pixelWidth() {
        return (int) Math.ceil(area.w() * scale);
    }

    int pixelHeight() {
        return (int) Math.ceil(area.h() * scale);
    }

    /** Maps diagram units onto the file: scale, then move the area's corner to the origin. */
    void apply(Graphics2D g) {
        g.scale(scale, scale);
        g.translate(-area.x(), -area.y());
    }
}
