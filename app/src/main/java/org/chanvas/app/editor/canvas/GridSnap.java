package org.chanvas.app.editor.canvas;

/**
 * Snaps diagram positions to the grid the canvas draws, when snapping is on.
 *
 * @param step the grid spacing in diagram units
 */
public record GridSnap(double step, boolean enabled) {

    /** The spacing of the dot grid, in diagram units. */
    public static final double STEP = 20;

    public double snap(double v) {
        return enabled ? Math.round(v / step) * step : v;
    }

    public GridSnap withEnabled(boolean on) {
        return new GridSnap(step, on);
    }
}
