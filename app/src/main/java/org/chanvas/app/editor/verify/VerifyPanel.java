package org.chanvas.app.editor.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.chanvas.app.editor.run.RunController;
import org.chanvas.runtime.explore.Counterexample;
import org.chanvas.runtime.explore.CycleVerdicts;
import org.chanvas.runtime.explore.ExploreResult;
import org.chanvas.runtime.event.RunEvent;

/**
 * The Verify tab: the verdict, a counterexample's numbered steps in words (the step the diagram has reached is
 * selected as the run is walked; a click on a step shows the state right after it), then what the verdict says
 * about each static cycle, the dead state's diagnosis and the exploration's abstractions, as {@code verify}
 * prints them.
 */
public final class VerifyPanel extends BorderPane {

    private final Label verdict = new Label();
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ListView<String> list = new ListView<>(steps);
    private final ObservableList<String> details = FXCollections.observableArrayList();
    private final ListView<String> detailList = new ListView<>(details);
    private final RunController runs;
    private List<Integer> stepEnds = List.of();
    private boolean following;

    public VerifyPanel(VerifyController verify, RunController runs) {
        this.runs = runs;
        setId("verify-panel");
        getStyleClass().add("verify-panel");
        verdict.setId("verify-verdict");
        verdict.getStyleClass().add("panel-subtitle");
        verdict.setWrapText(true);
        verdict.textProperty().bind(verify.textProperty());
        list.setId("verify-steps");
        list.setPlaceholder(new Label("Run \u2192 Verify (F8) explores every interleaving; a deadlock's shortest "
                + "path is listed here, step by step."));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            int k = i.intValue();
            if (!following && k >= 0 && k < stepEnds.size()) {
                runs.seek(stepEnds.get(k));
            }
        });
        detailList.setId("verify-details");
        detailList.setPlaceholder(new Label(""));
        VBox top = new VBox(verdict);
        top.setPadding(new Insets(4, 6, 4, 6));
        setTop(top);
        // The steps beside what they lead to: both in view in the low strip under the canvas.
        SplitPane sides = new SplitPane(list, detailList);
        sides.setDividerPositions(0.5);
        setCenter(sides);
        verify.foundProperty().addListener((o, a, f) -> show(f));
        runs.positionProperty().addListener((o, a, p) -> follow(p.longValue()));
        show(verify.foundProperty().get());
    }

    private void show(VerifyController.Found f) {
        following = true;
        try {
            steps.clear();
            details.clear();
            stepEnds = List.of();
            if (f == null) {
                return;
            }
            ExploreResult r = f.result();
            for (int i = 0; i < r.steps().size(); i++) {
                steps.add(String.format(Locale.ROOT, "%3d. %s", i + 1, r.steps().get(i)));
            }
            stepEnds = f.counterexample().map(Counterexample::stepEnds).orElse(List.of());
            List<String> d = new ArrayList<>();
            if (r.diagnosis() != null) {
                d.addAll(List.of(r.diagnosis().describe().split("\n")));
            } else if (r.error() != null) {
                RunEvent.Failed e = r.error();
                d.add("error in " + e.process() + " at " + e.line() + ":" + e.column() + ": " + e.message());
            }
            f.cycles().stream().map(CycleVerdicts.CycleVerdict::line).forEach(d::add);
            r.abstractions().forEach(a -> d.add("abstraction: " + a));
            details.setAll(d);
        } finally {
            following = false;
        }
        follow(runs.positionProperty().get());
    }

    /** Selects the last step the diagram has passed (none at the start). */
    private void follow(long position) {
        if (stepEnds.isEmpty() || !runs.inspect(org.chanvas.app.editor.run.RunSession::recorded).orElse(false)) {
            return; // the steps are the counterexample's, not another run's
        }
        int done = 0;
        while (done < stepEnds.size() && stepEnds.get(done) <= position) {
            done++;
        }
        following = true;
        try {
            if (done == 0) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(done - 1);
                list.scrollTo(Math.max(0, done - 3));
            }
        } finally {
            following = false;
        }
    }

    /** The numbered steps shown. */
    public List<String> steps() {
        return List.copyOf(steps);
    }

    /** The lines under the steps: diagnosis, cycles, abstractions. */
    public List<String> details() {
        return List.copyOf(details);
    }

    /** The step selected as the one the diagram has reached, -1 before the first. */
    public int reachedStep() {
        return list.getSelectionModel().getSelectedIndex();
    }
}
