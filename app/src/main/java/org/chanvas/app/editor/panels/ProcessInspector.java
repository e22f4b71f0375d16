package org.chanvas.app.editor.panels;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.chanvas.app.editor.EditorDocument;
import org.chanvas.model.Channel;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.edit.Ids;
import org.chanvas.model.edit.RenameProcess;
import org.chanvas.model.edit.SetProcessLabel;
import org.chanvas.model.edit.SetScript;
import org.chanvas.model.script.Diagnostic;
import org.chanvas.model.script.ParsedScript;
import org.chanvas.model.script.PortDirection;
import org.chanvas.model.script.UnassignedNames;

/**
 * The inspector for one process: id, label, the ports its script uses and where they are connected, its
 * parameters, and the script editor with the parser's diagnostics underlined and listed. Typing re-parses at once; the script
 * is committed as one undo step when typing pauses or the editor loses focus.
 */
public final class ProcessInspector extends VBox {

    private final EditorDocument document;
    private final Function<String, ParsedScript> parse;
    private final TextField id = new TextField();
    private final TextField label = new TextField();
    private final ListView<String> ports = new ListView<>();
    private final ScriptEditor script = new ScriptEditor();
    private final ListView<Diagnostic> diagnostics = new ListView<>();
    private final ParamsEditor params;
    private final PauseTransition commitLater = new PauseTransition(Duration.millis(600));
    private String processId;
    /** The script text last taken from or given to the model, to tell the person's typing from an undo. */
    private String modelScript = "";

