package org.chanvas.app.export;

import java.util.Set;
import org.chanvas.app.diagram.Theme;

/**
 * How a diagram is exported.
 *
 * @param scale       pixels per diagram unit for PNG: 1, 2 or 4 (vector formats ignore it)
 * @param transparent PNG only: leave the background transparent instead of the theme's colour
 * @param highlight   draw deadlock-prone and justified cycles (red, amber); off draws the plain network
 * @param margin      space around the diagram, in diagram units
 */
public record ExportOptions(Theme theme, int scale, boolean transparent, boolean highlight, double margin) {

    /** The scales a PNG may have: screen, retina, print. */
    public static final Set<Integer> SCALES = Set.of(1, 2, 4);

    /** Generous margins: a diagram on a slide needs room to breathe. */
    public static final double DEFAULT_MARGIN = 32;

    public ExportOptions {
        if (theme == null) {
            throw new IllegalArgumentException("a theme is needed");
        }
        if (!SCALES.contains(scale)) {
            throw new IllegalArgumentException("scale must be 1, 2 or 4, not " + scale);
        }
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("margin must be zero or more, not " + margin);
        }
    }

    /** Light theme, scale 1, white background, cycles highlighted. */
    public static ExportOptions defaults() {
        return new ExportOptions(Theme.light(), 1, false, true, DEFAULT_MARGIN);
    }

    public ExportOptions withTheme(Theme t) {
        return new ExportOptions(t, scale, transparent, highlight, margin);
    }

    public ExportOptions withScale(int s) {
        return new ExportOptions(theme, s, transparent, highlight, margin);
    }

    public ExportOptions withTransparent(boolean t) {
        return new ExportOptions(theme, scale, t, highlight, margin);
    }

    public ExportOptions withHighlight(boolean h) {
        return new ExportOptions(theme, scale, transparent, h, margin);
    }
}
