package org.chanvas.app.editor.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.chanvas.app.cli.VerifyCommand;
import org.chanvas.app.editor.EditorApp;
import org.chanvas.app.editor.EditorWindow;
import org.chanvas.app.editor.Problem;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.model.edit.MoveProcesses;
import org.chanvas.runtime.engine.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

/**
 * Verify in the editor, driven by the keys a lecturer uses: F8 on a deadlocking network loads the shortest
 * counterexample as a run at move 0 that → walks to the deadlock; F8 on a safe one shows the proof with the
 * state count {@code chanvas verify} prints; Cancel ends a search that would take long; an edit takes the
 * verdict down.
 */
@ExtendWith(ApplicationExtension.class)
class VerifyInEditorTest {

    private EditorWindow w;

    @Start
    void start(Stage stage) {
        w = new EditorWindow(stage);
        Scene scene = new Scene(w.root(), 1280, 820);
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

    private void open(FxRobot robot, String stem) {
        robot.interact(() -> w.files().openFile(ExampleLibrary.locate().find(stem).orElseThrow()));
    }

    private <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** F8, as the lecturer presses it, with the canvas focused. */
    private void pressVerify(FxRobot robot) {
        robot.interact(() -> w.view().requestFocus());
        robot.type(KeyCode.F8);
    }

    /** What {@code chanvas verify FILE} prints, run in this JVM. */
    private static String cliVerify(Path file) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new VerifyCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        cl.execute(file.toString());
        return out.toString();
    }

    private VerifyPanel panel() {
        return (VerifyPanel) w.root().lookup("#verify-panel");
    }

    @Test
    void f8OnThePhilosophersLoadsTheCounterexampleAtMoveZeroAndStepsToItsDeadlock(FxRobot robot) throws Exception {
        open(robot, "dining-philosophers");
        pressVerify(robot);
        await(() -> w.verify().outcomeProperty().get() == VerifyController.Outcome.COUNTEREXAMPLE);

        // At its start: move 0 of a run whose whole history is the counterexample, nothing ended yet.
        assertThat(fx(() -> w.runs().positionProperty().get())).isZero();
        assertThat(fx(() -> w.runs().endProperty().get())).isPositive();
        assertThat(fx(() -> w.runs().outcome())).isEmpty();
        assertThat(fx(() -> w.runs().runningProperty().get())).isTrue();
        assertThat(fx(() -> w.messages().isShowing())).isFalse();
        // The numbered steps are verify's words, and none is reached yet.
        String cli = cliVerify(ExampleLibrary.locate().find("dining-philosophers").orElseThrow());
        List<String> steps = fx(() -> panel().steps());
        assertThat(steps).hasSize(3);
        for (String s : steps) {
            assertThat(cli).contains(s);
        }
        assertThat(fx(() -> panel().reachedStep())).isEqualTo(-1);
        assertThat(fx(() -> w.verify().textProperty().get())).startsWith("Deadlock reachable in 3 moves");

        // → through it: one message a press, then the dead state.
        int presses = 0;
        while (fx(() -> w.runs().outcome().isEmpty()) && presses < 20) {
            robot.interact(() -> w.view().requestFocus());
            robot.type(KeyCode.RIGHT);
            presses++;
            if (fx(() -> w.runs().inFlight())) {
                await(() -> !w.runs().inFlight());
            }
        }
        assertThat(presses).as("a press per message; the last one lands in the dead state").isEqualTo(3);
        // The run bar counts the moves verify counts (communications), not the local steps between them.
        assertThat(fx(() -> w.runs().shownMovesProperty().get())).isEqualTo(3);
        assertThat(fx(() -> w.runs().endMovesProperty().get())).isEqualTo(3);
        assertThat(fx(() -> ((javafx.scene.control.Label) w.root().lookup("#move-label")).getText()))
                .isEqualTo("move 3 / 3");
        RunOutcome end = fx(() -> w.runs().outcome().orElseThrow());
        assertThat(end).isInstanceOf(RunOutcome.Deadlocked.class);
        var d = ((RunOutcome.Deadlocked) end).diagnosis();
        assertThat(d.stuck()).isFalse();
        assertThat(d.cycle()).containsExactlyInAnyOrder("fork1", "philosopher1", "fork2", "philosopher2", "fork3",
                "philosopher3");
        // The same banner and cycle of waits as a run's deadlock, and the last step reached.
        assertThat(fx(() -> w.messages().isShowing())).isTrue();
        assertThat(fx(() -> w.messages().message())).startsWith("Deadlock:").contains("Cycle of waits");
        assertThat(fx(() -> w.runs().overlay().waitCycle())).hasSize(6);
        assertThat(fx(() -> panel().reachedStep())).isEqualTo(2);
        // At its end the counterexample stays: → does not start another run over it.
        robot.type(KeyCode.RIGHT);
        assertThat(fx(() -> w.runs().outcome())).containsInstanceOf(RunOutcome.Deadlocked.class);
        // Home goes back to its start.
        robot.type(KeyCode.HOME);
        assertThat(fx(() -> w.runs().positionProperty().get())).isZero();
        // A click on a step shows the state right after it.
        List<Integer> ends = fx(() -> w.verify().foundProperty().get().counterexample().orElseThrow().stepEnds());
        robot.interact(() -> ((javafx.scene.control.ListView<?>) w.root().lookup("#verify-steps"))
                .getSelectionModel().select(1));
        assertThat(fx(() -> w.runs().positionProperty().get())).isEqualTo((long) ends.get(1));
        assertThat(fx(() -> panel().reachedStep())).isEqualTo(1);
    }

