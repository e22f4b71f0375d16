package org.chanvas.app.editor.canvas;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Rectangle2D;

/** Answers what the diagram has at a point or in an area, in diagram units. */
public interface HitTester {

    /** The topmost thing at (x, y), within {@code tolerance} diagram units of a line. */
    Optional<Hit> hit(double x, double y, double tolerance);

    /** The processes whose boxes lie wholly inside {@code area}. */
    List<String> processesIn(Rectangle2D area);

    /** The channels whose arrows (or node) lie wholly inside {@code area}. */
    List<String> channelsIn(Rectangle2D area);

    /** The box of a process, if it has one. */
    Optional<Rectangle2D> processBox(String id);

    /** The smallest rectangle around everything drawn, or empty for an empty diagram. */
    Optional<Rectangle2D> contentBounds();
}
