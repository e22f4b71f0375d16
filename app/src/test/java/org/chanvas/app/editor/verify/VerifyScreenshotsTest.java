package org.chanvas.app.editor.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.chanvas.app.editor.EditorApp;
import org.chanvas.app.editor.EditorWindow;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.runtime.engine.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Verify as a lecturer shows it, saved in {@code target/screenshots/} for a person to look at: a proof badge
 * with its cycle proven safe, and the philosophers' counterexample stepped to its deadlock.
 */
@ExtendWith(ApplicationExtension.class)
class VerifyScreenshotsTest {

    private static final Path OUT = Path.of("target", "screenshots");

    private EditorWindow w;

    @Start
    void start(Stage stage) {
        w = new EditorWindow(stage);
        Scene scene = new Scene(w.root(), 1440, 900);
        URL css = EditorApp.class.getResource("/chanvas-assets/css/chanvas-light.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private void save(String name) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
            w.view().paintNow();
            return w.root().getScene().snapshot(null);
        }).get(10, TimeUnit.SECONDS);
        Files.createDirectories(OUT);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", OUT.resolve(name).toFile());
    }

    private void open(FxRobot robot, String stem) {
        robot.interact(() -> {
            w.files().openFile(ExampleLibrary.locate().find(stem).orElseThrow());
            w.view().fitToWindow();
        });
    }

    @Test
    void aProofBadge(FxRobot robot) throws Exception {
        open(robot, "ring-buffered");
        robot.interact(() -> w.verify().verify());
        await(() -> w.verify().outcomeProperty().get() == VerifyController.Outcome.PROVEN);
        robot.interact(() -> w.showConsole(false));
        WaitForAsyncUtils.waitForFxEvents();
        save("editor-verify-proof.png");
        assertThat(Files.size(OUT.resolve("editor-verify-proof.png"))).isPositive();
    }

    @Test
    void aCounterexampleSteppedToItsDeadlock(FxRobot robot) throws Exception {
        open(robot, "dining-philosophers");
        robot.interact(() -> w.verify().verify());
        await(() -> w.verify().outcomeProperty().get() == VerifyController.Outcome.COUNTEREXAMPLE);
        for (int i = 0; i < 20 && WaitForAsyncUtils.asyncFx(() -> w.runs().outcome().isEmpty()).get(); i++) {
            robot.interact(() -> w.runs().step());
            await(() -> !w.runs().inFlight());
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> w.runs().outcome()).get())
                .containsInstanceOf(RunOutcome.Deadlocked.class);
        WaitForAsyncUtils.waitForFxEvents();
        save("editor-verify-counterexample.png");
        assertThat(Files.size(OUT.resolve("editor-verify-counterexample.png"))).isPositive();
    }
}