    @Test
    void f8OnASafeRingShowsTheProofWithVerifysStateCountAndAnEditTakesItDown(FxRobot robot) throws Exception {
        open(robot, "ring-buffered");
        assertThat(fx(() -> w.painter().highlights().deadlockProne().hasChannel("ab"))).isTrue();
        pressVerify(robot);
        await(() -> w.verify().outcomeProperty().get() == VerifyController.Outcome.PROVEN);

        String cli = cliVerify(ExampleLibrary.locate().find("ring-buffered").orElseThrow());
        assertThat(cli).contains("(18 states,");
        assertThat(fx(() -> w.verify().textProperty().get()))
                .isEqualTo("deadlock-free \u2014 every one of 18 states explored");
        VerifyBar bar = (VerifyBar) w.root().lookup("#verify-bar");
        assertThat(fx(bar::isVisible)).isTrue();
        assertThat(fx(() -> bar.badge().getText())).contains("deadlock-free \u2014 every one of 18 states explored");
        assertThat(fx(() -> bar.getStyleClass())).contains("verify-proof");
        // The static cycle is proven safe: in the Problems list, and no longer red on the diagram.
        assertThat(fx(() -> w.painter().highlights().deadlockProne().hasChannel("ab"))).isFalse();
        assertThat(fx(() -> w.painter().highlights().justified().hasChannel("ab"))).isTrue();
        assertThat(fx(() -> cellTexts())).anyMatch(t -> t.startsWith("Deadlock-prone cycle a \u2192 b \u2192 c")
                && t.endsWith("proven safe by Verify"));
        assertThat(fx(() -> panel().details())).contains("cycle a -> b -> c (channels ab, bc, ca): proven safe");
        assertThat(fx(() -> ((javafx.scene.control.Label) w.root().lookup("#cycle-badge")).getText()))
                .isEqualTo("\u2713 1 cycle proven safe");

        // An edit: the proof was about the network before it.
        robot.interact(() -> w.document().execute(MoveProcesses.of("a", 300, 120)));
        await(() -> w.verify().outcomeProperty().get() == VerifyController.Outcome.NONE);
        assertThat(fx(bar::isVisible)).isFalse();
        assertThat(fx(() -> w.painter().highlights().deadlockProne().hasChannel("ab"))).isTrue();
        assertThat(fx(() -> cellTexts())).noneMatch(t -> t.contains("Verify"));
        assertThat(fx(() -> ((javafx.scene.control.Label) w.root().lookup("#cycle-badge")).getText()))
                .isEqualTo("\u27f3 1 cycle");
    }

