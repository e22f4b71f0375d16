package org.chanvas.app.editor.files;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.app.editor.EditorDocument;
import org.chanvas.app.editor.panels.MessageBar;
import org.chanvas.app.export.ExportOptions;
import org.chanvas.app.export.ExportResult;
import org.chanvas.app.export.Exporter;
import org.chanvas.app.export.Exporters;

/**
 * File → Export…: asks where, then lets the exporter that the file's ending names draw the network with its
 * cycles highlighted, as the command line's {@code export} does, so a slide matches the screen.
 */
public final class ExportAction {

    private final Stage stage;
    private final EditorDocument document;
    private final MessageBar messages;
    private final Supplier<Highlights> highlights;

    /** @param highlights the cycles as the canvas shows them (no selection, no run) */
    /** The folder the user last exported to, where the next export starts. */
    private Path lastFolder;

    public ExportAction(Stage stage, EditorDocument document, MessageBar messages, Supplier<Highlights> highlights) {
        this.stage = stage;
        this.document = document;
        this.messages = messages;
        this.highlights = highlights;
    }

    public void ask() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export diagram");
        for (Exporter e : java.util.stream.Stream.concat(Exporters.all().stream(), Exporters.code().stream()).toList()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(e.description() + " (*." + e.extension()
                    + ")", "*." + e.extension()));
        }
        String stem = document.file().map(p -> p.getFileName().toString().replace(".chanvas.json", ""))
                .orElse("network");
        chooser.setInitialFileName(stem + ".png");
        Path start = DialogFolders.of(ExampleLibrary.locate()).initial(lastFolder, document.file());
        if (start.toFile().isDirectory()) {
            chooser.setInitialDirectory(start.toFile());
        }
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        lastFolder = f.toPath().toAbsolutePath().getParent();
        Path target = f.toPath();
        if (Exporters.forPath(target).isEmpty() && chooser.getSelectedExtensionFilter() != null) {
            String ext = chooser.getSelectedExtensionFilter().getExtensions().getFirst().substring(1);
            target = target.resolveSibling(target.getFileName() + ext);
        }
        exportTo(target);
    }

    /** Exports to {@code target}, the format chosen by its ending; says how it went. */
    public boolean exportTo(Path target) {
        // code quotes the command that made it, naming the network's file when it has one
        Optional<Exporter> exporter = Exporters.forPath(target).map(x -> x instanceof org.chanvas.app.export.code
                .CodeExporter code ? document.file().map(code::from).orElse(code) : x);
        if (exporter.isEmpty()) {
            messages.show(MessageBar.Tone.ERROR, "Cannot export to " + target.getFileName()
                    + ": use a name ending in .png, .svg, .pdf or .dot, or .py, .go or .pml for code");
            return false;
        }
        ExportResult r = exporter.get().export(document.network(), highlights.get(), ExportOptions.defaults(), target);
        switch (r) {
            case ExportResult.Written w -> {
                document.say("Exported " + w.file().getFileName() + " (" + w.bytes() / 1024 + " KB)");
                return true;
            }
            case ExportResult.Failed failed -> {
                messages.show(MessageBar.Tone.ERROR, "Could not export " + failed.file().getFileName() + ": "
                        + failed.reason());
                return false;
            }
        }
    }
}
