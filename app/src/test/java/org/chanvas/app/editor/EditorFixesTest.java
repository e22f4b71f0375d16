package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.await;
import static org.chanvas.app.editor.EditorHarness.screenOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.chanvas.app.editor.canvas.GeometryHitTester;
import org.chanvas.app.editor.canvas.Hit;
import org.chanvas.app.editor.files.DialogFolders;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The small things a lecturer tripped over: the rim, the template a double-click adds, dialogs, boxes on boxes. */
@ExtendWith(ApplicationExtension.class)
class EditorFixesTest {

    private EditorWindow w;

    @Start
    void start(Stage stage) {
        w = EditorHarness.open(stage);
    }

    private void open(FxRobot robot, String stem) {
        robot.interact(() -> {
            w.files().openFile(ExampleLibrary.locate().find(stem).orElseThrow());
            w.view().fitToWindow();
        });
    }

    @Test
    void theRimIsAtLeastEightPixelsWideAtAnyZoomAndLightsUpUnderTheMouse(FxRobot robot) throws Exception {
        open(robot, "prod-cons-kill");
        for (double scale : new double[] {0.5, 1, 2}) {
            GeometryHitTester hits = new GeometryHitTester(w.view().geometry());
            var box = w.view().geometry().process("producer").orElseThrow().box();
            double px = 1 / scale; // one screen pixel in diagram units
            double y = box.y() + box.h() / 2;
            assertThat(hits.hit(box.maxX() - 7.5 * px, y, 6 * px, scale)).as("7.5 px inside at " + scale)
                    .contains(new Hit.ProcessRim("producer"));
            assertThat(hits.hit(box.maxX() + 3 * px, y, 6 * px, scale)).as("3 px outside at " + scale)
                    .contains(new Hit.ProcessRim("producer"));
            assertThat(hits.hit(box.x() + box.w() / 2, y, 6 * px, scale)).as("the middle at " + scale)
                    .contains(new Hit.ProcessBody("producer"));
        }
        robot.interact(() -> w.view().fitToWindow());
        Rectangle2D r = w.view().processBoxesOnScreen().get("consumer");
        robot.moveTo(w.view().localToScreen(r.getMaxX() - 4, r.getMinY() + r.getHeight() / 2));
        await(() -> "consumer".equals(w.view().hoverRim()));
        robot.moveTo(w.view().localToScreen(r.getMinX() + r.getWidth() / 2, r.getMinY() + r.getHeight() / 2));
        await(() -> w.view().hoverRim() == null);
    }

    @Test
    void aDoubleClickAddsTheTemplateThePaletteShowsSelected(FxRobot robot) throws Exception {
        Label adds = robot.lookup("#palette-adds").queryAs(Label.class);
        assertThat(adds.getText()).isEqualTo("Double-click the canvas to add: Empty");
        robot.clickOn("Consumer");
        assertThat(adds.getText()).isEqualTo("Double-click the canvas to add: Consumer");
        robot.doubleClickOn(screenOf(w, 300, 200), MouseButton.PRIMARY);
        await(() -> w.document().network().processes().size() == 1);
        assertThat(w.document().network().processes().getFirst().script()).contains("recv in");
    }

    @Test
    void aBoxDroppedOnAnotherIsNudgedAside(FxRobot robot) throws Exception {
        open(robot, "prod-cons-kill");
        Process producer = w.document().network().process("producer").orElseThrow();
        robot.interact(() -> w.canvasGestures().addProcess(ProcessTemplate.empty(), producer.x(), producer.y()));
        await(() -> w.document().network().processes().size() == 3);
        var boxes = w.view().geometry().processes();
        for (var a : boxes) {
            for (var b : boxes) {
                if (a != b) {
                    boolean overlap = a.box().x() < b.box().maxX() && b.box().x() < a.box().maxX()
                            && a.box().y() < b.box().maxY() && b.box().y() < a.box().maxY();
                    assertThat(overlap).as(a.id() + " on " + b.id()).isFalse();
                }
            }
        }
        // one gesture, one undo step
        robot.interact(() -> w.edits().undo());
        assertThat(w.document().network().processes()).hasSize(2);
    }

    @Test
    void dialogsStartInTheLastFolderOrTheDocumentsNeverInsideTheApplication(@TempDir Path dir) throws Exception {
        Path app = Files.createDirectories(dir.resolve("app/examples"));
        Path home = Files.createDirectories(dir.resolve("home"));
        DialogFolders folders = new DialogFolders(Optional.of(app), home);
        assertThat(folders.initial(null, Optional.of(app.resolve("prod-cons.chanvas.json")))).isEqualTo(home);
        Path docs = Files.createDirectories(home.resolve("Documents"));
        assertThat(folders.initial(app, Optional.empty())).isEqualTo(docs);
        Path mine = Files.createDirectories(dir.resolve("lectures"));
        assertThat(folders.initial(null, Optional.of(mine.resolve("ring.chanvas.json")))).isEqualTo(mine);
        Path last = Files.createDirectories(dir.resolve("last"));
        assertThat(folders.initial(last, Optional.of(mine.resolve("ring.chanvas.json")))).isEqualTo(last);
    }

    @Test
    void presentationShowsTheDiagramAloneAndSpaceAndEscapeDoWhatALecturerExpects(FxRobot robot) throws Exception {
        open(robot, "prod-cons-kill");
        robot.interact(() -> w.setPresentation(true, false)); // the Headless platform cannot go full screen
        assertThat(robot.lookup("#palette").tryQuery()).isEmpty();
        assertThat(robot.lookup("#console").tryQuery()).isEmpty();
        assertThat(robot.lookup("#run-bar").tryQuery()).isPresent();
        robot.interact(() -> w.view().requestFocus());
        robot.type(javafx.scene.input.KeyCode.SPACE);
        await(() -> w.runs().runningProperty().get() || w.runs().outcome().isPresent());
        robot.interact(() -> w.view().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        await(() -> !w.presentingProperty().get());
        assertThat(robot.lookup("#palette").tryQuery()).isPresent();
        assertThat(robot.lookup("#console").tryQuery()).isPresent();
    }
}
