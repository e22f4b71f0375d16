package org.chanvas.app.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.jfree.fx.FXGraphics2D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The screen backend: the same painter through FXGraphics2D onto a JavaFX canvas (Headless glass platform). */
class FxCanvasPaintTest {

    @BeforeAll
    static void startFx() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(20, TimeUnit.SECONDS);
    }

    @Test
    void painterDrawsTheDiagramOnACanvas() throws Exception {
        Theme theme = Theme.light();
        DiagramGeometry geo = DiagramGeometry.layout(SampleNetworks.ring(), theme);
        Box area = geo.bounds().inflate(20);
        Pt onCa = geo.channel("ca").orElseThrow().segments().getFirst().pointAt(0.35);
        Pt inBox = geo.process("server").orElseThrow().box().centre().plus(new Pt(0, 18));

        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Canvas canvas = new Canvas(Math.ceil(area.w()), Math.ceil(area.h()));
                FXGraphics2D g = new FXGraphics2D(canvas.getGraphicsContext2D());
                g.translate(-area.x(), -area.y());
                DiagramPainter painter = new DiagramPainter(theme);
                painter.paintBackground(g, area, true, 20);
                painter.paint(g, geo, SampleNetworks.ringHighlights());
                shot.complete(canvas.snapshot(null, null));
            } catch (RuntimeException e) {
                shot.completeExceptionally(e);
            }
        });
        WritableImage img = shot.get(20, TimeUnit.SECONDS);
        // Kept for a person to compare with the PNG export: the screen must match the file.
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                java.nio.file.Path.of("target", "fx-canvas.png").toFile());
        Color cycle = img.getPixelReader().getColor((int) (onCa.x() - area.x()), (int) (onCa.y() - area.y()));
        assertThat(cycle.getRed()).isGreaterThan(0.7);
        assertThat(cycle.getGreen()).isLessThan(0.35);
        Color fill = img.getPixelReader().getColor((int) (inBox.x() - area.x()), (int) (inBox.y() - area.y()));
        assertThat(fill.getBrightness()).isGreaterThan(0.9);
    }
}
