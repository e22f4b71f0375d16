package org.chanvas.app.editor.panels;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.chanvas.app.editor.EditorDocument;
import org.chanvas.model.Network;
import org.chanvas.model.edit.SetTitle;

/** The inspector when nothing is selected: the network's title and description, and how to start. */
public final class DocumentInspector extends VBox {

    private final EditorDocument document;
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final Label summary = new Label();

    public DocumentInspector(EditorDocument document) {
        this.document = document;
        getStyleClass().add("inspector-section");
        setSpacing(6);
        setPadding(new Insets(8));
        title.setId("document-title");
        description.setWrapText(true);
        description.setPrefRowCount(4);
        Label hint = new Label("""
                Drag a template from the palette onto the canvas, or double-click the canvas.
                Drag from the rim of a box to another box to connect them.
                Drag the background to select an area, right-drag it to pan, the wheel zooms.""");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        summary.getStyleClass().add("panel-subtitle");
        getChildren().addAll(new Label("Title"), title, new Label("Description"), description, summary, hint);
        title.setOnAction(e -> commit());
        title.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit();
            }
        });
        description.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit();
            }
        });
        title.editableProperty().bind(document.lockedProperty().not());
        description.editableProperty().bind(document.lockedProperty().not());
    }

    public void show(Network network) {
        if (!title.isFocused()) {
            title.setText(network.title());
        }
        if (!description.isFocused()) {
            description.setText(network.description());
        }
        int ps = network.processes().size();
        int cs = network.channels().size();
        summary.setText(ps + (ps == 1 ? " process, " : " processes, ") + cs + (cs == 1 ? " channel" : " channels"));
    }

    private void commit() {
        Network n = document.network();
        if (!title.getText().equals(n.title()) || !description.getText().equals(n.description())) {
            document.execute(new SetTitle(title.getText(), description.getText()));
        }
    }
}
