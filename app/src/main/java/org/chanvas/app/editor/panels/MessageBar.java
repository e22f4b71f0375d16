package org.chanvas.app.editor.panels;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A bar across the top of the canvas for things a person must read but need not answer at once: a file
 * that did not open (where and why), a run that deadlocked (who waits for whom). It stays until closed or
 * replaced, and never blocks the window the way a dialog would.
 */
public final class MessageBar extends HBox {

    /** How serious the message is, which sets the colour (and the mark, for those who do not see colour). */
    public enum Tone { INFO, WARNING, ERROR }

    private final Label mark = new Label();
    private final Label text = new Label();

    public MessageBar() {
        getStyleClass().add("message-bar");
        setId("message-bar");
        text.setId("message-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        mark.getStyleClass().add("message-mark");
        Button close = new Button("\u2715");
        close.getStyleClass().add("message-close");
        close.setOnAction(e -> hide());
        setAlignment(Pos.TOP_LEFT);
        setSpacing(10);
        setPadding(new Insets(8, 10, 8, 10));
        getChildren().addAll(mark, text, close);
        hide();
    }

    public void show(Tone tone, String message) {
        getStyleClass().removeAll("tone-info", "tone-warning", "tone-error");
        getStyleClass().add("tone-" + tone.name().toLowerCase(java.util.Locale.ROOT));
        mark.setText(switch (tone) {
            case INFO -> "\u2139";
            case WARNING -> "\u26a0";
            case ERROR -> "\u2716";
        });
        text.setText(message);
        setVisible(true);
        setManaged(true);
    }

    public void hide() {
        setVisible(false);
        setManaged(false);
        text.setText("");
    }

    public String message() {
        return text.getText();
    }

    public boolean isShowing() {
        return isVisible();
    }
}
