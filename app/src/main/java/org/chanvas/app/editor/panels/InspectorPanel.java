package org.chanvas.app.editor.panels;

import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.chanvas.app.editor.EditorDocument;
import org.chanvas.app.editor.Selection;
import org.chanvas.model.Network;
import org.chanvas.model.script.ParsedScript;

/** The inspector: shows the process, channel or document the selection is about, and edits it. */
public final class InspectorPanel extends BorderPane {

    private final EditorDocument document;
    private final Selection selection;
    private final ProcessInspector process;
    private final ChannelInspector channel;
    private final DocumentInspector whole;
    private final Label header = new Label();
    private final Label many = new Label();

    public InspectorPanel(EditorDocument document, Selection selection, Function<String, ParsedScript> parse) {
        this.document = document;
        this.selection = selection;
        this.process = new ProcessInspector(document, parse);
        this.channel = new ChannelInspector(document);
        this.whole = new DocumentInspector(document);
        getStyleClass().add("inspector");
        setId("inspector");
        header.getStyleClass().add("panel-title");
        header.setPadding(new Insets(6, 8, 0, 8));
        setTop(header);
        many.setPadding(new Insets(8));
        many.setWrapText(true);
        document.networkProperty().addListener((o, a, n) -> refresh());
        selection.processes().addListener((javafx.collections.SetChangeListener<String>) c -> refresh());
        selection.channels().addListener((javafx.collections.SetChangeListener<String>) c -> refresh());
        refresh();
    }

    /** Shows what the selection is about now. */
    public void refresh() {
        Network n = document.network();
        if (selection.singleProcess().isPresent() && n.process(selection.singleProcess().get()).isPresent()) {
            String id = selection.singleProcess().get();
            header.setText("Process " + n.process(id).get().displayLabel());
            process.show(n, id);
            if (getCenter() != process) {
                setCenter(process);
            }
        } else if (selection.singleChannel().isPresent() && n.channel(selection.singleChannel().get()).isPresent()) {
            process.flush();
            header.setText("Channel " + selection.singleChannel().get());
            channel.show(n, selection.singleChannel().get());
            setCenter(scroll(channel));
        } else if (!selection.isEmpty()) {
            process.flush();
            header.setText("Selection");
            many.setText(selection.processes().size() + " processes and " + selection.channels().size()
                    + " channels selected.\nDelete removes them; Ctrl+C, Ctrl+D copy and duplicate them.");
            setCenter(many);
        } else {
            process.flush();
            header.setText(n.title().isBlank() ? "Network" : n.title());
            whole.show(n);
            setCenter(scroll(whole));
        }
    }

    private static ScrollPane scroll(VBox content) {
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        return sp;
    }

    public ProcessInspector processInspector() {
        return process;
    }

    /** Commits typing in progress (before save, run, or leaving the process). */
    public void flush() {
        process.flush();
    }
}
