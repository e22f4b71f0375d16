package org.chanvas.app.editor.run;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The strip under the canvas for walking a run: restart, step back, step, the timeline scrubber over every
 * move the history keeps, the move shown, and the seed (empty for a random one; after a run it shows the one
 * used, and "Again" replays it).
 */
public final class RunBar extends HBox {

    private final Slider timeline = new Slider(0, 1, 0);
    private final TextField seed = new TextField();
    private boolean following;

    public RunBar(RunController runs) {
        super(6);
        setId("run-bar");
        getStyleClass().add("run-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 8, 3, 8));

        Button home = button("\u25c0\u25c0", "Back to the start of the run (Home)", runs::restart, "restart-button");
        Button back = button("\u25c0", "Step back: the state before the last message (\u2190)", runs::stepBack,
                "back-button");
        Button forward = button("\u25b6", "Step: the next message (\u2192)", runs::step, "forward-button");
        home.disableProperty().bind(runs.hasRunProperty().not());
        back.disableProperty().bind(runs.hasRunProperty().not());

        timeline.setId("timeline");
        timeline.setTooltip(new Tooltip("Every move of the run: drag to any moment"));
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timeline.setMaxWidth(Double.MAX_VALUE);
        timeline.disableProperty().bind(runs.hasRunProperty().not());
        // Bounds and value follow the run together, so that a bound that moves (the history forgetting its
        // oldest moves) never looks like the user dragging the thumb.
        javafx.beans.InvalidationListener sync = o -> {
            following = true;
            try {
                long lo = runs.startProperty().get();
                timeline.setMin(lo);
                timeline.setMax(Math.max(lo + 1, runs.endProperty().get()));
                timeline.setValue(runs.positionProperty().get());
            } finally {
                following = false;
            }
        };
        runs.startProperty().addListener(sync);
        runs.endProperty().addListener(sync);
        runs.positionProperty().addListener(sync);
        timeline.valueProperty().addListener((o, a, v) -> {
            if (!following && Math.round(v.doubleValue()) != runs.positionProperty().get()) {
                runs.seek(Math.round(v.doubleValue()));
            }
        });
        Label move = new Label();
        move.setId("move-label");
        move.setMinWidth(110);
        move.textProperty().bind(Bindings.createStringBinding(
                () -> runs.hasRunProperty().get()
                        ? "move " + runs.shownMovesProperty().get() + " / " + runs.endMovesProperty().get() : "",
                runs.hasRunProperty(), runs.shownMovesProperty(), runs.endMovesProperty()));

        Label seedLabel = new Label("Seed");
        seed.setId("seed");
        seed.setPromptText("random");
        seed.setPrefColumnCount(8);
        seed.setTooltip(new Tooltip("The seed of the next run; empty for a random one. Same seed, same run "
                + "(as chanvas run --seed N)."));
        seed.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("-?\\d{0,18}") ? c : null));
        seed.textProperty().addListener((o, a, t) -> runs.seedProperty().set(parse(t)));
        runs.seedProperty().addListener((o, a, s) -> {
            if (s == null ? parse(seed.getText()) != null : !s.equals(parse(seed.getText()))) {
                seed.setText(s == null ? "" : s.toString());
            }
        });
        Button again = button("Again", "Run again with the last run's seed (Ctrl+F5)", runs::runAgain,
                "again-button");
        again.disableProperty().bind(runs.hasRunProperty().not());
        Label used = new Label();
        used.setId("seed-used");
        used.getStyleClass().add("hint");
        runs.hasRunProperty().addListener((o, a, has) ->
                used.setText(has ? runs.lastSeed().map(s -> "used " + s).orElse("") : used.getText()));
        getChildren().addAll(home, back, forward, timeline, move, seedLabel, seed, used, again);
    }

    private static Long parse(String t) {
        try {
            return t == null || t.isBlank() || t.equals("-") ? null : Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Button button(String text, String tip, Runnable action, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    public Slider timeline() {
        return timeline;
    }

    public TextField seed() {
        return seed;
    }
}
