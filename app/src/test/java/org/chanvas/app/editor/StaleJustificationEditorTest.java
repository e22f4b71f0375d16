package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.anyNear;
import static org.chanvas.app.editor.EditorHarness.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.chanvas.app.diagram.Pt;
import org.chanvas.model.ChannelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A justification goes stale the moment a channel's kind changes in the inspector: the worker pool's "both
 * queues are unbounded" stops covering its cycles when a queue becomes rendezvous, the Problems list says what
 * changed, the canvas draws the cycle red with a "stale" tag, and re-justifying records the kinds of today.
 */
@ExtendWith(ApplicationExtension.class)
class StaleJustificationEditorTest {

    private EditorWindow w;

    @Start
    void start(Stage stage) {
        w = EditorHarness.open(stage);
    }

    private Path example(String name) {
        Path file = w.files().examples().folder().orElseThrow().resolve(name + ".chanvas.json");
        assertThat(file).isRegularFile();
        return file;
    }

    private String badge(FxRobot robot) {
        return robot.lookup("#cycle-badge").queryAs(Label.class).getText();
    }

    /** Chooses a kind for the channel {@code id} the way a person does: select it, pick from the inspector. */
    private void setKind(FxRobot robot, String id, ChannelKind kind) throws Exception {
        robot.interact(() -> w.selection().selectChannel(id));
        await(() -> robot.lookup("#channel-kind").tryQuery().isPresent()
                && robot.lookup("#channel-kind").query().isVisible());
        robot.clickOn("#channel-kind");
        robot.clickOn(kind.word());
        await(() -> w.document().network().channel(id).orElseThrow().kind() == kind);
    }

    private List<Problem.Cycle> cycles() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> w.report().cycles()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void changingAQueueToRendezvousMakesThePoolsJustificationStaleAndReJustifyingRenewsIt(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            w.files().openFile(example("pool-with-results"));
            w.view().fitToWindow();
        });
        await(() -> w.report().cycles().size() == 2 && w.report().cycles().stream().allMatch(Problem.Cycle::justified));
        assertThat(badge(robot)).contains("2 justified");

        setKind(robot, "work", ChannelKind.RENDEZVOUS);
        await(() -> w.report().cycles().stream().allMatch(Problem.Cycle::isStale));
        assertThat(cycles()).extracting(Problem.Cycle::justified).containsOnly(false);
        assertThat(cycles()).extracting(Problem.Cycle::text).containsExactlyInAnyOrder(
                "Stale justification on cycle master \u2192 worker1 \u2192 master (channels work, results): work was"
                        + " unbounded, now rendezvous; re-justify if the note still holds",
                "Stale justification on cycle master \u2192 worker2 \u2192 master (channels work, results): work was"
                        + " unbounded, now rendezvous; re-justify if the note still holds");
        assertThat(badge(robot)).contains("2 cycles");
        // The list marks the rows as stale, and the canvas draws the cycle red with the word on it.
        Problem.Cycle first = cycles().getFirst();
        assertThat(robot.lookup(".problem-stale").queryAll()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(n -> assertThat(((ListCell<?>) n).getText()).startsWith("Stale justification"));
        Image img = EditorHarness.snapshot(w);
        Pt work = w.view().geometry().channel("work").orElseThrow().segments().getFirst().pointAt(0.5);
        assertThat(anyNear(img, w, work.x(), work.y(), 6, EditorHarness::isCycleRed)).isTrue();
        List<Pt> tags = StaleTags.places(w.view().geometry(), cycles());
        assertThat(tags).hasSize(1); // one justification, so one tag for its two cycles
        assertThat(anyNear(img, w, tags.getFirst().x(), tags.getFirst().y(), 6, EditorHarness::isCycleRed)).isTrue();

        // Changing it back trusts the note again, with no other step.
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        await(() -> w.report().cycles().stream().allMatch(Problem.Cycle::justified));
        assertThat(StaleTags.places(w.view().geometry(), cycles())).isEmpty();

        // Change both queues, as the story goes; then re-justify from the Problems list, keeping the note.
        setKind(robot, "work", ChannelKind.RENDEZVOUS);
        setKind(robot, "results", ChannelKind.RENDEZVOUS);
        await(() -> w.report().cycles().stream().allMatch(c -> c.stale().equals(
                "results was unbounded, now rendezvous; work was unbounded, now rendezvous")));
        robot.clickOn(cycles().getFirst().text());
        await(() -> !robot.lookup("#justify").queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#justify").queryAs(Button.class).getText()).isEqualTo("Re-justify\u2026");
        assertThat(robot.lookup("#unjustify").queryAs(Button.class).isDisabled()).isFalse();
        save("editor-stale-justification.png");
        String note = first.note();
        // The justify action asks for the note again, starting from the old one: OK keeps it.
        robot.clickOn("#justify");
        await(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .text-field").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(note);
        robot.clickOn("OK");
        await(() -> w.report().cycles().stream().allMatch(Problem.Cycle::justified));
        assertThat(w.document().network().justified()).singleElement().satisfies(j -> {
            assertThat(j.note()).isEqualTo(note);
            assertThat(j.kinds().get("work").kind()).isEqualTo(ChannelKind.RENDEZVOUS);
            assertThat(j.kinds().get("results").kind()).isEqualTo(ChannelKind.RENDEZVOUS);
        });
        assertThat(badge(robot)).contains("2 justified");
    }

    private void save(String name) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
            w.view().paintNow();
            return w.root().getScene().snapshot(null);
        }).get(10, TimeUnit.SECONDS);
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.resolve(name).toFile());
    }
}
