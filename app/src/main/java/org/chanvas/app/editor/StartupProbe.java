package org.chanvas.app.editor;

import java.lang.management.ManagementFactory;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Measures start-up for the benchmark harness (bench/editor-startup.sh): with the system property
 * {@code chanvas.reportStartup} set, the first pulse after the window shows prints how long after the JVM
 * started it came, and with {@code chanvas.exitAfterFirstFrame} the editor then quits. Silent otherwise.
 */
final class StartupProbe {

    private StartupProbe() {
    }

    static void watch(Scene scene) {
        if (!Boolean.getBoolean("chanvas.reportStartup")) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("chanvas: first frame " + ms + " ms after the JVM started");
            if (Boolean.getBoolean("chanvas.exitAfterFirstFrame")) {
                Platform.exit();
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