    @Test
    void aJustificationTheCounterexampleDeadlocksThroughIsShownContradicted(FxRobot robot) throws Exception {
        open(robot, "dining-philosophers");
        Problem.Cycle big = fx(() -> w.report().cycles().stream().filter(c -> c.processes().size() == 6)
                .findFirst().orElseThrow());
        robot.interact(() -> w.justify(big, "the forks are shared fairly"));
        pressVerify(robot);
        await(() -> w.verify().outcomeProperty().get() == VerifyController.Outcome.COUNTEREXAMPLE);
        robot.interact(() -> w.problems().list().scrollTo(w.problems().problems().stream()
                .filter(p -> p instanceof Problem.Cycle c && c.key().equals(big.key())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> cellTexts())).anyMatch(t -> t.startsWith("Justified cycle fork1 \u2192 philosopher1 "
                + "\u2192 fork2") && t.endsWith("justification contradicted by Verify: it deadlocks"));
        // Only the note just written (it covers both directions of the ring: one key); the fork-and-philosopher
        // pairs' justifications are not what this deadlock goes through.
        assertThat(fx(() -> cellTexts())).filteredOn(t -> t.contains("contradicted")).hasSize(2)
                .allMatch(t -> t.contains("the forks are shared fairly"));
        assertThat(fx(() -> panel().details())).anyMatch(t -> t.startsWith("justification contradicted: cycle"));
    }

    @Test
    void cancelEndsAHugeExplorationPromptlyAndTheEditorStaysUsable(FxRobot robot) throws Exception {
        Path counters = Path.of(VerifyInEditorTest.class.getResource("counters.chanvas.json").toURI());
        robot.interact(() -> w.files().openFile(counters));
        pressVerify(robot);
        // The first progress report comes after a second of exploring: the search is well under way.
        await(() -> w.verify().textProperty().get().contains("states/s"));
        assertThat(fx(() -> w.verify().exploringProperty().get())).isTrue();
        // The window answers meanwhile: the search is not on the FX thread.
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            assertThat(fx(() -> Platform.isFxApplicationThread() && w.view().isVisible())).isTrue();
            assertThat((System.nanoTime() - t0) / 1_000_000).as("FX round trip, ms").isLessThan(1_000);
        }
        robot.moveTo("#verify-cancel"); // the robot's glide to the button is not the editor's time
        long clicked = System.nanoTime();
        robot.clickOn();
        await(() -> w.verify().outcomeProperty().get() == VerifyController.Outcome.CANCELLED);
        long millis = (System.nanoTime() - clicked) / 1_000_000;
        assertThat(millis).as("cancel to verdict, ms").isLessThan(2_000);
        assertThat(fx(() -> w.verify().textProperty().get())).startsWith("Verify cancelled after ")
                .endsWith("states: no verdict");
        assertThat(fx(() -> w.verify().exploringProperty().get())).isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("chanvas-verify") && t.isAlive()));
        // Usable: an edit goes through, and a run starts.
        robot.interact(() -> w.document().execute(MoveProcesses.of("counter1", 140, 110)));
        assertThat(fx(() -> w.document().network().process("counter1").orElseThrow().x())).isEqualTo(140);
        robot.clickOn("#run-button");
        await(() -> w.runs().runningProperty().get());
        robot.clickOn("#stop-button");
    }

    @Test
    void anInconclusiveSearchSaysWhatKeptGrowingAndTheBound(FxRobot robot) throws Exception {
        Path counters = Path.of(VerifyInEditorTest.class.getResource("counters.chanvas.json").toURI());
        robot.interact(() -> {
            w.files().openFile(counters);
            w.verify().setMaxStates(5_000);
        });
        pressVerify(robot);
        await(() -> w.verify().outcomeProperty().get() == VerifyController.Outcome.INCONCLUSIVE);
        assertThat(fx(() -> w.verify().textProperty().get())).startsWith("Inconclusive after 5,000 states: ")
                .contains("the state bound of 5000 states was reached")
                .contains("variable n of counter1 reaches").contains("keeps growing");
        assertThat(fx(() -> ((VerifyBar) w.root().lookup("#verify-bar")).getStyleClass())).contains("verify-unknown");
        // No verdict, so no run is loaded and no cycle is marked.
        assertThat(fx(() -> w.runs().hasRunProperty().get())).isFalse();
    }

    @Test
    void anEditWhileExploringCancelsTheSearch(FxRobot robot) throws Exception {
        Path counters = Path.of(VerifyInEditorTest.class.getResource("counters.chanvas.json").toURI());
        robot.interact(() -> w.files().openFile(counters));
        pressVerify(robot);
        await(() -> w.verify().exploringProperty().get());
        robot.interact(() -> w.document().execute(MoveProcesses.of("sink1", 440, 110)));
        assertThat(fx(() -> w.verify().exploringProperty().get())).isFalse();
        assertThat(fx(() -> w.verify().outcomeProperty().get())).isEqualTo(VerifyController.Outcome.NONE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("chanvas-verify") && t.isAlive()));
    }

    private List<String> cellTexts() {
        return w.root().lookupAll("#problems .list-cell").stream()
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).filter(t -> t != null).toList();
    }
}
