package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.await;
import static org.chanvas.app.editor.EditorHarness.centreOf;
import static org.chanvas.app.editor.EditorHarness.rimOf;
import static org.chanvas.app.editor.EditorHarness.screenOf;

import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the real window with mouse and keyboard: add, connect, move, undo, redo, delete. */
@ExtendWith(ApplicationExtension.class)
class DrawingGesturesTest {

    private EditorWindow w;

    @Start
    void start(Stage stage) {
        w = EditorHarness.open(stage);
    }

    private Network network() {
        return w.document().network();
    }

    private void addFromPalette(FxRobot robot, String template, double x, double y) {
        robot.clickOn(template);
        robot.doubleClickOn(screenOf(w, x, y), MouseButton.PRIMARY);
    }

    @Test
    void drawsTwoProcessesAndAChannelAndUndoesAndRedoesEachStep(FxRobot robot) throws Exception {
        addFromPalette(robot, "Producer", 120, 140);
        addFromPalette(robot, "Consumer", 460, 140);
        await(() -> network().processes().size() == 2);
        assertThat(network().process("producer")).get().satisfies(p -> {
            assertThat(p.x()).isEqualTo(120);
            assertThat(p.y()).isEqualTo(140);
            assertThat(p.script()).contains("send out");
        });
        assertThat(network().process("consumer")).isPresent();

        robot.drag(rimOf(w, "producer"), MouseButton.PRIMARY).dropTo(centreOf(w, "consumer"));
        await(() -> network().channels().size() == 1);
        Channel c = network().channels().getFirst();
        assertThat(c.writers()).containsExactly(new Endpoint("producer", "out"));
        assertThat(c.readers()).containsExactly(new Endpoint("consumer", "in"));
        assertThat(c.kind()).isEqualTo(ChannelKind.RENDEZVOUS);

        // One drag, one undo step: the consumer moves 100 right and 60 down (snapped to the grid).
        var from = centreOf(w, "consumer");
        robot.drag(from, MouseButton.PRIMARY).dropTo(from.add(100 * w.view().viewport().scale(), 60 * w.view().viewport().scale()));
        await(() -> network().process("consumer").get().x() == 560);
        assertThat(network().process("consumer").get().y()).isEqualTo(200);

        robot.clickOn("#canvas", MouseButton.PRIMARY);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await(() -> network().process("consumer").get().x() == 460);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await(() -> network().channels().isEmpty());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        await(() -> network().channels().size() == 1);
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        await(() -> network().process("consumer").get().x() == 560);
        assertThat(w.document().isDirty()).isTrue();
    }

    @Test
    void deletingAProcessTakesItsDanglingChannelInOneStep(FxRobot robot) throws Exception {
        addFromPalette(robot, "Producer", 120, 140);
        addFromPalette(robot, "Consumer", 460, 140);
        await(() -> network().processes().size() == 2);
        robot.drag(rimOf(w, "producer"), MouseButton.PRIMARY).dropTo(centreOf(w, "consumer"));
        await(() -> network().channels().size() == 1);

        robot.clickOn(centreOf(w, "producer"));
        await(() -> w.selection().processes().equals(java.util.Set.of("producer")));
        robot.push(KeyCode.DELETE);
        await(() -> network().processes().size() == 1);
        assertThat(network().channels()).isEmpty();

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await(() -> network().processes().size() == 2 && network().channels().size() == 1);
    }

    @Test
    void aSecondReaderJoinsTheChannelAndMakesItShared(FxRobot robot) throws Exception {
        addFromPalette(robot, "Producer", 120, 200);
        addFromPalette(robot, "Consumer", 460, 100);
        addFromPalette(robot, "Consumer", 460, 320);
        await(() -> network().processes().size() == 3);
        robot.drag(rimOf(w, "producer"), MouseButton.PRIMARY).dropTo(centreOf(w, "consumer"));
        await(() -> network().channels().size() == 1);
        robot.drag(rimOf(w, "producer"), MouseButton.PRIMARY).dropTo(centreOf(w, "consumer2"));
        await(() -> network().channels().getFirst().readers().size() == 2);

        Channel shared = network().channels().getFirst();
        assertThat(network().channels()).hasSize(1);
        assertThat(shared.isShared()).isTrue();
        assertThat(shared.readers()).containsExactly(new Endpoint("consumer", "in"), new Endpoint("consumer2", "in"));
        assertThat(w.view().geometry().channel(shared.id()).get().shared()).isTrue();
    }

