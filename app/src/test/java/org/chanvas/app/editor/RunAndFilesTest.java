package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.await;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.chanvas.app.diagram.ProcessState;
import org.chanvas.app.diagram.RunOverlay;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.app.editor.panels.ConsolePanel;
import org.chanvas.model.Network;
import org.chanvas.runtime.engine.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening files (good and broken) and running networks in the real window. */
@ExtendWith(ApplicationExtension.class)
class RunAndFilesTest {

    private EditorWindow w;

    @Start
    void start(Stage stage) {
        w = EditorHarness.open(stage);
    }

    private void runInstantly(FxRobot robot) {
        robot.interact(() -> robot.lookup("#speed").queryAs(Slider.class).setValue(1.0));
        robot.clickOn("#run-button");
    }

    @Test
    void prodConsRunsInstantlyAndTheConsolePrintsEachMessagePrefixedByTheConsumer(FxRobot robot) throws Exception {
        robot.interact(() -> w.files().openFile(EditorHarness.resource("prod-cons.chanvas.json")));
        runInstantly(robot);
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Finished.class);
        List<String> printed = w.console().lines().stream()
                .filter(l -> l.kind() == ConsolePanel.Line.Kind.PRINT).map(ConsolePanel.Line::plain).toList();
        assertThat(printed).containsExactly("consumer: Message 0", "consumer: Message 1", "consumer: Message 2",
                "consumer: Message 3");
        assertThat(w.document().lockedProperty().get()).isFalse();
    }

    @Test
    void theLecturesProdConsPrintsItsFourMessagesThenIsReportedStuck(FxRobot robot) throws Exception {
        Path example = ExampleLibrary.locate().find("prod-cons.").orElseThrow();
        robot.interact(() -> w.files().openFile(example));
        runInstantly(robot);
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().outcome().get()).isInstanceOfSatisfying(RunOutcome.Deadlocked.class,
                d -> assertThat(d.diagnosis().stuck()).isTrue());
        List<String> printed = w.console().lines().stream()
                .filter(l -> l.kind() == ConsolePanel.Line.Kind.PRINT).map(ConsolePanel.Line::plain).toList();
        assertThat(printed).containsExactly("consumer: Message 0", "consumer: Message 1", "consumer: Message 2",
                "consumer: Message 3");
        assertThat(w.messages().message()).startsWith("Stuck: ")
                .contains("consumer waits to receive on in (channel q) for producer, but every peer has ended");
    }

    @Test
    void theKillMessageExampleFinishes(FxRobot robot) throws Exception {
        robot.interact(() -> w.files().openFile(ExampleLibrary.locate().find("prod-cons-kill").orElseThrow()));
        runInstantly(robot);
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Finished.class);
        assertThat(w.console().plainLines()).last().isEqualTo("All processes finished.");
    }

    @Test
    void aDeadlockIsExplainedInWordsAndItsCycleOfWaitsIsDrawn(FxRobot robot) throws Exception {
        robot.interact(() -> w.files().openFile(EditorHarness.resource("ring.chanvas.json")));
        runInstantly(robot);
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Deadlocked.class);

        String banner = w.messages().message();
        assertThat(w.messages().isShowing()).isTrue();
        assertThat(banner).startsWith("Deadlock: ");
        assertThat(banner).contains("a waits to receive on in (channel ca) for c");
        assertThat(banner).contains("Cycle of waits: a \u2192 c \u2192 b \u2192 a");
        assertThat(banner).contains("Static analysis had predicted this cycle");

        RunOverlay overlay = w.runs().overlay();
        assertThat(overlay.waitCycle()).containsExactly(new RunOverlay.WaitEdge("a", "c", "ca"),
                new RunOverlay.WaitEdge("c", "b", "bc"), new RunOverlay.WaitEdge("b", "a", "ab"));
        assertThat(overlay.state("a")).isEqualTo(ProcessState.WAITING_TO_RECEIVE);
        assertThat(w.document().lockedProperty().get()).isFalse();
    }

    @Test
    void savingClearsTheUnsavedMarkAnEditSetsItAndTheSavedFileReopensEqual(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        robot.interact(() -> w.files().openFile(EditorHarness.resource("prod-cons.chanvas.json")));
        javafx.stage.Stage stage = (javafx.stage.Stage) w.root().getScene().getWindow();
        assertThat(stage.getTitle()).isEqualTo("prod-cons.chanvas.json \u2014 Chanvas");
        robot.interact(() -> w.document().execute(org.chanvas.model.edit.MoveProcesses.of("producer", 140, 200)));
        await(() -> stage.getTitle().startsWith("\u2022 "));

        Path copy = dir.resolve("copy.chanvas.json");
        boolean saved = WaitForAsyncUtils.asyncFx(() -> w.files().saveTo(copy)).get(10, TimeUnit.SECONDS);
        assertThat(saved).isTrue();
        await(() -> stage.getTitle().equals("copy.chanvas.json \u2014 Chanvas"));
        Network written = w.document().network();
        robot.interact(() -> w.files().newDocument());
        assertThat(w.document().network().processes()).isEmpty();
        robot.interact(() -> w.files().openFile(copy));
        assertThat(w.document().network()).isEqualTo(written);
    }

    @Test
    void exportWritesAPngOfTheDiagram(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        robot.interact(() -> w.files().openFile(EditorHarness.resource("ring.chanvas.json")));
        Path png = dir.resolve("ring.png");
        boolean ok = WaitForAsyncUtils.asyncFx(() -> w.exports().exportTo(png)).get(20, TimeUnit.SECONDS);
        assertThat(ok).isTrue();
        byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(png), 4);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
    }

    @Test
    void aBrokenFileSaysWhereAndWhyAndLeavesTheOpenDocumentAlone(FxRobot robot) throws Exception {
        robot.interact(() -> w.files().openFile(EditorHarness.resource("prod-cons.chanvas.json")));
        Network before = w.document().network();
        Path file = w.document().file().orElseThrow();

        boolean opened = WaitForAsyncUtils.asyncFx(() -> w.files().openFile(EditorHarness.resource("broken.chanvas.json")))
                .get(10, TimeUnit.SECONDS);
        assertThat(opened).isFalse();
        await(() -> w.messages().isShowing());
        String message = w.messages().message();
        assertThat(message).contains("broken.chanvas.json").contains("processes[1]").contains("unchanged");
        assertThat(w.document().network()).isSameAs(before);
        assertThat(w.document().file()).contains(file);
        assertThat(w.document().isDirty()).isFalse();
    }
}
