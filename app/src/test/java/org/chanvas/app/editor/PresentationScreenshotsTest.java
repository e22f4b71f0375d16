package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.await;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.app.editor.run.RunSession;
import org.chanvas.model.Network;
import org.chanvas.runtime.engine.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode as a lecture hall sees it, a 1920×1080 screen saved in {@code target/screenshots/} for a
 * person to look at: the dining philosophers mid-run with the Console under the diagram, then deadlocked with
 * the one-line banner. (The Headless platform's screen is 1000×1000, so the scene is painted without a window.)
 */
@ExtendWith(ApplicationExtension.class)
class PresentationScreenshotsTest {

    private static final Path OUT = Path.of("target", "screenshots");

    private EditorWindow w;

    @Start
    void start(Stage stage) {
        EditorHarness.open(stage);
    }

    private void onA1920x1080Screen() throws Exception {
        w = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            EditorWindow big = new EditorWindow(stage);
            Scene scene = new Scene(big.root(), 1920, 1080);
            URL css = EditorApp.class.getResource("/chanvas-assets/css/chanvas-light.css");
            if (css != null) {
                scene.getStylesheets().add(css.toExternalForm());
            }
            stage.setScene(scene);
            big.root().applyCss();
            big.root().layout();
            return big;
        }).get(10, TimeUnit.SECONDS);
    }

    private void save(String name) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
            w.root().applyCss();
            w.root().layout();
            w.view().paintNow();
            return w.root().getScene().snapshot(null);
        }).get(10, TimeUnit.SECONDS);
        Files.createDirectories(OUT);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", OUT.resolve(name).toFile());
    }

    private long deadlockingSeed(Network n) throws Exception {
        for (long seed = 1; seed < 200; seed++) {
            RunSession s = new RunSession(RunSessionTest.plan(n), seed);
            while (s.advance(false) != null) {
                // to the end
            }
            if (s.outcome().orElseThrow() instanceof RunOutcome.Deadlocked) {
                return seed;
            }
        }
        throw new AssertionError("no seed under 200 deadlocks the philosophers");
    }

    @Test
    void thePhilosophersMidRunThenDeadlocked(FxRobot robot) throws Exception {
        onA1920x1080Screen();
        robot.interact(() -> w.files().openFile(ExampleLibrary.locate().find("dining-philosophers.").orElseThrow()));
        long seed = deadlockingSeed(w.document().network());
        robot.interact(() -> {
            w.runs().seedProperty().set(seed);
            w.setPresentation(true, false);
            w.togglePresentationConsole();
        });
        for (int i = 0; i < 4; i++) {
            robot.interact(() -> w.runs().step());
            await(() -> !w.runs().inFlight());
        }
        robot.interact(() -> w.runs().step());
        await(() -> w.runs().overlay().tokens().stream().anyMatch(t -> t.t() > 0.35 && t.t() < 0.7)
                || !w.runs().inFlight());
        save("presentation-1920.png");

        robot.interact(() -> {
            w.togglePresentationConsole();
            w.runs().speedProperty().set(1.0);
            w.runs().run();
        });
        await(() -> w.runs().outcome().isPresent() && w.messages().isShowing());
        assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Deadlocked.class);
        assertThat(w.messages().isOneLine()).isTrue();
        save("presentation-deadlock.png");
    }
}