    @Test
    void rubberBandSelectsAndDuplicatePastesFreshCopies(FxRobot robot) throws Exception {
        addFromPalette(robot, "Producer", 120, 140);
        addFromPalette(robot, "Consumer", 460, 140);
        await(() -> network().processes().size() == 2);
        robot.drag(rimOf(w, "producer"), MouseButton.PRIMARY).dropTo(centreOf(w, "consumer"));
        await(() -> network().channels().size() == 1);

        robot.drag(screenOf(w, 20, 60), MouseButton.PRIMARY).dropTo(screenOf(w, 600, 260));
        await(() -> w.selection().processes().size() == 2);
        assertThat(w.selection().channels()).containsExactly(network().channels().getFirst().id());

        robot.push(KeyCode.CONTROL, KeyCode.D);
        await(() -> network().processes().size() == 4);
        assertThat(network().channels()).hasSize(2);
        assertThat(w.selection().processes()).containsExactlyInAnyOrder("producer2", "consumer2");
        assertThat(network().process("producer2").get().x()).isEqualTo(160);
        List<Endpoint> writers = network().channels().get(1).writers();
        assertThat(writers).containsExactly(new Endpoint("producer2", "out"));
    }

    @Test
    void draggingTheBackgroundWithTheRightButtonPansAndTheWheelZoomsAroundTheCursor(FxRobot robot) throws Exception {
        addFromPalette(robot, "Producer", 200, 200);
        await(() -> network().processes().size() == 1);
        var before = centreOf(w, "producer");
        robot.drag(screenOf(w, 500, 400), MouseButton.SECONDARY).dropBy(-100, -50);
        await(() -> Math.abs(centreOf(w, "producer").getX() - (before.getX() - 100)) < 2);
        assertThat(centreOf(w, "producer").getY()).isCloseTo(before.getY() - 50, org.assertj.core.data.Offset.offset(2.0));
        assertThat(network().process("producer").get().x()).isEqualTo(200);

        var anchor = centreOf(w, "producer");
        // The headless robot has no wheel, so the wheel's event is fired at the canvas where the cursor is.
        var inScene = w.view().localToScene(w.view().screenToLocal(anchor));
        robot.interact(() -> javafx.event.Event.fireEvent(w.view(), new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, inScene.getX(), inScene.getY(), anchor.getX(), anchor.getY(),
                false, false, false, false, false, false, 0, 120, 0, 120,
                javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        await(() -> w.view().viewport().scale() > 1.0);
        // The point under the cursor stays put while everything else grows or shrinks around it.
        assertThat(centreOf(w, "producer").distance(anchor)).isLessThan(3);
    }

    @Test
    void renameInPlaceChangesTheIdAndTheChannelEndsFollow(FxRobot robot) throws Exception {
        addFromPalette(robot, "Producer", 120, 140);
        addFromPalette(robot, "Consumer", 460, 140);
        await(() -> network().processes().size() == 2);
        robot.drag(rimOf(w, "producer"), MouseButton.PRIMARY).dropTo(centreOf(w, "consumer"));
        await(() -> network().channels().size() == 1);

        robot.doubleClickOn(centreOf(w, "producer"), MouseButton.PRIMARY);
        await(() -> robot.lookup("#rename-field").tryQuery().isPresent());
        robot.push(KeyCode.CONTROL, KeyCode.A).write("source").push(KeyCode.ENTER);
        await(() -> network().process("source").isPresent());
        assertThat(network().channels().getFirst().writers()).containsExactly(new Endpoint("source", "out"));
        // The renamed process stays selected, and so stays in the inspector.
        assertThat(w.selection().processes()).containsExactly("source");
    }
}
