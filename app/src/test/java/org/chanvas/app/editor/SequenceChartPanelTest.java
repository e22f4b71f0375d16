package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.chanvas.app.chart.ChartLayout;
import org.chanvas.app.chart.SequenceChartModel;
import org.chanvas.app.diagram.Pt;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.app.editor.run.SequenceChart;
import org.chanvas.app.export.ExportResult;
import org.chanvas.runtime.engine.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Sequence panel follows the run shown: never ahead of the diagram while it plays, one arrow fewer after a
 * step back, a click on an arrow shows that move, waits shaded and the cycle at the bottom of a deadlock, and
 * the chart on screen exported to a file.
 */
@ExtendWith(ApplicationExtension.class)
class SequenceChartPanelTest {

    private EditorWindow w;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        w = EditorHarness.open(stage);
    }

    private SequenceChart chart(FxRobot robot) {
        robot.clickOn("#sequence-tab .tab-label");
        return robot.lookup("#sequence-chart").queryAs(SequenceChart.class);
    }

    private void open(FxRobot robot, String stem, long seed, double speed) {
        robot.interact(() -> {
            w.files().openFile(ExampleLibrary.locate().find(stem).orElseThrow());
            w.runs().seedProperty().set(seed);
            robot.lookup("#speed").queryAs(Slider.class).setValue(speed);
        });
    }

    @Test
    void whilePlayingTheChartIsNeverAheadOfTheDiagramAndItsLatestArrowIsTheMoveShown(FxRobot robot) throws Exception {
        open(robot, "prod-cons-kill", 3, 0.6);
        SequenceChart chart = chart(robot);
        List<String> ahead = Collections.synchronizedList(new ArrayList<>());
        List<Integer> counts = Collections.synchronizedList(new ArrayList<>());
        robot.interact(() -> w.runs().setOnFrame(() -> {
            long at = w.runs().positionProperty().get();
            SequenceChartModel m = chart.model();
            counts.add(m.messages().size());
            m.messages().stream().filter(x -> x.ref() > at)
                    .forEach(x -> ahead.add(x.value() + " at move " + x.ref() + " while the diagram shows " + at));
        }));
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        assertThat(ahead).isEmpty();
        // Live: the chart grew during the run, one message at a time.
        assertThat(counts).contains(1, 2, 3, 4);
        assertThat(chart.model().messages()).extracting(SequenceChartModel.Message::value)
                .containsExactly("Message 0", "Message 1", "Message 2", "Message 3", "kill");
        assertThat(chart.current()).isEqualTo(chart.model().messages().getLast().ref());
        assertThat(chart.model().end()).isInstanceOf(SequenceChartModel.End.Finished.class);
    }

    @Test
    void stepBackRemovesTheLastArrowAndAClickOnAnArrowJumpsToItsMove(FxRobot robot) throws Exception {
        open(robot, "prod-cons-kill", 3, 1.0);
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        SequenceChart chart = chart(robot);
        List<SequenceChartModel.Message> all = chart.model().messages();
        assertThat(all).hasSize(5);

        // Back before the take of "kill": its arrow goes; the message waits in the buffer again, drawn pending.
        robot.interact(() -> w.runs().stepBack());
        assertThat(chart.model().messages()).containsExactlyElementsOf(all.subList(0, 4));
        assertThat(chart.model().pending()).extracting(SequenceChartModel.Message::value).containsExactly("kill");
        assertThat(chart.model().end()).isInstanceOf(SequenceChartModel.End.Open.class);
        assertThat(chart.current()).isEqualTo(all.get(3).ref());
        // Back before its put: the pending arrow goes too.
        robot.interact(() -> w.runs().stepBack());
        assertThat(chart.model().messages()).containsExactlyElementsOf(all.subList(0, 4));
        assertThat(chart.model().pending()).isEmpty();
        assertThat(chart.chartLayout().arrows()).hasSize(4);

        // A click on the second arrow shows the diagram just after its move.
        ChartLayout.Arrow second = chart.chartLayout().arrows().get(1);
        Pt on = Pt.lerp(second.path().getFirst(), second.path().getLast(), 0.75);
        robot.interact(() -> chart.reveal(on));
        Point2D local = chart.toLocal(on);
        assertThat(local.getY()).isBetween(0.0, chart.getHeight());
        robot.clickOn(chart.localToScreen(local));
        await(() -> w.runs().positionProperty().get() == all.get(1).ref());
        assertThat(chart.model().messages()).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(w.console().lines().stream().filter(l -> l.kind() == org.chanvas.app.editor.panels.ConsolePanel.Line.Kind.PRINT)
                .map(org.chanvas.app.editor.panels.ConsolePanel.Line::plain).toList())
                .containsExactly("consumer: Message 0", "consumer: Message 1");
    }

    @Test
    void aDeadlockShadesTheWaitsAndEndsInTheCycleAndTheChartExportsAsShown(FxRobot robot) throws Exception {
        open(robot, "dining-philosophers.", 1, 1.0);
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Deadlocked.class);
        SequenceChart chart = chart(robot);
        SequenceChartModel m = chart.model();
        assertThat(m.end()).isInstanceOf(SequenceChartModel.End.Deadlocked.class);
        List<String> cycle = ((SequenceChartModel.End.Deadlocked) m.end()).diagnosis().cycle();
        assertThat(cycle).isNotEmpty();
        assertThat(m.waits()).filteredOn(SequenceChartModel.Wait::open).extracting(SequenceChartModel.Wait::process)
                .containsAll(cycle);
        assertThat(chart.chartLayout().end().cycle()).hasSize(cycle.size());

        Path svg = dir.resolve("chart.svg");
        List<ExportResult> written = new ArrayList<>();
        robot.interact(() -> written.add(chart.exportTo(svg)));
        assertThat(written).singleElement().isInstanceOf(ExportResult.Written.class);
        String text = Files.readString(svg);
        assertThat(text.split("class='lifeline'", -1)).hasSize(w.document().network().processes().size() + 1);
        assertThat(text.split("class='message'", -1)).hasSize(m.messages().size() + 1);
    }

    /**
     * docs/editor-chart-deadlock.png: the philosophers' deadlock on the diagram with the chart below it, the
     * panel made tall enough to show the whole run; saved in target/screenshots for a person to look at.
     */
    @Test
    void screenshotOfTheChartBesideADeadlock(FxRobot robot) throws Exception {
        open(robot, "dining-philosophers.", 1, 1.0);
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        chart(robot);
        robot.interact(() -> {
            for (javafx.scene.Node n : robot.lookup(".split-pane").queryAll()) {
                if (n instanceof javafx.scene.control.SplitPane sp && sp.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                    sp.setDividerPositions(0.56);
                }
            }
        });
        robot.interact(() -> w.view().fitToWindow());
        javafx.scene.image.WritableImage img = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            w.view().paintNow();
            return w.root().getScene().snapshot(null);
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                out.resolve("editor-chart-deadlock.png").toFile());
        assertThat(out.resolve("editor-chart-deadlock.png")).exists();
    }
}
