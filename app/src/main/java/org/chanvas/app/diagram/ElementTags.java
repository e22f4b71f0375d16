package org.chanvas.app.diagram;

import java.awt.Graphics2D;

/**
 * Lets a backend name what the painter draws: the SVG backend turns these into ids and groups, so a file
 * can be styled or tested per channel and process. Raster backends ignore them.
 */
public interface ElementTags {

    /** Ignores every tag: for the screen, PNG and PDF. */
    ElementTags NONE = new ElementTags() {
        @Override
        public void beginGroup(Graphics2D g, String id, String cssClass) {
        }

        @Override
        public void endGroup(Graphics2D g) {
        }

        @Override
        public void nextElementId(Graphics2D g, String id) {
        }
    };

    /** Starts a group of elements with an id and a class, e.g. ("process-a", "process"). */
    void beginGroup(Graphics2D g, String id, String cssClass);

    void endGroup(Graphics2D g);

    /** Gives the next drawn element an id, e.g. the route of a channel. */
    void nextElementId(Graphics2D g, String id);
}
