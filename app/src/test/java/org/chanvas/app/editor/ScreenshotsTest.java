package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.anyNear;
import static org.chanvas.app.editor.EditorHarness.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.chanvas.app.diagram.Pt;
import org.chanvas.app.diagram.RunOverlay;
import org.chanvas.runtime.engine.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The four states a lecture shows, each asserted and then saved as a PNG of the whole window in
 * {@code target/screenshots/} for a person to look at: an example drawn, a cycle highlighted, a run with
 * messages on the wires, a deadlock explained.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

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

    private void open(FxRobot robot, Path file) {
        robot.interact(() -> {
            w.files().openFile(file);
            w.view().fitToWindow();
        });
    }

    /**
     * The example {@code name.chanvas.json} of the examples folder. A renamed or missing example fails here, naming
     * it, rather than quietly showing another network under the old title.
     */
    private Path example(String name) {
        Path folder = w.files().examples().folder().orElseThrow(() -> new AssertionError(
                "no examples folder found (system property chanvas.examples = "
                        + System.getProperty("chanvas.examples") + ")"));
        Path file = folder.resolve(name + ".chanvas.json");
        assertThat(file).as("example %s", name).isRegularFile();
        return file;
    }

    @Test
    void aCallRingDeadlocked(FxRobot robot) throws Exception {
        open(robot, example("ring-deadlock"));
        robot.interact(() -> robot.lookup("#speed").queryAs(Slider.class).setValue(1.0));
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Deadlocked.class);
        assertThat(w.messages().message()).contains("Static analysis had predicted this cycle");
        save("ring-deadlock.png");
    }

    @Test
    void anExampleDrawn(FxRobot robot) throws Exception {
        open(robot, example("pool-with-results"));
        assertThat(w.view().geometry().processes()).isNotEmpty();
        save("example-drawn.png");
    }

    @Test
    void aCycleHighlighted(FxRobot robot) throws Exception {
        open(robot, EditorHarness.resource("ring.chanvas.json"));
        await(() -> w.report().cycles().size() == 1);
        robot.clickOn(w.report().cycles().getFirst().text());
        await(() -> w.selection().cycleProperty().get() != null);
        Pt mid = w.view().geometry().channel("ab").orElseThrow().segments().getFirst().pointAt(0.5);
        assertThat(anyNear(EditorHarness.snapshot(w), w, mid.x(), mid.y(), 4, EditorHarness::isCycleRed)).isTrue();
        save("cycle-highlighted.png");
    }

    @Test
    void aRunMidFlightWithTokensOnTheWires(FxRobot robot) throws Exception {
        open(robot, example("prod-cons-kill"));
        robot.interact(() -> {
            robot.lookup("#speed").queryAs(Slider.class).setValue(0.15);
            w.selection().selectProcess("consumer");
        });
        robot.clickOn("#run-button");
        var editor = w.inspector().processInspector().scriptEditor();
        await(() -> w.runs().overlay() != null && !w.runs().overlay().tokens().isEmpty() && editor.runLine() > 0);
        RunOverlay overlay = w.runs().overlay();
        assertThat(overlay.tokens()).isNotEmpty();
        assertThat(w.document().lockedProperty().get()).isTrue();
        save("run-mid-flight.png");
        robot.clickOn("#stop-button");
        await(() -> !w.document().lockedProperty().get());
    }

    @Test
    void aScriptErrorIsUnderlinedAndListedInTheInspector(FxRobot robot) throws Exception {
        open(robot, example("prod-cons"));
        robot.interact(() -> w.selection().selectProcess("producer"));
        var editor = w.inspector().processInspector().scriptEditor();
        robot.interact(() -> editor.textProperty().set("for i in 0..4 {\n  send out \"Message {i}\"\n}\nsend out + \"kill\""));
        await(() -> !editor.marks().isEmpty());
        assertThat(editor.marks().getFirst().start()).isGreaterThan(30);
        await(() -> w.problems().problems().stream().anyMatch(p -> p instanceof Problem.Fault));
        save("script-error.png");
    }

    @Test
    void aDeadlockExplained(FxRobot robot) throws Exception {
        open(robot, example("dining-philosophers"));
        robot.interact(() -> robot.lookup("#speed").queryAs(Slider.class).setValue(1.0));
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Deadlocked.class);
        assertThat(w.messages().message()).contains("Cycle of waits");
        save("deadlock-explained.png");
    }
}
