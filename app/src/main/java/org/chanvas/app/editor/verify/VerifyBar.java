package org.chanvas.app.editor.verify;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The strip above the run bar that says what Verify is doing and found: progress and Cancel while it explores,
 * then the verdict as a badge (green proof, red counterexample, amber inconclusive), a mark and words, never
 * colour alone. Hidden while there is nothing to say.
 */
public final class VerifyBar extends HBox {

    private static final String[] TONES = {"verify-exploring", "verify-proof", "verify-bad", "verify-unknown"};

    private final Label badge = new Label();
    private final Button cancel = new Button("Cancel");

    public VerifyBar(VerifyController verify) {
        super(8);
        setId("verify-bar");
        getStyleClass().add("verify-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 8, 3, 8));
        badge.setId("verify-badge");
        badge.getStyleClass().add("verify-badge");
        badge.setWrapText(true);
        badge.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setId("verify-cancel");
        cancel.setTooltip(new Tooltip("Stop exploring: no verdict"));
        cancel.setFocusTraversable(false);
        cancel.setOnAction(e -> verify.cancel());
        cancel.visibleProperty().bind(verify.exploringProperty());
        cancel.managedProperty().bind(verify.exploringProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(badge, gap, cancel);
        verify.textProperty().addListener((o, a, t) -> show(verify));
        verify.outcomeProperty().addListener((o, a, t) -> show(verify));
        show(verify);
    }

    private void show(VerifyController verify) {
        VerifyController.Outcome o = verify.outcomeProperty().get();
        boolean on = o != VerifyController.Outcome.NONE;
        setVisible(on);
        setManaged(on);
        getStyleClass().removeAll(TONES);
        String mark = switch (o) {
            case EXPLORING -> "\u231b ";
            case PROVEN -> "\u2713 ";
            case COUNTEREXAMPLE, FAILED -> "\u2716 ";
            case INCONCLUSIVE, CANCELLED -> "? ";
            case NONE -> "";
        };
        getStyleClass().add(switch (o) {
            case EXPLORING -> "verify-exploring";
            case PROVEN -> "verify-proof";
            case COUNTEREXAMPLE, FAILED -> "verify-bad";
            default -> "verify-unknown";
        });
        badge.setText(mark + verify.textProperty().get());
    }

    public Label badge() {
        return badge;
    }
}
