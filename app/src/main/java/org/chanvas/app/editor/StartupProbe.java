package org.chanvas.app.editor;

import java.lang.management.ManagementFactory;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Measures start-up for the benchmark harness (bench/editor-startup.sh): with the system property
 * {@code chanvas.reportStartup} (or the environment variable {@code CHANVAS_STARTUP_PROBE=report}) the first
 * pulse after the window shows prints how long after the JVM started it came; with
 * {@code chanvas.exitAfterFirstFrame} (or {@code CHANVAS_STARTUP_PROBE=exit}) the editor then quits.
 * The variable exists because the launcher takes no JVM options. Silent otherwise.
 */
final class StartupProbe {

    private StartupProbe() {
    }

    /** Milliseconds since the JVM started. */
    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * @param toolkitReadyMs when {@code start} was entered (the toolkit up), since the JVM started
     * @param windowBuiltMs when the window was built and shown, since the JVM started
     */
    static void watch(Scene scene, long toolkitReadyMs, long windowBuiltMs) {
        String env = System.getenv().getOrDefault("CHANVAS_STARTUP_PROBE", "");
        boolean exit = Boolean.getBoolean("chanvas.exitAfterFirstFrame") || env.equals("exit");
        if (!Boolean.getBoolean("chanvas.reportStartup") && !exit && !env.equals("report")) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            System.err.println("chanvas: first frame " + sinceJvmStart() + " ms after the JVM started (toolkit up at "
                    + toolkitReadyMs + " ms, window built at " + windowBuiltMs + " ms)");
            if (exit) {
                Platform.exit();
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
