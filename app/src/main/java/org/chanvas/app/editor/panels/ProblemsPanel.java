package org.chanvas.app.editor.panels;

import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.chanvas.app.editor.Problem;

/**
 * The Problems list: faults first, then each deadlock-prone cycle as {@code a → b → c → a}. Selecting a
 * cycle highlights it on the canvas; a cycle can be marked justified with a note, or the mark removed. A cycle
 * whose justification went stale (a channel's kind changed since) is listed as alarming, saying what changed.
 */
public final class ProblemsPanel extends BorderPane {

    private final ObservableList<Problem> items = FXCollections.observableArrayList();
    private final ListView<Problem> view = new ListView<>(items);
    private final Button justify = new Button("Mark justified\u2026");
    private final Button unjustify = new Button("Remove justification");
    private final Label summary = new Label();
    /** Words Verify added to cycles (by key): proven safe, or a justification contradicted. */
    private java.util.Map<java.util.SortedSet<String>, String> verdicts = java.util.Map.of();
    private java.util.Set<java.util.SortedSet<String>> proven = java.util.Set.of();

    /**
     * @param onJustify asked to justify the selected cycle (the window asks for the note)
     * @param onUnjustify asked to remove the selected cycle's justification
     */
    public ProblemsPanel(Consumer<Problem.Cycle> onJustify, Consumer<Problem.Cycle> onUnjustify) {
        getStyleClass().add("problems");
        view.setId("problems");
        view.setPlaceholder(new Label("No problems: no faults and no deadlock-prone cycles."));
        view.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("problem-fault", "problem-cycle", "problem-justified", "problem-stale");
                if (empty || p == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(p.text() + (p instanceof Problem.Cycle c ? verdicts.getOrDefault(c.key(), "") : ""));
                Label mark = new Label();
                mark.getStyleClass().add("problem-mark");
                switch (p) {
                    case Problem.Fault f -> {
                        getStyleClass().add("problem-fault");
                        mark.setText("\u2716");
                    }
                    case Problem.Cycle c when c.isStale() -> {
                        // Alarming like any unjustified cycle, with its own mark: the note no longer applies.
                        getStyleClass().addAll("problem-cycle", "problem-stale");
                        mark.setText("\u26a0");
                    }
                    case Problem.Cycle c when c.justified() -> {
                        getStyleClass().add("problem-justified");
                        mark.setText("\u2713");
                    }
                    case Problem.Cycle c -> {
                        getStyleClass().add("problem-cycle");
                        mark.setText("\u27f3");
                    }
                }
                if (p instanceof Problem.Cycle c && proven.contains(c.key())) {
                    getStyleClass().removeAll("problem-cycle");
                    getStyleClass().add("problem-justified"); // Verify proved it: no longer an alarm
                    mark.setText("\u2713");
                }
                setGraphic(mark);
            }
        });
        justify.setId("justify");
        unjustify.setId("unjustify");
        justify.setOnAction(e -> selectedCycle().ifPresent(onJustify));
        unjustify.setOnAction(e -> selectedCycle().ifPresent(onUnjustify));
        view.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> updateButtons(p));
        updateButtons(null);
        summary.getStyleClass().add("problems-summary");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, summary, gap, justify, unjustify);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(bar);
        setCenter(view);
    }

    private void updateButtons(Problem p) {
        justify.setDisable(!(p instanceof Problem.Cycle c) || c.justified());
        // A stale justification can be renewed (recording today's kinds) or taken off.
        justify.setText(p instanceof Problem.Cycle c && c.isStale() ? "Re-justify\u2026" : "Mark justified\u2026");
        unjustify.setDisable(!(p instanceof Problem.Cycle c2) || !c2.justified() && !c2.isStale());
    }

    private java.util.Optional<Problem.Cycle> selectedCycle() {
        return view.getSelectionModel().getSelectedItem() instanceof Problem.Cycle c
                ? java.util.Optional.of(c) : java.util.Optional.empty();
    }

    /** Shows a new list, keeping the selected cycle selected when it is still there. */
    public void show(List<Problem> problems) {
        Problem before = view.getSelectionModel().getSelectedItem();
        items.setAll(problems);
        long faults = problems.stream().filter(p -> p instanceof Problem.Fault).count();
        long cycles = problems.stream().filter(p -> p instanceof Problem.Cycle c && !c.justified()).count();
        long justified = problems.stream().filter(p -> p instanceof Problem.Cycle c && c.justified()).count();
        long stale = problems.stream().filter(p -> p instanceof Problem.Cycle c && c.isStale()).count();
        summary.setText(faults + (faults == 1 ? " fault, " : " faults, ") + cycles
                + (cycles == 1 ? " deadlock-prone cycle" : " deadlock-prone cycles")
                + (justified > 0 ? ", " + justified + " justified" : "")
                + (stale > 0 ? " (" + stale + " with a stale justification)" : ""));
        if (before instanceof Problem.Cycle bc) {
            problems.stream().filter(p -> p instanceof Problem.Cycle c && c.key().equals(bc.key())).findFirst()
                    .ifPresent(p -> view.getSelectionModel().select(p));
        }
        updateButtons(view.getSelectionModel().getSelectedItem());
    }

    /**
     * What Verify said about cycles, appended to their lines (by cycle key), and which it proved safe (marked
     * as no longer alarming); empty to forget it.
     */
    public void setVerdicts(java.util.Map<java.util.SortedSet<String>, String> words,
                            java.util.Set<java.util.SortedSet<String>> provenSafe) {
        verdicts = java.util.Map.copyOf(words);
        proven = java.util.Set.copyOf(provenSafe);
        view.refresh();
    }

    public ReadOnlyObjectProperty<Problem> selectedProperty() {
        return view.getSelectionModel().selectedItemProperty();
    }

    public void clearSelection() {
        view.getSelectionModel().clearSelection();
    }

    public ListView<Problem> list() {
        return view;
    }

    public List<Problem> problems() {
        return List.copyOf(items);
    }
}
