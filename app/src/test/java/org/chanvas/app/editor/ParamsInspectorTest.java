package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.await;

import java.util.List;
import java.util.Map;

import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.app.editor.panels.ScriptHighlighter;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.runtime.engine.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The process inspector's parameter table (SPEC §3.1) in the real window: an edited value is what the next run
 * uses, a bad value or name is explained beside the field and changes nothing, each change is one undo step,
 * and the palette's producer and consumer come with the lecture's parameters.
 */
@ExtendWith(ApplicationExtension.class)
class ParamsInspectorTest {

    private EditorWindow w;

    @Start
    void start(Stage stage) {
        w = EditorHarness.open(stage);
    }

    private void openAndSelect(FxRobot robot, String example, String process) throws Exception {
        robot.interact(() -> w.files().openFile(ExampleLibrary.locate().find(example).orElseThrow()));
        robot.interact(() -> w.selection().selectProcess(process));
        await(() -> process.equals(w.inspector().processInspector().processId()));
    }

    /** Types {@code text} over what the field holds and presses Enter, as a person does. */
    private static void typeInto(FxRobot robot, String fieldId, String text) {
        TextField f = robot.lookup("#" + fieldId).queryAs(TextField.class);
        robot.clickOn(f);
        robot.interact(() -> f.setText(text));
        robot.type(KeyCode.ENTER);
    }

    /** Runs at instant speed to the end; what the run printed, as {@code label: text}, then back to editing. */
    private List<String> runAndPrint(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#speed").queryAs(Slider.class).setValue(1.0));
        robot.clickOn("#run-button");
        await(() -> w.runs().outcome().isPresent());
        // The run's own record of its prints (the Console shows the same lines; RunAndFilesTest holds it to that).
        List<String> printed = w.runs().inspect(s -> s.prints(-1, s.position(), 1000).stream()
                .map(p -> p.label() + ": " + p.text()).toList()).orElseThrow();
        robot.interact(() -> w.runs().stop());
        return printed;
    }

