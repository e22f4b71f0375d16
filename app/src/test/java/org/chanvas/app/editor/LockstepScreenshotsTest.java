package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.chanvas.app.diagram.ProcessState;
import org.chanvas.app.diagram.RunOverlay;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.runtime.engine.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run walked by hand, as a lecturer shows it, saved in {@code target/screenshots/} for a person to look at:
 * a message on its way with the Console not ahead of it, a step back, and prod-cons-kill at its end.
 */
@ExtendWith(ApplicationExtension.class)
class LockstepScreenshotsTest {

    private static final Path OUT = Path.of("target", "screenshots");

    private EditorWindow w;

    @Start
    void start(Stage stage) {
        w = EditorHarness.open(stage);
    }

    private void save(String name) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
            w.view().paintNow();
            return w.root().getScene().snapshot(null);
        }).get(10, TimeUnit.SECONDS);
        Files.createDirectories(OUT);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", OUT.resolve(name).toFile());
    }

    private void openKill(FxRobot robot) {
        robot.interact(() -> {
            w.files().openFile(ExampleLibrary.locate().find("prod-cons-kill").orElseThrow());
            w.view().fitToWindow();
            w.selection().selectProcess("consumer");
            w.runs().seedProperty().set(7L);
        });
    }

    private void stepAndLand(FxRobot robot) throws Exception {
        robot.interact(() -> w.runs().step());
        await(() -> !w.runs().inFlight());
    }

    @Test
    void aMessageOnItsWayThenAStepBack(FxRobot robot) throws Exception {
        openKill(robot);
        // Step until a step carries a message out of the queue to the consumer, and catch it on the wire.
        RunOverlay[] mid = new RunOverlay[1];
        List<String>[] consoleThen = new List[1];
        for (int i = 0; i < 20 && mid[0] == null; i++) {
            await(() -> !w.runs().inFlight());
            consoleThen[0] = WaitForAsyncUtils.asyncFx(() -> w.console().plainLines()).get();
            robot.interact(() -> w.runs().step());
            await(() -> {
                RunOverlay o = w.runs().overlay();
                if (o.tokens().stream().anyMatch(t -> t.reader().equals("consumer") && t.t() > 0.62 && t.t() < 0.9)
                        && consoleThen[0].contains("consumer: Message 0")) {
                    mid[0] = o;
                    return true;
                }
                return !w.runs().inFlight();
            });
        }
        assertThat(mid[0]).as("a message seen on its way to the consumer").isNotNull();
        String line = "consumer: " + mid[0].tokens().getFirst().value();
        assertThat(WaitForAsyncUtils.asyncFx(() -> w.console().plainLines()).get()).doesNotContain(line);
        save("run-mid-flight-lockstep.png");
        await(() -> !w.runs().inFlight());
        assertThat(w.console().plainLines()).contains(line);
        save("step-after.png");
        robot.interact(() -> w.runs().stepBack());
        assertThat(WaitForAsyncUtils.asyncFx(() -> w.console().plainLines()).get()).isEqualTo(consoleThen[0]);
        save("step-back.png");
    }

    @Test
    void prodConsKillAtItsEnd(FxRobot robot) throws Exception {
        openKill(robot);
        robot.interact(() -> robot.lookup("#speed").queryAs(Slider.class).setValue(1.0));
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Finished.class);
        assertThat(w.runs().overlay().states().values()).containsOnly(ProcessState.FINISHED);
        save("prod-cons-kill-end.png");
    }

    @Test
    void presentationModeMidRun(FxRobot robot) throws Exception {
        openKill(robot);
        robot.interact(() -> w.setPresentation(true, false));
        for (int i = 0; i < 3; i++) {
            stepAndLand(robot);
        }
        robot.interact(() -> w.runs().step());
        await(() -> w.runs().overlay().tokens().stream().anyMatch(t -> t.t() > 0.1 && t.t() < 0.9)
                || !w.runs().inFlight());
        save("presentation-mid-run.png");
        robot.interact(() -> w.setPresentation(false));
    }

    @Test
    void theSequenceChartBesideADeadlock(FxRobot robot) throws Exception {
        robot.interact(() -> {
            w.files().openFile(ExampleLibrary.locate().find("dining-philosophers.").orElseThrow());
            w.view().fitToWindow();
            robot.lookup("#speed").queryAs(Slider.class).setValue(1.0);
        });
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Deadlocked.class);
        robot.clickOn("#sequence-tab .tab-label");
        save("sequence-deadlock.png");
    }
}
