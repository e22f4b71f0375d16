package org.chanvas.app.editor.run;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.chanvas.runtime.engine.RunPlan;

/**
 * "Run 100 times": the outcome table of seeds 1..N computed off the FX thread, then shown; a click on an
 * outcome replays the seed that first gave it in the editor. Closing the window cancels the runs.
 */
public final class RunManyDialog {

    /** Moves one run may take before it counts as not ending (an endless network must not hang the table). */
    static final long MAX_MOVES = 200_000;

    private final Stage stage = new Stage();
    private final TableView<OutcomeTable.Row> table = new TableView<>();
    private final Label summary = new Label();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public RunManyDialog(Window owner, String title, RunPlan plan, int runs, LongConsumer replay) {
        stage.initOwner(owner);
        stage.setTitle("Run " + runs + " times \u2014 " + title);
        table.setId("outcome-table");
        TableColumn<OutcomeTable.Row, String> outcome = new TableColumn<>("Outcome");
        outcome.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().outcome()));
        outcome.setPrefWidth(220);
        TableColumn<OutcomeTable.Row, Integer> count = new TableColumn<>("Count");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        TableColumn<OutcomeTable.Row, String> percent = new TableColumn<>("%");
        percent.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.format("%.0f %%", c.getValue().percent())));
        TableColumn<OutcomeTable.Row, Long> seed = new TableColumn<>("A seed");
        seed.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().seed()));
        table.getColumns().add(outcome);
        table.getColumns().add(count);
        table.getColumns().add(percent);
        table.getColumns().add(seed);
        table.setPlaceholder(new Label("Running seeds 1 to " + runs + "\u2026"));
        table.setRowFactory(tv -> {
            var row = new javafx.scene.control.TableRow<OutcomeTable.Row>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    replay.accept(row.getItem().seed());
                }
            });
            return row;
        });
        Label hint = new Label("Click an outcome to replay the seed that gave it.");
        VBox box = new VBox(8, summary, table, hint);
        box.setPadding(new Insets(10));
        stage.setScene(new Scene(box, 480, 300));
        stage.setOnHidden(e -> cancelled.set(true));
        Thread.ofVirtual().name("chanvas-run-many").start(() -> {
            OutcomeTable.Result r = OutcomeTable.tally(plan, runs, MAX_MOVES, cancelled::get);
            Platform.runLater(() -> show(r));
        });
    }

    private void show(OutcomeTable.Result r) {
        table.getItems().setAll(r.rows());
        summary.setText(r.runs() + " runs with seeds 1 to " + r.runs() + "; " + r.distinctOutputs()
                + (r.distinctOutputs() == 1 ? " output." : " different outputs."));
    }

    public void show() {
        stage.show();
    }

    public TableView<OutcomeTable.Row> table() {
        return table;
    }
}
