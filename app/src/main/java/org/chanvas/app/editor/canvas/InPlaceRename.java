package org.chanvas.app.editor.canvas;

import java.util.Optional;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import org.chanvas.app.editor.EditorDocument;
import org.chanvas.model.Process;
import org.chanvas.model.edit.Ids;
import org.chanvas.model.edit.RenameProcess;
import org.chanvas.model.edit.SetProcessLabel;

/**
 * Renames a process where it is drawn: a text field over its box. Enter commits, Escape or clicking away
 * cancels. A valid, unlabelled id is renamed (channels follow); any other text becomes the display label.
 */
public final class InPlaceRename {

    private final Pane layer;
    private final DiagramView view;
    private final EditorDocument document;
    private final TextField field = new TextField();
    private String editing;

    /** @param layer a pane over the canvas, the same size, that holds the field while renaming */
    public InPlaceRename(Pane layer, DiagramView view, EditorDocument document) {
        this.layer = layer;
        this.view = view;
        this.document = document;
        field.setId("rename-field");
        field.getStyleClass().add("rename-field");
        field.setManaged(false);
        field.setOnAction(e -> commit());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancel();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is && editing != null) {
                cancel();
            }
        });
    }

    /** Starts renaming {@code id}. */
    public void start(String id) {
        if (document.lockedProperty().get()) {
            return;
        }
        Optional<Process> p = document.network().process(id);
        Rectangle2D box = view.processBoxesOnScreen().get(id);
        if (p.isEmpty() || box == null) {
            return;
        }
        editing = id;
        field.setText(p.get().displayLabel());
        double w = Math.max(box.getWidth(), 120);
        field.resizeRelocate(box.getMinX() + box.getWidth() / 2 - w / 2, box.getMinY() + box.getHeight() / 2 - 15, w, 30);
        if (!layer.getChildren().contains(field)) {
            layer.getChildren().add(field);
        }
        field.requestFocus();
        field.selectAll();
    }

    private void commit() {
        String id = editing;
        editing = null;
        layer.getChildren().remove(field);
        view.requestFocus();
        if (id == null) {
            return;
        }
        String text = field.getText().strip();
        Process p = document.network().process(id).orElse(null);
        if (p == null || text.isEmpty() || text.equals(p.displayLabel())) {
            return;
        }
        boolean unlabelled = p.label() == null || p.label().isEmpty();
        if (unlabelled && Ids.isValid(text)) {
            document.execute(new RenameProcess(id, text));
        } else {
            document.execute(new SetProcessLabel(id, text));
        }
    }

    private void cancel() {
        editing = null;
        layer.getChildren().remove(field);
    }

    public boolean isEditing() {
        return editing != null;
    }
}
