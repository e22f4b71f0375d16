package org.chanvas.app.editor.panels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.chanvas.app.editor.EditorDocument;
import org.chanvas.model.edit.EditResult;
import org.chanvas.model.edit.SetParams;
import org.chanvas.model.script.Parameters;
import org.chanvas.model.script.ValueLiteral;

/**
 * The parameters of one process (SPEC §3.1) as a name/value table: rename a parameter or change its value in
 * place, remove it with its ✕, add one in the last row. Values are typed as the script writes literals
 * ({@code 3}, {@code "A"}, {@code true}, {@code [1, 2]}). Each change is one {@link SetParams}, so one undo step;
 * a name that is not a variable name or a value that is not a literal is explained under its row and changes
 * nothing.
 */
public final class ParamsEditor extends VBox {

    private final EditorDocument document;
    private final GridPane table = new GridPane();
    private final TextField newName = new TextField();
    private final TextField newValue = new TextField();
    private final Button add = new Button("Add");
    private final Label newError = error("param-new-error");
    private final List<Row> rows = new ArrayList<>();
    private final Consumer<java.util.Set<String>> namesShown;
    private String processId;
    private Map<String, Object> shown = Map.of();

    /** One parameter's fields. */
    private record Row(String name, TextField nameField, TextField valueField, Label error) {
    }

    /** @param namesShown told the parameters' names whenever they change (the script editor colours them) */
    public ParamsEditor(EditorDocument document, Consumer<java.util.Set<String>> namesShown) {
        this.document = document;
        this.namesShown = namesShown;
        setId("params-editor");
        setSpacing(4);
        table.setHgap(6);
        table.setVgap(2);
        newName.setId("param-new-name");
        newName.setPromptText("name");
        newValue.setId("param-new-value");
        newValue.setPromptText("value: 3, \"A\", true, [1, 2]");
        add.setId("param-add");
        add.setTooltip(new Tooltip("Adds a parameter: a variable of the script from its first line"));
        newName.setOnAction(e -> newValue.requestFocus());
        newValue.setOnAction(e -> commitNew());
        add.setOnAction(e -> commitNew());
        newName.editableProperty().bind(document.lockedProperty().not());
        newValue.editableProperty().bind(document.lockedProperty().not());
        add.disableProperty().bind(document.lockedProperty());
        getChildren().add(table);
    }

    /** Shows the parameters of process {@code pid}; rows are rebuilt only when the process or its parameters change. */
    public void show(String pid, Map<String, Object> params) {
        if (pid.equals(processId) && params.equals(shown)) {
            return;
        }
        if (!pid.equals(processId)) {
            newName.clear();
            newValue.clear();
            hide(newError);
        }
        processId = pid;
        shown = params;
        rebuild();
        namesShown.accept(params.keySet());
    }

