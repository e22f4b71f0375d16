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
    /** The full account behind a one-line message, shown under it on a click of "details". */
    private final Label details = new Label();
    private final javafx.scene.control.Hyperlink more = new javafx.scene.control.Hyperlink("details");
    private final javafx.scene.layout.VBox words = new javafx.scene.layout.VBox(4, text, details);

    public MessageBar() {
        getStyleClass().add("message-bar");
        setId("message-bar");
        text.setId("message-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        details.setId("message-details");
        details.setWrapText(true);
        details.setMaxWidth(Double.MAX_VALUE);
        more.setId("message-more");
        more.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the line gives way with "…", never the link
        more.setFocusTraversable(false);
        more.setOnAction(e -> showDetails(!details.isVisible()));
        HBox.setHgrow(words, Priority.ALWAYS);
        mark.getStyleClass().add("message-mark");
        Button close = new Button("\u2715");
        close.getStyleClass().add("message-close");
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        close.setOnAction(e -> hide());
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(8, 10, 8, 10));
        getChildren().addAll(mark, words, more, close);
        hide();
    }

    public void show(Tone tone, String message) {
        show(tone, message, null);
    }

    /**
     * A message in one line ({@code summary}, cut with "…" if the window is narrow) with its full account behind
     * a "details" link: a deadlock's banner, which must not push the diagram down.
     */
    public void show(Tone tone, String summary, String fullText) {
        text.setWrapText(fullText == null);
        details.setText(fullText == null ? "" : fullText);
        more.setVisible(fullText != null);
        more.setManaged(fullText != null);
        showDetails(false);
        showText(tone, summary);
    }

    /** Opens or closes the full account under the one line. */
    public void showDetails(boolean open) {
        boolean on = open && !details.getText().isEmpty();
        details.setVisible(on);
        details.setManaged(on);
        more.setText(on ? "hide details" : "details");
    }

    public boolean detailsShowing() {
        return details.isVisible();
    }

    /** The line shown (for a deadlock, its one-line summary). */
    public String summary() {
        return text.getText();
    }

    /** Whether the shown line is kept to one line. */
    public boolean isOneLine() {
        return !text.isWrapText() && text.getText().indexOf('\n') < 0;
    }

    private void showText(Tone tone, String message) {
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
        details.setText("");
        showDetails(false);
        more.setVisible(false);
        more.setManaged(false);
    }

    /** The whole message: the full account when there is one, else the line shown. */
    public String message() {
        return details.getText().isEmpty() ? text.getText() : details.getText();
    }

    public boolean isShowing() {
        return isVisible();
    }
}
