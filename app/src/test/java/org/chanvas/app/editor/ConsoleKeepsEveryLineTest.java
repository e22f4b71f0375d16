package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.app.editor.panels.ConsolePanel;
import org.chanvas.model.edit.SetParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Console shows every line a run printed, also when the FX thread is busy while the run's driver publishes
 * frames: after a script error the editor selects the failing process and moves the script editor to the line,
 * and the next run's first frames went unread, their lines replaced by the last frame's (mult-cons lost
 * "Message 0", or all four lines, in 3 of 20 runs). A stress test: each round is a script error, an undo and a
 * run whose Console must equal the run's own record of its prints.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleKeepsEveryLineTest {

    private static final int ROUNDS = 12;

    private EditorWindow w;

    @Start
    void start(Stage stage) {
        w = EditorHarness.open(stage);
    }

    /** The Console's printed lines and the session's, as {@code label: text}, of one run to its end. */
    private List<List<String>> run(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#speed").queryAs(Slider.class).setValue(1.0));
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        List<String> console = w.console().lines().stream().filter(l -> l.kind() == ConsolePanel.Line.Kind.PRINT)
                .map(ConsolePanel.Line::plain).toList();
        List<String> session = w.runs().inspect(s -> s.prints(-1, s.position(), 1000).stream()
                .map(p -> p.label() + ": " + p.text()).toList()).orElseThrow();
        robot.interact(() -> w.runs().stop());
        return List.of(console, session);
    }

    @Test
    void aRunAfterAScriptErrorShowsEveryLineItPrinted(FxRobot robot) throws Exception {
        robot.interact(() -> w.files().openFile(ExampleLibrary.locate().find("mult-cons").orElseThrow()));
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            // Without its count the producer stops with "unknown variable": a script error.
            robot.interact(() -> w.document().execute(new SetParams("producer", Map.of(), "Remove parameter count")));
            run(robot);
            robot.interact(() -> w.document().undo());
            List<List<String>> r = run(robot);
            assertThat(r.get(1)).hasSize(4);
            if (!r.get(0).equals(r.get(1))) {
                lost.add("Console " + r.get(0) + " but the run printed " + r.get(1));
            }
        }
        assertThat(lost).isEmpty();
    }
}
