package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.chanvas.app.diagram.ProcessState;
import org.chanvas.app.diagram.RunOverlay;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.app.editor.panels.ConsolePanel;
import org.chanvas.app.editor.run.RunSession;
import org.chanvas.runtime.engine.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the screen shows of a run, in order: a message's effects only when it arrives, true end states, an
 * exact step back, and an endless run at instant speed that leaves the window answering and memory bounded.
 */
@ExtendWith(ApplicationExtension.class)
class LockstepRunTest {

    private EditorWindow w;

    /** One drawn frame: the messages on their way and the Console's printed lines then. */
    private record Frame(List<RunOverlay.Token> tokens, List<String> printed) {
    }

    @Start
    void start(Stage stage) {
        w = EditorHarness.open(stage);
    }

    private void open(FxRobot robot, String stem) {
        robot.interact(() -> w.files().openFile(ExampleLibrary.locate().find(stem).orElseThrow()));
    }

    private void speed(FxRobot robot, double s) {
        robot.interact(() -> robot.lookup("#speed").queryAs(Slider.class).setValue(s));
    }

    private List<String> printed() {
        return w.console().lines().stream().filter(l -> l.kind() == ConsolePanel.Line.Kind.PRINT)
                .map(ConsolePanel.Line::plain).toList();
    }

    @Test
    void aPrintedLineAppearsOnlyAfterItsMessageHasReachedTheConsumer(FxRobot robot) throws Exception {
        open(robot, "prod-cons-kill");
        speed(robot, 0.55);
        List<Frame> frames = Collections.synchronizedList(new ArrayList<>());
        robot.interact(() -> w.runs().setOnFrame(() -> {
            RunOverlay o = w.runs().overlay();
            frames.add(new Frame(o == null ? List.of() : o.tokens(), printed()));
        }));
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Finished.class);

