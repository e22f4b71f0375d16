package org.chanvas.app.editor.canvas;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Rectangle2D;
import org.chanvas.app.diagram.Box;
import org.chanvas.app.diagram.ChannelShape;
import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.ProcessBox;
import org.chanvas.app.diagram.Pt;

/**
 * Hit tests on the same geometry the painter draws, so what the mouse finds is what the eye sees. A box's
 * outer band (and its port stubs) counts as its rim, where a drag draws a channel instead of moving the box.
 */
public final class GeometryHitTester implements HitTester {

    /** Width of the rim, in diagram units, measured inwards from the box's edge. */
    static final double RIM = 9;
    /** The rim is never narrower than this on the screen, in pixels, whatever the zoom. */
    static final double RIM_PIXELS = 8;

    private final DiagramGeometry geometry;

    public GeometryHitTester(DiagramGeometry geometry) {
        this.geometry = geometry;
    }

    @Override
    public Optional<Hit> hit(double x, double y, double tolerance) {
        return hit(x, y, tolerance, 1);
    }

    /**
     * As {@link #hit(double, double, double)} at a zoom of {@code scale} screen pixels per diagram unit: the
     * rim stays at least {@link #RIM_PIXELS} wide on the screen, and a few pixels just outside a box count as
     * its rim too, so the band a drag starts a channel from is easy to find.
     */
    public Optional<Hit> hit(double x, double y, double tolerance, double scale) {
        double band = RIM_PIXELS / Math.max(1e-6, scale);
        Pt p = new Pt(x, y);
        Optional<Hit> node = geometry.sharedNodeAt(p).map(n -> new Hit.ChannelNode(n.channel()));
        if (node.isPresent()) {
            return node;
        }
        Optional<Hit> port = geometry.portAt(p).map(s -> new Hit.ProcessRim(s.endpoint().process()));
        if (port.isPresent()) {
            return port;
        }
        Optional<ProcessBox> box = geometry.processAt(p);
        if (box.isPresent()) {
            Box b = box.get().box();
            double rim = Math.min(Math.max(RIM, band), Math.min(b.w(), b.h()) / 4);
            boolean inner = x > b.x() + rim && x < b.maxX() - rim && y > b.y() + rim && y < b.maxY() - rim;
            return Optional.of(inner ? new Hit.ProcessBody(box.get().id()) : new Hit.ProcessRim(box.get().id()));
        }
        double outside = band / 2;
        for (ProcessBox pb : geometry.processes()) {
            Box b = pb.box();
            if (x >= b.x() - outside && x <= b.maxX() + outside && y >= b.y() - outside && y <= b.maxY() + outside) {
                return Optional.of(new Hit.ProcessRim(pb.id()));
            }
        }
        return geometry.channelAt(p, tolerance).map(c -> new Hit.ChannelArrow(c.id()));
    }

    @Override
    public List<String> processesIn(Rectangle2D area) {
        return geometry.processes().stream().filter(b -> inside(b.box(), area)).map(ProcessBox::id).toList();
    }

    @Override
    public List<String> channelsIn(Rectangle2D area) {
        return geometry.channels().stream().filter(c -> {
            Box b = c.segments().stream().map(s -> s.bounds()).reduce(Box::union).orElse(c.bounds());
            return inside(c.node() == null ? b : b.union(c.node().bounds()), area);
        }).map(ChannelShape::id).toList();
    }

    @Override
    public Optional<Rectangle2D> processBox(String id) {
        return geometry.process(id).map(b -> new Rectangle2D(b.box().x(), b.box().y(), b.box().w(), b.box().h()));
    }

    @Override
    public Optional<Rectangle2D> contentBounds() {
        Box b = geometry.bounds();
        return b.w() <= 0 && b.h() <= 0 ? Optional.empty() : Optional.of(new Rectangle2D(b.x(), b.y(), b.w(), b.h()));
    }

    private static boolean inside(Box b, Rectangle2D area) {
        return b.x() >= area.getMinX() && b.y() >= area.getMinY() && b.maxX() <= area.getMaxX()
                && b.maxY() <= area.getMaxY();
    }
}
