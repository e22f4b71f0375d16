package org.chanvas.app.editor.canvas;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/**
 * Maps diagram units to canvas pixels: {@code screen = world * scale + offset}. Zoom keeps the point
 * under the cursor still, which is what a person expects of the mouse wheel.
 */
public final class Viewport {

    /** Zoom limits: below a tenth a box is a dot; above four a box fills the screen. */
    public static final double MIN_SCALE = 0.1;
    public static final double MAX_SCALE = 4.0;

    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1.0);
    private final ReadOnlyDoubleWrapper offsetX = new ReadOnlyDoubleWrapper(this, "offsetX", 0);
    private final ReadOnlyDoubleWrapper offsetY = new ReadOnlyDoubleWrapper(this, "offsetY", 0);

    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty offsetXProperty() {
        return offsetX.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty offsetYProperty() {
        return offsetY.getReadOnlyProperty();
    }

    public double scale() {
        return scale.get();
    }

    public double offsetX() {
        return offsetX.get();
    }

    public double offsetY() {
        return offsetY.get();
    }

    public Point2D toWorld(double sx, double sy) {
        return new Point2D((sx - offsetX.get()) / scale.get(), (sy - offsetY.get()) / scale.get());
    }

    public Point2D toScreen(double wx, double wy) {
        return new Point2D(wx * scale.get() + offsetX.get(), wy * scale.get() + offsetY.get());
    }

    /** Multiplies the scale by {@code factor}, keeping the world point under screen point (sx, sy) fixed. */
    public void zoomAt(double factor, double sx, double sy) {
        double newScale = clamp(scale.get() * factor);
        Point2D anchor = toWorld(sx, sy);
        scale.set(newScale);
        offsetX.set(sx - anchor.getX() * newScale);
        offsetY.set(sy - anchor.getY() * newScale);
    }

    public void panBy(double dx, double dy) {
        offsetX.set(offsetX.get() + dx);
        offsetY.set(offsetY.get() + dy);
    }

    /** Shows the world rectangle {@code content} centred in a {@code width}×{@code height} view with a margin. */
    public void fit(Rectangle2D content, double width, double height, double margin) {
        fit(content, width, height, margin, 1.5);
    }

    /** As {@link #fit(Rectangle2D, double, double, double)}, enlarging at most to {@code maxScale}. */
    public void fit(Rectangle2D content, double width, double height, double margin, double maxScale) {
        fit(content, width, height, margin, MIN_SCALE, maxScale);
    }

    /**
     * Centres {@code content} at the largest scale that shows all of it, but between {@code minScale} and
     * {@code maxScale}: when all of it would only fit below {@code minScale} (type too small to read), it is
     * shown at {@code minScale}, centred, and false says that part of it is outside the view.
     */
    public boolean fit(Rectangle2D content, double width, double height, double margin, double minScale,
                       double maxScale) {
        if (content == null || content.getWidth() <= 0 || content.getHeight() <= 0 || width <= 0 || height <= 0) {
            reset();
            return true;
        }
        double all = Math.min((width - 2 * margin) / content.getWidth(), (height - 2 * margin) / content.getHeight());
        double s = clamp(Math.max(Math.min(all, maxScale), minScale));
        scale.set(s);
        offsetX.set((width - content.getWidth() * s) / 2 - content.getMinX() * s);
        offsetY.set((height - content.getHeight() * s) / 2 - content.getMinY() * s);
        return all >= s - 1e-9;
    }

    public void reset() {
        scale.set(1.0);
        offsetX.set(0);
        offsetY.set(0);
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
