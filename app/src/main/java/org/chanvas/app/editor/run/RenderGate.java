package org.chanvas.app.editor.run;

import javafx.scene.Scene;

/**
 * Tells the FX thread whether the renderer has finished the last frame it was given, so that a fast run never
 * hands it the next one before: JavaFX makes the FX thread wait, at its next pulse with changes, until the
 * previous frame is rendered, and with the software renderer on a busy machine one frame of the canvas took 200
 * to 400 ms, during which the window did not answer. The signal is JavaFX's own (its performance tracker's
 * "frame rendered" hook, on the render thread); where that internal hook is not accessible, every frame counts as
 * rendered and only the frame interval paces the screen.
 */
final class RenderGate {

    /** A frame not reported rendered after this long counts as rendered (a pulse with nothing to draw). */
    private static final long GIVE_UP_NANOS = 1_000_000_000L;

    private volatile long outstandingSince = -1;
    private Scene watched;
    private boolean unavailable;

    /** Whether the last frame handed over has been rendered (or none is outstanding). */
    boolean ready(Scene scene, long now) {
        watch(scene);
        long since = outstandingSince;
        return since < 0 || now - since > GIVE_UP_NANOS;
    }

    /** The FX thread changed the scene for a new frame at {@code now}. */
    void frameHanded(long now) {
        if (watched != null) {
            outstandingSince = now;
        }
    }

    private void watch(Scene scene) {
        if (unavailable || scene == null || scene == watched) {
            return;
        }
        try {
            com.sun.javafx.perf.PerformanceTracker.getSceneTracker(scene)
                    .setOnRenderedFrameTask(() -> outstandingSince = -1);
            watched = scene;
        } catch (IllegalAccessError | RuntimeException e) {
            unavailable = true; // JavaFX on the module path without the package opened: pace by time alone
        }
    }
}
