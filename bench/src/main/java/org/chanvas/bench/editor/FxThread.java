package org.chanvas.bench.editor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.application.Platform;

/**
 * Runs benchmark bodies on the JavaFX thread of a headless toolkit, as the editor does: canvas painting is
 * only allowed there. The hand-off costs a few microseconds, included in every figure.
 */
final class FxThread {

    private FxThread() {
    }

    /** Starts the toolkit once per JVM (the Headless glass platform: no display needed). */
    static void start() throws InterruptedException {
        System.setProperty("glass.platform", "Headless");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        if (!up.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start");
        }
        Platform.setImplicitExit(false);
    }

    static <T> T call(Supplier<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(body.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.join();
    }
}