    /** The whole window as a PNG in target/screenshots/, for a person to look at (docs/editor-params.png). */
    private void saveWindow(String name) throws Exception {
        javafx.scene.image.WritableImage img = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            w.view().fitToWindow();
            w.view().paintNow();
            return w.root().getScene().snapshot(null);
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        java.nio.file.Path out = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(out);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                out.resolve(name).toFile());
    }

    private Map<String, Object> params(String process) {
        return w.document().network().process(process).map(Process::params).orElseThrow();
    }

    @Test
    void anEditedValueIsWhatTheRunPrintsAndUndoBringsTheOldOneBack(FxRobot robot) throws Exception {
        openAndSelect(robot, "client2", "server1");
        assertThat(robot.lookup("#param-name-0").queryAs(TextField.class).getText()).isEqualTo("name");
        assertThat(robot.lookup("#param-value-0").queryAs(TextField.class).getText()).isEqualTo("\"1\"");
        // The script uses the parameter: no "unknown variable" or other diagnostic, and it is coloured as one.
        assertThat(robot.lookup("#diagnostics").queryListView().getItems()).isEmpty();
        String script = w.document().network().process("server1").orElseThrow().script();
        assertThat(new ScriptHighlighter().spans(script, params("server1").keySet()))
                .filteredOn(s -> s.style() == ScriptHighlighter.Style.PARAM)
                .allMatch(s -> script.substring(s.start(), s.end()).equals("name")).hasSize(2);

        typeInto(robot, "param-value-0", "\"Nine\"");
        await(() -> "Nine".equals(params("server1").get("name")));
        assertThat(w.document().undoTextProperty().get()).contains("Set parameter name of server1");
        assertThat(runAndPrint(robot)).containsExactly("server1: Server Nine got Hello",
                "client: Hello from server Nine", "server2: Server 2 got Hello", "client: Hello from server 2");

        robot.interact(() -> w.document().undo());
        await(() -> "1".equals(params("server1").get("name")));
        await(() -> "\"1\"".equals(robot.lookup("#param-value-0").queryAs(TextField.class).getText()));
        assertThat(runAndPrint(robot)).startsWith("server1: Server 1 got Hello", "client: Hello from server 1");
        robot.interact(() -> w.document().redo());
        await(() -> "Nine".equals(params("server1").get("name")));
    }

    @Test
    void aBadValueOrNameIsExplainedBesideTheFieldAndLeavesTheDocumentUnchanged(FxRobot robot) throws Exception {
        openAndSelect(robot, "mult-cons", "consumerA");
        Network before = w.document().network();
        boolean couldUndo = w.document().canUndoProperty().get();

        typeInto(robot, "param-value-0", "Z");
        await(() -> !w.inspector().processInspector().paramsEditor().errorAt(0).isEmpty());
        assertThat(w.inspector().processInspector().paramsEditor().errorAt(0))
                .contains("'Z' is not a value: write text in quotes, \"Z\"");
        assertThat(robot.lookup("#param-error-0").queryLabeled().isVisible()).isTrue();
        saveWindow("editor-params.png");
        assertThat(w.document().network()).isSameAs(before);
        assertThat(w.document().canUndoProperty().get()).isEqualTo(couldUndo);

        typeInto(robot, "param-name-0", "2nd");
        await(() -> w.inspector().processInspector().paramsEditor().errorAt(0).contains("\"2nd\" is not a variable name"));
        typeInto(robot, "param-name-0", "while");
        await(() -> w.inspector().processInspector().paramsEditor().errorAt(0).contains("is a keyword"));
        assertThat(w.document().network()).isSameAs(before);

        // A good value clears the message and is one edit.
        typeInto(robot, "param-name-0", "name");
        typeInto(robot, "param-value-0", "[1, \"two\", true]");
        await(() -> List.of(1L, "two", true).equals(params("consumerA").get("name")));
        assertThat(w.inspector().processInspector().paramsEditor().errorAt(0)).isEmpty();
    }

    @Test
    void addRenameAndRemoveAreOneUndoStepEach(FxRobot robot) throws Exception {
        openAndSelect(robot, "mult-cons", "producer");
        assertThat(params("producer")).isEqualTo(Map.of("count", 4L));

        robot.clickOn("#param-new-name");
        robot.interact(() -> robot.lookup("#param-new-name").queryAs(TextField.class).setText("label"));
        typeInto(robot, "param-new-value", "\"P\"");
        await(() -> params("producer").size() == 2);
        assertThat(params("producer").keySet()).containsExactly("count", "label");
        assertThat(w.document().undoTextProperty().get()).contains("Add parameter label of producer");

        // A name already taken is refused.
        robot.interact(() -> robot.lookup("#param-new-name").queryAs(TextField.class).setText("count"));
        typeInto(robot, "param-new-value", "1");
        await(() -> w.inspector().processInspector().paramsEditor().errorAt(-1)
                .contains("there is already a parameter named count"));

        typeInto(robot, "param-name-1", "who");
        await(() -> params("producer").containsKey("who"));
        assertThat(params("producer").keySet()).containsExactly("count", "who");

        robot.clickOn(robot.lookup("#param-remove-0").queryAs(Button.class));
        await(() -> !params("producer").containsKey("count"));
        // The script still reads count, which nothing gives a value now: the inspector says where, at once.
        await(() -> robot.lookup("#diagnostics").<org.chanvas.model.script.Diagnostic>queryListView().getItems()
                .stream().anyMatch(d -> d.message().startsWith("unknown variable 'count'") && d.pos().line() == 2));
        // The script now uses a variable nothing gives it: a run reports the script error at its line.
        List<String> printed = runAndPrint(robot);
        assertThat(printed).isEmpty();

        robot.interact(() -> w.document().undo());
        await(() -> params("producer").keySet().equals(java.util.Set.of("count", "who")));
        await(() -> robot.lookup("#diagnostics").queryListView().getItems().isEmpty());
        robot.interact(() -> w.document().undo());
        await(() -> params("producer").containsKey("label"));
        robot.interact(() -> w.document().undo());
        await(() -> params("producer").equals(Map.of("count", 4L)));
        assertThat(runAndPrint(robot)).hasSize(4);
    }

    @Test
    void theLecturesProducerAndConsumerTemplatesComeWithTheirParameters(FxRobot robot) throws Exception {
        ProcessTemplate producer = ProcessTemplate.named("Producer");
        ProcessTemplate consumer = ProcessTemplate.named("Consumer");
        robot.interact(() -> w.canvasGestures().addProcess(producer, 120, 140));
        robot.interact(() -> w.canvasGestures().addProcess(consumer, 460, 140));
        await(() -> w.document().network().processes().size() == 2);
        assertThat(params("producer")).containsExactly(Map.entry("name", "P"), Map.entry("count", 4L));
        assertThat(params("consumer")).containsExactly(Map.entry("name", "A"));
        robot.interact(() -> w.selection().selectProcess("consumer"));
        await(() -> "consumer".equals(w.inspector().processInspector().processId()));
        assertThat(robot.lookup("#diagnostics").queryListView().getItems()).isEmpty();

        robot.interact(() -> w.document().execute(new org.chanvas.model.edit.AddChannel(new org.chanvas.model.Channel(
                "q", org.chanvas.model.ChannelKind.UNBOUNDED, 0,
                List.of(new org.chanvas.model.Endpoint("producer", "out")),
                List.of(new org.chanvas.model.Endpoint("consumer", "in"))))));
        typeInto(robot, "param-value-0", "\"B\"");
        await(() -> "B".equals(params("consumer").get("name")));
        assertThat(runAndPrint(robot)).containsExactly("consumer: B got Message 0 from P",
                "consumer: B got Message 1 from P", "consumer: B got Message 2 from P",
                "consumer: B got Message 3 from P");
    }

    @Test
    void theScriptEditorDiagnosesBadUsesOfVersionTwoWithLineAndColumn(FxRobot robot) throws Exception {
        openAndSelect(robot, "mult-cons", "consumerA");
        var area = w.inspector().processInspector().scriptEditor().area();
        robot.interact(() -> area.setText("forever {\n  m = recv in\n  n = int(m, 2)\n}\ncontinue\nprint \"{name}\""));
        List<String> shown = robot.lookup("#diagnostics").<org.chanvas.model.script.Diagnostic>queryListView().getItems()
                .stream().map(d -> d.pos().line() + ":" + d.pos().column() + " " + d.message()).toList();
        assertThat(shown).containsExactly("3:12 int takes one value: int(x)",
                "5:1 'continue' outside a loop; it may stand only inside while, forever, repeat or for");
    }
}