        List<Frame> seen = List.copyOf(frames);
        for (int k = 0; k < 4; k++) {
            String value = "Message " + k;
            String line = "consumer: " + value;
            int lastOnWire = -1;
            int firstPrinted = -1;
            for (int i = 0; i < seen.size(); i++) {
                Frame f = seen.get(i);
                boolean onWire = f.tokens().stream().anyMatch(t -> t.reader().equals("consumer")
                        && t.value().equals(value) && t.t() > 0.5 && t.t() < 1);
                if (onWire) {
                    lastOnWire = i;
                    assertThat(f.printed()).as("frame %d: %s is still on its way to the consumer", i, value)
                            .doesNotContain(line);
                }
                if (firstPrinted < 0 && f.printed().contains(line)) {
                    firstPrinted = i;
                }
            }
            assertThat(lastOnWire).as("%s was seen travelling from the queue to the consumer", value).isNotNegative();
            assertThat(firstPrinted).as("%s printed after it arrived", value).isGreaterThan(lastOnWire);
        }
        assertThat(printed()).containsExactly("consumer: Message 0", "consumer: Message 1", "consumer: Message 2",
                "consumer: Message 3");
    }

    @Test
    void atTheEndEveryProcessShowsItsFinalStateAndTheBannerMatchesTheDrawing(FxRobot robot) throws Exception {
        open(robot, "prod-cons-kill");
        speed(robot, 1.0);
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().overlay().states()).isEqualTo(Map.of("producer", ProcessState.FINISHED,
                "consumer", ProcessState.FINISHED));
        assertThat(w.runs().overlay().tokens()).isEmpty();

        open(robot, "prod-cons.");
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.messages().message()).contains("every peer has ended");
        assertThat(w.runs().overlay().states()).isEqualTo(Map.of("producer", ProcessState.FINISHED,
                "consumer", ProcessState.WAITING_TO_RECEIVE));
    }

    /** What one moment of a run looks like on screen. */
    private record Moment(RunOverlay overlay, List<String> console, int consumerLine, int editorLine, long move) {
    }

    private Moment moment() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new Moment(w.runs().overlay(), w.console().plainLines(),
                w.runs().lineOf("consumer"), w.inspector().processInspector().scriptEditor().runLine(),
                w.runs().positionProperty().get())).get(10, TimeUnit.SECONDS);
    }

    private void stepAndLand(FxRobot robot) throws Exception {
        robot.interact(() -> w.runs().step());
        await(() -> !w.runs().inFlight());
    }

    @Test
    void stepBackRestoresExactlyThePreviousStateDiagramConsoleAndLine(FxRobot robot) throws Exception {
        open(robot, "prod-cons-kill");
        robot.interact(() -> w.selection().selectProcess("consumer"));
        for (int i = 0; i < 4; i++) {
            stepAndLand(robot);
        }
        Moment before = moment();
        assertThat(before.editorLine()).isEqualTo(before.consumerLine()).isPositive();
        stepAndLand(robot);
        Moment after = moment();
        assertThat(after).isNotEqualTo(before);
        assertThat(after.move()).isGreaterThan(before.move());

        robot.interact(() -> w.runs().stepBack());
        assertThat(moment()).isEqualTo(before);

        // Stepping back while a message is on its way returns to where that step began.
        robot.interact(() -> {
            w.runs().step();
            w.runs().stepBack();
        });
        assertThat(moment()).isEqualTo(before);

        // And forward again replays the same move: the same state as the first time.
        stepAndLand(robot);
        assertThat(moment()).isEqualTo(after);
        robot.interact(() -> w.runs().restart());
        assertThat(moment().move()).isZero();
        assertThat(printed()).isEmpty();
    }

    /** A ping-pong that never ends and prints every hundredth round (every round would reach the print limit). */
    private static org.chanvas.model.Network quietPingPong() {
        org.chanvas.model.Network n = RunSessionTest.pingPong();
        return n.withProcesses(List.of(n.processes().get(0).withScript(
                        "n = 0\nforever {\n  send out n\n  n = recv in\n  if n % 100 == 0 {\n    print \"got {n}\"\n  }\n}"),
                n.processes().get(1)));
    }

    @Test
    void anEndlessRunAtInstantSpeedKeepsTheFxThreadAnsweringWithin50MsAndTheHeapBoundedFor10s(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("ping-pong.chanvas.json");
        org.chanvas.model.io.ChanvasFormat.save(quietPingPong(), file);
        robot.interact(() -> w.files().openFile(file));
        RunSession.Limits limits = new RunSession.Limits(256, 16, 500);
        robot.interact(() -> w.runs().setHistoryLimits(limits));
        speed(robot, 1.0);
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        robot.clickOn("#run-button");

        // The FX thread's answer to a posted runnable, again and again for 10 s: the wait is its latency (the
        // work of the frame it was in, a wait for the renderer, the machine's scheduling). No sleeps: each
        // question is asked as soon as the last is answered.
        long begun = System.nanoTime();
        long worst = 0;
        long questions = 0;
        long heapAfterWarmUp = -1;
        long heapMax = 0;
        var collectors = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
        long gcInWorst = 0;
        while (System.nanoTime() - begun < TimeUnit.SECONDS.toNanos(10)) {
            long gcBefore = collectors.stream().mapToLong(c -> c.getCollectionTime()).sum();
            long asked = System.nanoTime();
            long answered = WaitForAsyncUtils.asyncFx(System::nanoTime).get(10, TimeUnit.SECONDS);
            long gcDuring = collectors.stream().mapToLong(c -> c.getCollectionTime()).sum() - gcBefore;
            questions++;
            if (asked - begun > TimeUnit.SECONDS.toNanos(1)) {
                if (answered - asked > worst) {
                    gcInWorst = gcDuring; // how much of the longest wait the collector took (whole ms)
                }
                worst = Math.max(worst, answered - asked); // the first second warms the code up (JIT)
                if (heapAfterWarmUp < 0) {
                    System.gc();
                    heapAfterWarmUp = memory.getHeapMemoryUsage().getUsed();
                }
                heapMax = Math.max(heapMax, memory.getHeapMemoryUsage().getUsed());
            }
        }
        long moves = w.runs().inspect(RunSession::end).orElse(0L);
        System.gc();
        long heapAtEnd = memory.getHeapMemoryUsage().getUsed();
        System.out.printf("instant ping-pong for 10 s: %d moves, %d questions to the FX thread, longest wait %.1f ms"
                        + " (%d ms of it in garbage collection); heap %d MB after warm-up, %d MB at most, %d MB at the end%n",
                moves, questions, worst / 1e6, gcInWorst, heapAfterWarmUp >> 20, heapMax >> 20, heapAtEnd >> 20);
        assertThat(moves).as("moves in 10 s at instant speed").isGreaterThan(100_000);
        assertThat(worst / 1e6).as("longest wait for the FX thread, ms").isLessThan(50);
        assertThat(heapAtEnd - heapAfterWarmUp).as("heap growth over the run, bytes").isLessThan(64L << 20);
        assertThat(w.runs().inspect(RunSession::movesKept).orElseThrow())
                .isLessThanOrEqualTo((long) limits.chunk() * limits.maxChunks());
        assertThat(w.runs().inspect(RunSession::checkpointsKept).orElseThrow()).isLessThanOrEqualTo(limits.maxChunks());
        assertThat(w.runs().inspect(RunSession::printsKept).orElseThrow()).isLessThanOrEqualTo(2 * limits.maxPrints());
        assertThat(WaitForAsyncUtils.asyncFx(() -> w.console().lines().size()).get()).isLessThanOrEqualTo(5001);
        assertThat(w.runs().runningProperty().get()).isTrue();

        robot.clickOn("#stop-button");
        assertThat(w.runs().driverIdle(100)).as("the driver ended within 100 ms of Stop").isTrue();
        assertThat(w.runs().runningProperty().get()).isFalse();
        assertThat(w.runs().overlay()).isNull();
        assertThat(w.document().lockedProperty().get()).isFalse();
    }

    @Test
    void aSeedGivesTheSameRunEachTimeAndAgainReplaysTheLastOne(FxRobot robot) throws Exception {
        open(robot, "pool-with-results");
        speed(robot, 1.0);
        robot.interact(() -> robot.lookup("#seed").queryAs(javafx.scene.control.TextField.class).setText("12"));
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        List<String> first = WaitForAsyncUtils.asyncFx(() -> w.console().plainLines()).get();
        assertThat(w.runs().stateTextProperty().get()).endsWith("seed 12");
        assertThat(first.getFirst()).isEqualTo("Run started (" + w.document().network().processes().size()
                + " processes, seed 12).");

        // A random seed for the next run, then "Again" goes back to seed 12 and its very output.
        robot.interact(() -> robot.lookup("#seed").queryAs(javafx.scene.control.TextField.class).setText(""));
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        long random = w.runs().lastSeed().orElseThrow();
        robot.interact(() -> w.runs().runAgain());
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().lastSeed()).contains(random);
        robot.interact(() -> robot.lookup("#seed").queryAs(javafx.scene.control.TextField.class).setText("12"));
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        assertThat(WaitForAsyncUtils.asyncFx(() -> w.console().plainLines()).get()).isEqualTo(first);
    }

    @Test
    void draggingTheTimelineShowsThatMomentOfTheRun(FxRobot robot) throws Exception {
        open(robot, "prod-cons-kill");
        speed(robot, 1.0);
        robot.interact(() -> w.runs().seedProperty().set(3L));
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        RunSession same = new RunSession(RunSessionTest.plan(w.document().network()), 3);
        while (same.advance(false) != null) {
            // the same run, without a window
        }
        Slider timeline = robot.lookup("#timeline").queryAs(Slider.class);
        for (long k : new long[] {5, 2, 9, 0}) {
            robot.interact(() -> timeline.setValue(k));
            same.seek(k);
            assertThat(w.runs().positionProperty().get()).isEqualTo(k);
            assertThat(w.runs().overlay().states()).as("move " + k).isEqualTo(same.picture().states());
            List<String> expected = same.prints(-1, k, 100).stream().map(p -> "consumer: " + p.text()).toList();
            assertThat(printed()).as("move " + k).isEqualTo(expected);
            assertThat(w.messages().isShowing()).isFalse();
        }
        robot.interact(() -> w.runs().seek(Long.MAX_VALUE));
        assertThat(w.runs().outcome()).containsInstanceOf(RunOutcome.Finished.class);
        assertThat(w.console().plainLines()).last().isEqualTo("All processes finished.");
    }

    @Test
    void newAndOpenStartWithAnEmptyConsole(FxRobot robot) throws Exception {
        open(robot, "prod-cons-kill");
        speed(robot, 1.0);
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.console().lines()).isNotEmpty();
        robot.interact(() -> w.files().newDocument());
        assertThat(w.console().lines()).isEmpty();
        assertThat(w.runs().overlay()).isNull();

        open(robot, "prod-cons-kill");
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        open(robot, "pool-with-results");
        assertThat(w.console().lines()).isEmpty();
        assertThat(w.messages().isShowing()).isFalse();
    }

    @Test
    void runningAHundredTimesTabulatesOutcomesAndAClickReplaysASeed(FxRobot robot) throws Exception {
        open(robot, "dining-philosophers.");
        var dialog = WaitForAsyncUtils.asyncFx(() -> w.runs().runMany(30)).get().orElseThrow();
        await(() -> !dialog.table().getItems().isEmpty());
        var rows = dialog.table().getItems();
        assertThat(rows.stream().mapToInt(org.chanvas.app.editor.run.OutcomeTable.Row::count).sum()).isEqualTo(30);
        var deadlock = rows.stream().filter(r -> r.outcome().equals("deadlock")).findFirst().orElseThrow();
        speed(robot, 1.0);
        robot.clickOn(robot.lookup("#outcome-table .table-row-cell").nth(rows.indexOf(deadlock))
                .<javafx.scene.Node>query());
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().lastSeed()).contains(deadlock.seed());
        assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Deadlocked.class);
    }

    @Test
    void theSequenceChartShowsEachMessageUpToTheMoveShownAndAClickJumpsThere(FxRobot robot) throws Exception {
        open(robot, "prod-cons-kill");
        speed(robot, 1.0);
        robot.interact(() -> w.runs().seedProperty().set(3L));
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        robot.clickOn("#sequence-tab .tab-label");
        var chart = robot.lookup("#sequence-chart").queryAs(org.chanvas.app.editor.run.SequenceChart.class);
        assertThat(chart.messages()).extracting(RunSession.Message::value)
                .containsExactly("Message 0", "Message 1", "Message 2", "Message 3", "kill");
        assertThat(chart.messages()).allMatch(m -> m.from().equals("producer") && m.to().equals("consumer"));
        long second = chart.messages().get(1).move();
        robot.interact(() -> w.runs().seek(second));
        assertThat(chart.messages()).extracting(RunSession.Message::value).containsExactly("Message 0", "Message 1");
        assertThat(printed()).containsExactly("consumer: Message 0", "consumer: Message 1");

        // A click on the first arrow shows the diagram at its move.
        long first = chart.messages().getFirst().move();
        var arrow = chart.chartLayout().arrows().getFirst().path();
        var on = org.chanvas.app.diagram.Pt.lerp(arrow.getFirst(), arrow.getLast(), 0.75);
        robot.interact(() -> chart.reveal(on));
        robot.clickOn(chart.localToScreen(chart.toLocal(on)));
        await(() -> w.runs().positionProperty().get() == first);
        assertThat(printed()).containsExactly("consumer: Message 0");
    }
}
