package org.chanvas.app.editor.panels;

import java.util.Objects;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.chanvas.app.editor.EditorDocument;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.edit.Disconnect;
import org.chanvas.model.edit.SetChannelKind;
import org.chanvas.model.edit.SetChannelLabel;

/** The inspector for one channel: label, kind and capacity, and its writers and readers. */
public final class ChannelInspector extends VBox {

    private final EditorDocument document;
    private final Label id = new Label();
    private final TextField label = new TextField();
    private final ChoiceBox<ChannelKind> kind = new ChoiceBox<>();
    private final Spinner<Integer> capacity = new Spinner<>(1, 1000, 1);
    private final ListView<Endpoint> writers = new ListView<>();
    private final ListView<Endpoint> readers = new ListView<>();
    private final Button disconnect = new Button("Disconnect end");
    private String channelId;
    private boolean updating;

    public ChannelInspector(EditorDocument document) {
        this.document = document;
        getStyleClass().add("inspector-section");
        setSpacing(6);
        setPadding(new Insets(8));
        id.setId("channel-id");
        kind.setId("channel-kind");
        capacity.setId("channel-capacity");
        label.setId("channel-label");
        kind.getItems().setAll(ChannelKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChannelKind k) {
                return k == null ? "" : k.word();
            }

            @Override
            public ChannelKind fromString(String s) {
                return ChannelKind.fromWord(s).orElse(ChannelKind.RENDEZVOUS);
            }
        });
        capacity.setEditable(true);
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(6);
        form.addRow(0, new Label("Id"), id);
        form.addRow(1, new Label("Label"), label);
        form.addRow(2, new Label("Kind"), kind);
        form.addRow(3, new Label("Capacity"), capacity);
        GridPane.setHgrow(label, Priority.ALWAYS);
        writers.setPrefHeight(90);
        readers.setPrefHeight(90);
        Label w = new Label("Writers (send / call)");
        w.getStyleClass().add("panel-subtitle");
        Label r = new Label("Readers (recv / reply)");
        r.getStyleClass().add("panel-subtitle");
        getChildren().addAll(form, w, writers, r, readers, disconnect);

        kind.valueProperty().addListener((o, a, k) -> commitKind());
        capacity.valueProperty().addListener((o, a, c) -> commitKind());
        label.setOnAction(e -> commitLabel());
        label.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitLabel();
            }
        });
        writers.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                readers.getSelectionModel().clearSelection();
            }
        });
        readers.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                writers.getSelectionModel().clearSelection();
            }
        });
        disconnect.setOnAction(e -> {
            Endpoint end = writers.getSelectionModel().getSelectedItem();
            if (end == null) {
                end = readers.getSelectionModel().getSelectedItem();
            }
            if (end != null && channelId != null) {
                document.execute(new Disconnect(channelId, end));
            }
        });
        kind.disableProperty().bind(document.lockedProperty());
        capacity.disableProperty().bind(document.lockedProperty().or(kind.valueProperty().isNotEqualTo(ChannelKind.BUFFERED)));
        disconnect.disableProperty().bind(document.lockedProperty());
        label.editableProperty().bind(document.lockedProperty().not());
    }

    public void show(Network network, String cid) {
        Channel c = network.channel(cid).orElse(null);
        if (c == null) {
            return;
        }
        boolean same = cid.equals(channelId);
        channelId = cid;
        updating = true;
        try {
            id.setText(c.id() + (c.isShared() ? "  (shared)" : ""));
            if (!same || !label.isFocused()) {
                label.setText(c.label() == null ? "" : c.label());
            }
            kind.setValue(c.kind());
            capacity.getValueFactory().setValue(Math.max(1, c.capacity()));
            writers.getItems().setAll(c.writers());
            readers.getItems().setAll(c.readers());
        } finally {
            updating = false;
        }
    }

    private void commitKind() {
        if (updating || channelId == null) {
            return;
        }
        Channel c = document.network().channel(channelId).orElse(null);
        ChannelKind k = kind.getValue();
        if (c == null || k == null) {
            return;
        }
        int cap = k == ChannelKind.BUFFERED ? capacity.getValue() : 0;
        if (c.kind() != k || c.capacity() != cap) {
            document.execute(new SetChannelKind(channelId, k, cap));
        }
    }

    private void commitLabel() {
        if (channelId == null || document.lockedProperty().get()) {
            return;
        }
        String current = document.network().channel(channelId).map(Channel::label).orElse(null);
        String next = label.getText().strip().isEmpty() ? null : label.getText().strip();
        if (!Objects.equals(current == null || current.isEmpty() ? null : current, next)) {
            document.execute(new SetChannelLabel(channelId, next));
        }
    }
}
