package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.await;
import static org.chanvas.app.editor.EditorHarness.centreOf;
import static org.chanvas.app.editor.EditorHarness.colourAt;
import static org.chanvas.app.editor.EditorHarness.anyNear;
import static org.chanvas.app.editor.EditorHarness.rimOf;
import static org.chanvas.app.editor.EditorHarness.screenOf;

import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.chanvas.app.diagram.Pt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Live deadlock analysis: a cycle drawn with the mouse turns red at once, is listed, and can be justified. */
@ExtendWith(ApplicationExtension.class)
class CycleHighlightTest {

    private EditorWindow w;

    @Start
    void start(Stage stage) {
        w = EditorHarness.open(stage);
    }

    /** The middle of channel {@code id}'s first segment, in diagram units. */
    private Pt middleOf(String id) {
        return w.view().geometry().channel(id).orElseThrow().segments().getFirst().pointAt(0.5);
    }

    @Test
    void closingALoopTurnsItsProcessesAndChannelsRedWithNoButton(FxRobot robot) throws Exception {
        robot.clickOn("Pipeline stage");
        robot.doubleClickOn(screenOf(w, 140, 160), MouseButton.PRIMARY);
        robot.doubleClickOn(screenOf(w, 480, 160), MouseButton.PRIMARY);
        await(() -> w.document().network().processes().size() == 2);
        robot.drag(rimOf(w, "stage"), MouseButton.PRIMARY).dropTo(centreOf(w, "stage2"));
        await(() -> w.document().network().channels().size() == 1);
        assertThat(robot.lookup("#cycle-badge").queryAs(Label.class).getText()).contains("no cycles");
        String first = w.document().network().channels().getFirst().id();
        Pt mid = middleOf(first);
        Image before = EditorHarness.snapshot(w);
        assertThat(anyNear(before, w, mid.x(), mid.y(), 4, EditorHarness::isCycleRed)).isFalse();

        robot.drag(rimOf(w, "stage2"), MouseButton.PRIMARY).dropTo(centreOf(w, "stage"));
        await(() -> w.document().network().channels().size() == 2);
        await(() -> robot.lookup("#cycle-badge").queryAs(Label.class).getText().contains("1 cycle"));
        assertThat(w.problems().problems()).singleElement()
                .isInstanceOfSatisfying(Problem.Cycle.class, c -> assertThat(c.path()).isEqualTo("stage \u2192 stage2 \u2192 stage"));

        Image after = EditorHarness.snapshot(w);
        Pt again = middleOf(first);
        Color c = colourAt(after, w, again.x(), again.y());
        assertThat(anyNear(after, w, again.x(), again.y(), 4, EditorHarness::isCycleRed))
                .as("channel %s near %s (centre pixel %s)", first, again, c).isTrue();

        // Undo the second channel: the loop is open again and the red goes.
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await(() -> robot.lookup("#cycle-badge").queryAs(Label.class).getText().contains("no cycles"));
        Pt back = middleOf(first);
        assertThat(anyNear(EditorHarness.snapshot(w), w, back.x(), back.y(), 4, EditorHarness::isCycleRed)).isFalse();
    }

    @Test
    void aJustifiedCycleTurnsAmberAndSelectingACycleDimsTheRest(FxRobot robot) throws Exception {
        robot.interact(() -> w.files().openFile(EditorHarness.resource("ring.chanvas.json")));
        await(() -> w.report().cycles().size() == 1);
        Problem.Cycle cycle = w.report().cycles().getFirst();
        assertThat(cycle.path()).isEqualTo("a \u2192 b \u2192 c \u2192 a");

        robot.clickOn(cycle.text());
        await(() -> cycle.key().equals(w.selection().cycleProperty().get()));

        robot.interact(() -> w.justify(cycle, "c only starts after a is told to stop"));
        await(() -> w.report().cycles().getFirst().justified());
        assertThat(w.document().network().justified()).singleElement()
                .satisfies(j -> assertThat(j.note()).isEqualTo("c only starts after a is told to stop"));
        assertThat(robot.lookup("#cycle-badge").queryAs(Label.class).getText()).contains("1 justified");
        Pt mid = middleOf("ab");
        Image img = EditorHarness.snapshot(w);
        // Dashed: somewhere along the middle of the arrow there is amber, and no red is left anywhere near.
        assertThat(anyNear(img, w, mid.x(), mid.y(), 8, EditorHarness::isAmber)).isTrue();
        assertThat(anyNear(img, w, mid.x(), mid.y(), 8, EditorHarness::isCycleRed)).isFalse();
    }
}
