package org.chanvas.app.editor;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real editor window in a TestFX stage and helps tests point at the diagram. */
final class EditorHarness {

    private EditorHarness() {
    }

    /** Builds the window the application builds, on the given stage. */
    static EditorWindow open(Stage stage) {
        EditorWindow window = new EditorWindow(stage);
        Scene scene = new Scene(window.root(), 1280, 820);
        URL css = EditorApp.class.getResource("/chanvas-assets/css/chanvas-light.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
        return window;
    }

    /** A file of the test resources. */
    static Path resource(String name) {
        try {
            return Path.of(EditorHarness.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a diagram point is on the screen, for the robot. */
    static Point2D screenOf(EditorWindow w, double worldX, double worldY) {
        Point2D local = w.view().viewport().toScreen(worldX, worldY);
        return w.view().localToScreen(local);
    }

    /** The centre of a process box on the screen. */
    static Point2D centreOf(EditorWindow w, String process) {
        var r = w.view().processBoxesOnScreen().get(process);
        return w.view().localToScreen(r.getMinX() + r.getWidth() / 2, r.getMinY() + r.getHeight() / 2);
    }

    /** A point just inside the rim of a process box (where a drag draws a channel), on its right edge. */
    static Point2D rimOf(EditorWindow w, String process) {
        var r = w.view().processBoxesOnScreen().get(process);
        return w.view().localToScreen(r.getMaxX() - 3, r.getMinY() + r.getHeight() * 0.7);
    }

    /** Waits until {@code condition} holds (checked on the FX thread), at most 10 s. */
    static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** A fresh snapshot of the canvas, painted now. */
    static Image snapshot(EditorWindow w) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            w.view().paintNow();
            return (Image) w.view().canvas().snapshot(null, null);
        }).get(10, TimeUnit.SECONDS);
    }

    /** The colour of the canvas snapshot at a diagram point. */
    static Color colourAt(Image img, EditorWindow w, double worldX, double worldY) {
        Point2D p = w.view().viewport().toScreen(worldX, worldY);
        return img.getPixelReader().getColor((int) Math.round(p.getX()), (int) Math.round(p.getY()));
    }

    /** Whether some pixel within {@code radius} pixels of a diagram point satisfies {@code test}. */
    static boolean anyNear(Image img, EditorWindow w, double worldX, double worldY, int radius,
                           java.util.function.Predicate<Color> test) {
        Point2D p = w.view().viewport().toScreen(worldX, worldY);
        for (int dx = -radius; dx <= radius; dx++) {
            for (int dy = -radius; dy <= radius; dy++) {
                int x = (int) Math.round(p.getX()) + dx;
                int y = (int) Math.round(p.getY()) + dy;
                if (x >= 0 && y >= 0 && x < img.getWidth() && y < img.getHeight()
                        && test.test(img.getPixelReader().getColor(x, y))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a colour is the justified amber (#f9a825), allowing for anti-aliasing. */
    static boolean isAmber(Color c) {
        return c.getRed() > 0.85 && c.getGreen() > 0.5 && c.getGreen() < 0.8 && c.getBlue() < 0.35;
    }

    /** Whether a colour is the cycle red (#d32f2f), allowing for anti-aliasing. */
    static boolean isCycleRed(Color c) {
        return c.getRed() > 0.7 && c.getGreen() < 0.35 && c.getBlue() < 0.35;
    }
}
