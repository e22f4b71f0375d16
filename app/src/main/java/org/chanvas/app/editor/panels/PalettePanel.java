package org.chanvas.app.editor.panels;

import java.util.function.Consumer;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.chanvas.app.editor.ProcessTemplate;

/**
 * The palette of process templates. Drag one onto the canvas to add a process there, or double-click it to
 * add one in the middle of the view.
 */
public final class PalettePanel extends VBox {

    /** The drag-and-drop format that carries a template's name to the canvas. */
    public static final DataFormat TEMPLATE = templateFormat();

    private final ListView<ProcessTemplate> list = new ListView<>();

    /** @param addInMiddle adds a process from the template in the middle of the view */
    public PalettePanel(Consumer<ProcessTemplate> addInMiddle) {
        getStyleClass().add("palette");
        Label title = new Label("Processes");
        title.getStyleClass().add("panel-title");
        list.getItems().setAll(ProcessTemplate.all());
        list.setId("palette");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ProcessTemplate t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name());
                setTooltip(empty || t == null ? null : new Tooltip(t.hint() + "\nDrag onto the canvas, or double-click"));
                getStyleClass().removeAll("template-cell");
                if (!empty) {
                    getStyleClass().add("template-cell");
                }
            }
        });
        list.setOnDragDetected(e -> {
            ProcessTemplate t = list.getSelectionModel().getSelectedItem();
            if (t != null) {
                Dragboard db = list.startDragAndDrop(TransferMode.COPY);
                ClipboardContent content = new ClipboardContent();
                content.put(TEMPLATE, t.name());
                db.setContent(content);
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            ProcessTemplate t = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && t != null) {
                addInMiddle.accept(t);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        // A double-click on the canvas adds the selected template: one is always selected, and named here.
        list.getSelectionModel().select(list.getItems().stream().filter(t -> t.name().equals(ProcessTemplate.empty().name()))
                .findFirst().orElse(list.getItems().getLast()));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == null && a != null) {
                list.getSelectionModel().select(a);
            }
        });
        Label adds = new Label();
        adds.setId("palette-adds");
        adds.getStyleClass().add("hint");
        adds.setWrapText(true);
        adds.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            ProcessTemplate t = list.getSelectionModel().getSelectedItem();
            return "Double-click the canvas to add: " + (t == null ? ProcessTemplate.empty().name() : t.name());
        }, list.getSelectionModel().selectedItemProperty()));
        getChildren().addAll(title, list, adds);
    }

    public ListView<ProcessTemplate> list() {
        return list;
    }

    // DataFormat ids are global to the JVM; a second instance (a second window, or tests) must reuse it.
    private static DataFormat templateFormat() {
        DataFormat existing = DataFormat.lookupMimeType("application/x-chanvas-template");
        return existing != null ? existing : new DataFormat("application/x-chanvas-template");
    }
}