    public ProcessInspector(EditorDocument document, Function<String, ParsedScript> parse) {
        this.document = document;
        this.parse = parse;
        this.params = new ParamsEditor(document, script::setParams);
        getStyleClass().add("inspector-section");
        setSpacing(6);
        setPadding(new Insets(8));
        id.setId("process-id");
        label.setId("process-label");
        script.setId("script-editor");
        script.area().setId("script-area");
        diagnostics.setId("diagnostics");
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(6);
        form.addRow(0, new Label("Id"), id);
        form.addRow(1, new Label("Label"), label);
        GridPane.setHgrow(id, Priority.ALWAYS);
        GridPane.setHgrow(label, Priority.ALWAYS);
        ports.setPrefHeight(78);
        ports.setPlaceholder(new Label("The script uses no ports yet"));
        diagnostics.setPrefHeight(70);
        diagnostics.setPlaceholder(new Label("No errors in the script"));
        diagnostics.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Diagnostic d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : "line " + d.pos().line() + ":" + d.pos().column() + "  " + d.message());
                getStyleClass().remove("diagnostic-cell");
                if (!empty) {
                    getStyleClass().add("diagnostic-cell");
                }
            }
        });
        diagnostics.setOnMouseClicked(e -> {
            Diagnostic d = diagnostics.getSelectionModel().getSelectedItem();
            if (d != null) {
                script.goTo(d.pos());
            }
        });
        Label scriptTitle = new Label("Script");
        scriptTitle.getStyleClass().add("panel-subtitle");
        Label portsTitle = new Label("Ports");
        portsTitle.getStyleClass().add("panel-subtitle");
        VBox.setVgrow(script, Priority.ALWAYS);
        script.setMinHeight(160);
        Label paramsTitle = new Label("Parameters");
        paramsTitle.getStyleClass().add("panel-subtitle");
        getChildren().addAll(form, portsTitle, ports, paramsTitle, params, scriptTitle, script, diagnostics);

        id.setOnAction(e -> commitId());
        id.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitId();
            }
        });
        label.setOnAction(e -> commitLabel());
        label.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitLabel();
            }
        });
        script.textProperty().addListener((o, a, text) -> {
            showDiagnostics(text);
            if (!text.equals(modelScript)) {
                commitLater.playFromStart();
            }
        });
        commitLater.setOnFinished(e -> commitScript());
        script.area().focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitScript();
            }
        });
        script.area().editableProperty().bind(document.lockedProperty().not());
        id.editableProperty().bind(document.lockedProperty().not());
        label.editableProperty().bind(document.lockedProperty().not());
    }

    /** Shows process {@code pid} of {@code network}; keeps what the person is typing if it is the same process. */
    public void show(Network network, String pid) {
        Process p = network.process(pid).orElse(null);
        if (p == null) {
            return;
        }
        boolean same = pid.equals(processId);
        if (!same) {
            commitScript();
        }
        processId = pid;
        if (!same || !id.isFocused()) {
            id.setText(p.id());
        }
        if (!same || !label.isFocused()) {
            label.setText(p.label() == null ? "" : p.label());
        }
        label.setPromptText(p.id());
        if (!same || !p.script().equals(modelScript)) {
            // A new process, or the model changed under us (undo, redo): the model wins.
            modelScript = p.script();
            if (!script.textProperty().get().equals(p.script())) {
                commitLater.stop();
                script.textProperty().set(p.script());
            }
        }
        showDiagnostics(script.textProperty().get());
        showPorts(network, p);
        params.show(pid, p.params());
    }

    private void showDiagnostics(String text) {
        ParsedScript parsed = parse.apply(text);
        List<Diagnostic> found = new ArrayList<>(parsed.diagnostics());
        if (found.isEmpty() && processId != null) {
            // a name the script never assigns is fine when a parameter gives it (SPEC §3.1)
            found.addAll(UnassignedNames.find(parsed.body(), document.network().process(processId)
                    .map(p -> p.params().keySet()).orElse(java.util.Set.of())));
        }
        diagnostics.getItems().setAll(found);
        List<ScriptEditor.Mark> marks = new ArrayList<>();
        for (Diagnostic d : found) {
            int start = ScriptEditor.indexOf(text, d.pos());
            marks.add(new ScriptEditor.Mark(start, start + d.length(), d.message()));
        }
        script.setMarks(marks);
    }

    private void showPorts(Network network, Process p) {
        ParsedScript parsed = parse.apply(p.script());
        List<String> rows = new ArrayList<>();
        parsed.ports().forEach((port, dir) -> {
            String where = network.channels().stream()
                    .filter(c -> (dir == PortDirection.OUTBOUND ? c.writers() : c.readers()).stream()
                            .anyMatch(e -> e.process().equals(p.id()) && e.port().equals(port)))
                    .map(c -> describe(c))
                    .findFirst().orElse("not connected");
            rows.add((dir == PortDirection.OUTBOUND ? "\u2192 " : "\u2190 ") + port + "    " + where);
        });
        ports.getItems().setAll(rows);
    }

    private static String describe(Channel c) {
        String kind = c.kind().word() + (c.capacity() > 0 ? " " + c.capacity() : "");
        return "channel " + c.id() + " (" + kind + (c.isShared() ? ", shared" : "") + ")";
    }

    private void commitId() {
        if (processId == null || id.getText().equals(processId) || document.lockedProperty().get()) {
            return;
        }
        String newId = id.getText().strip();
        if (!Ids.isValid(newId)) {
            document.say("\"" + newId + "\" is not a valid id: use letters, digits, _ and -, starting with a letter or _");
            id.setText(processId);
            return;
        }
        String old = processId;
        processId = newId;
        if (!(document.execute(new RenameProcess(old, newId)) instanceof org.chanvas.model.edit.EditResult.Applied)) {
            processId = old;
            id.setText(old);
        }
    }

    private void commitLabel() {
        if (processId == null || document.lockedProperty().get()) {
            return;
        }
        String current = document.network().process(processId).map(Process::label).orElse(null);
        String text = label.getText().strip();
        String next = text.isEmpty() ? null : text;
        if (!java.util.Objects.equals(current == null || current.isEmpty() ? null : current, next)) {
            document.execute(new SetProcessLabel(processId, next));
        }
    }

    private void commitScript() {
        commitLater.stop();
        if (processId == null || document.lockedProperty().get()) {
            return;
        }
        String text = script.textProperty().get();
        if (!text.equals(modelScript) && document.network().process(processId).isPresent()) {
            modelScript = text;
            document.execute(new SetScript(processId, text));
        }
    }

    /** Commits pending typing now (before a save or a run). */
    public void flush() {
        commitScript();
    }

    /** The parameter table (SPEC §3.1). */
    public ParamsEditor paramsEditor() {
        return params;
    }

    public ScriptEditor scriptEditor() {
        return script;
    }

    public String processId() {
        return processId;
    }
}
