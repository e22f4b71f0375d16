package org.chanvas.app.export;

import java.awt.Graphics2D;
import java.util.Map;
import org.chanvas.app.diagram.ElementTags;
import org.jfree.svg.SVGHints;

/** Turns the painter's tags into SVG groups with id and class, and ids on single elements (JFreeSVG hints). */
final class SvgTags implements ElementTags {

    @Override
    public void beginGroup(Graphics2D g, String id, String cssClass) {
        g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("id", id, "class", cssClass));
    }

    @Override
    public void endGroup(Graphics2D g) {
        g.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
    }

    @Override
    public void nextElementId(Graphics2D g, String id) {
        g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, id);
    }
}