    private void rebuild() {
        table.getChildren().clear();
        rows.clear();
        int line = 0;
        int index = 0;
        for (var e : shown.entrySet()) {
            String name = e.getKey();
            TextField nameField = new TextField(name);
            TextField valueField = new TextField(ValueLiteral.format(e.getValue()));
            Button remove = new Button("\u2715");
            Label error = error("param-error-" + index);
            nameField.setId("param-name-" + index);
            valueField.setId("param-value-" + index);
            remove.setId("param-remove-" + index);
            remove.setTooltip(new Tooltip("Removes parameter " + name));
            nameField.setPrefColumnCount(7);
            nameField.editableProperty().bind(document.lockedProperty().not());
            valueField.editableProperty().bind(document.lockedProperty().not());
            remove.disableProperty().bind(document.lockedProperty());
            Row row = new Row(name, nameField, valueField, error);
            rows.add(row);
            nameField.setOnAction(ev -> commitName(row));
            nameField.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    commitName(row);
                }
            });
            valueField.setOnAction(ev -> commitValue(row));
            valueField.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    commitValue(row);
                }
            });
            remove.setOnAction(ev -> remove(row));
            table.addRow(line++, nameField, valueField, remove);
            table.add(error, 0, line++, 3, 1);
            index++;
        }
        newName.setPrefColumnCount(7);
        table.addRow(line++, newName, newValue, add);
        table.add(newError, 0, line, 3, 1);
        GridPane.setHgrow(newValue, Priority.ALWAYS);
        rows.forEach(r -> GridPane.setHgrow(r.valueField(), Priority.ALWAYS));
        table.setAlignment(Pos.TOP_LEFT);
    }

    private void commitName(Row row) {
        if (document.lockedProperty().get() || !shown.containsKey(row.name())) {
            return;
        }
        String name = row.nameField().getText().strip();
        if (name.equals(row.name())) {
            hide(row.error());
            return;
        }
        String bad = badName(name);
        if (bad != null) {
            say(row.error(), bad);
            return;
        }
        Map<String, Object> next = new LinkedHashMap<>();
        // a rename keeps the parameter's place in the table and the file
        shown.forEach((k, v) -> next.put(k.equals(row.name()) ? name : k, v));
        apply(next, "Rename parameter " + row.name() + " to " + name, row.error());
    }

    private void commitValue(Row row) {
        if (document.lockedProperty().get() || !shown.containsKey(row.name())) {
            return;
        }
        Object current = shown.get(row.name());
        if (row.valueField().getText().strip().equals(ValueLiteral.format(current))) {
            hide(row.error());
            return;
        }
        ValueLiteral.Reading r = ValueLiteral.parse(row.valueField().getText());
        if (!r.ok()) {
            say(row.error(), r.error());
            return;
        }
        if (r.value().equals(current)) {
            row.valueField().setText(ValueLiteral.format(current));
            hide(row.error());
            return;
        }
        Map<String, Object> next = new LinkedHashMap<>(shown);
        next.put(row.name(), r.value());
        apply(next, "Set parameter " + row.name(), row.error());
    }

    private void remove(Row row) {
        if (document.lockedProperty().get()) {
            return;
        }
        Map<String, Object> next = new LinkedHashMap<>(shown);
        next.remove(row.name());
        apply(next, "Remove parameter " + row.name(), row.error());
    }

    private void commitNew() {
        if (document.lockedProperty().get() || processId == null) {
            return;
        }
        String name = newName.getText().strip();
        String bad = name.isEmpty() ? "a parameter needs a name" : badName(name);
        if (bad != null) {
            say(newError, bad);
            return;
        }
        ValueLiteral.Reading r = ValueLiteral.parse(newValue.getText());
        if (!r.ok()) {
            say(newError, r.error());
            return;
        }
        Map<String, Object> next = new LinkedHashMap<>(shown);
        next.put(name, r.value());
        if (apply(next, "Add parameter " + name, newError)) {
            newName.clear();
            newValue.clear();
        }
    }

    private String badName(String name) {
        if (shown.containsKey(name)) {
            return "there is already a parameter named " + name;
        }
        return Parameters.badName(name);
    }

    /** One edit; true if it applied. A refusal is shown under the row, and the document is unchanged. */
    private boolean apply(Map<String, Object> next, String what, Label error) {
        EditResult result = document.execute(new SetParams(processId, next, what));
        if (result instanceof EditResult.Rejected(String reason)) {
            say(error, reason);
            return false;
        }
        hide(error);
        return true;
    }

    private static Label error(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.setStyle("-fx-text-fill: #d32f2f;");
        hide(l);
        return l;
    }

    private static void say(Label l, String text) {
        l.setText("\u26a0 " + text);
        l.setVisible(true);
        l.setManaged(true);
    }

    private static void hide(Label l) {
        l.setText("");
        l.setVisible(false);
        l.setManaged(false);
    }

    /** The message shown under the row of parameter number {@code index} (or the add row for -1), "" if none. */
    public String errorAt(int index) {
        Label l = index < 0 ? newError : rows.get(index).error();
        return l.getText();
    }
}
