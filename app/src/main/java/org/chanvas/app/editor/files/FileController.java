package org.chanvas.app.editor.files;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.chanvas.app.editor.EditorDocument;
import org.chanvas.app.editor.panels.ConsolePanel;
import org.chanvas.app.editor.panels.MessageBar;
import org.chanvas.model.Channel;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.edit.AddChannel;
import org.chanvas.model.edit.AddJustification;
import org.chanvas.model.edit.AddProcess;
import org.chanvas.model.edit.Compound;
import org.chanvas.model.edit.EditCommand;
import org.chanvas.model.edit.EditResult;
import org.chanvas.model.edit.RemoveChannels;
import org.chanvas.model.edit.RemoveJustification;
import org.chanvas.model.edit.RemoveProcesses;
import org.chanvas.model.edit.SetTitle;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadError;
import org.chanvas.model.io.LoadResult;
import org.chanvas.model.io.SaveResult;

/**
 * The File menu: the dialogs and questions around opening and saving. Reading and writing is the model's
 * codec ({@link ChanvasFormat}), so this class only decides what to ask and what to show. A file that does
 * not load is explained in the message bar (file, line, column, JSON path, fault) and the open document is
 * left as it was.
 */
public final class FileController {

    /** How often unsaved work is copied aside. */
    private static final Duration AUTOSAVE_EVERY = Duration.seconds(30);

    private final Stage stage;
    private final EditorDocument document;
    private final MessageBar messages;
    private final ConsolePanel console;
    private final Runnable flushEdits;
    private final StateDirectory state = StateDirectory.fromSystem();
    private final RecentFiles recent = new RecentFiles(state.recentFile());
    private final ExampleLibrary examples = ExampleLibrary.locate();
    private final Autosave autosave = new Autosave(state.autosaveDirectory(),
            Long.toString(ProcessHandle.current().pid()) + "-" + System.currentTimeMillis());
    private final Timeline autosaveTimer;
    private Path lastFolder;
    private Runnable onOpened = () -> { };

    /** @param flushEdits commits typing in progress, so a save holds what is on screen */
    public FileController(Stage stage, EditorDocument document, MessageBar messages, ConsolePanel console,
                          Runnable flushEdits) {
        this.stage = stage;
        this.document = document;
        this.messages = messages;
        this.console = console;
        this.flushEdits = flushEdits;
        this.autosaveTimer = new Timeline(new KeyFrame(AUTOSAVE_EVERY, e -> autosaveNow()));
        autosaveTimer.setCycleCount(Timeline.INDEFINITE);
    }

    /** Called after a file opened or a new document started, e.g. to fit the view to it. */
    public void setOnOpened(Runnable action) {
        onOpened = action;
    }

    /** Starts copying unsaved work aside every 30 s. */
    public void startAutosave() {
        autosaveTimer.play();
    }

    /** Writes the autosave copy now if there is unsaved work, and drops it if there is none. */
    public void autosaveNow() {
        if (document.isDirty()) {
            autosave.write(document.network(), document.file());
        } else {
            autosave.discard();
        }
    }

    public Autosave autosave() {
        return autosave;
    }

    /** Offers back work a crashed session left behind; returns whether some was restored. */
    public boolean offerRecovery() {
        List<Autosave.Leftover> left = autosave.leftovers();
        if (left.isEmpty()) {
            return false;
        }
        Autosave.Leftover newest = left.getFirst();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(stage);
        a.setTitle("Recover unsaved work");
        a.setHeaderText("Chanvas did not close properly last time.");
        a.setContentText("Unsaved work on " + newest.original().map(p -> p.getFileName().toString()).orElse("an untitled network")
                + " was kept (" + newest.network().processes().size() + " processes). Restore it?");
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        a.getButtonTypes().setAll(restore, discard);
        boolean yes = a.showAndWait().filter(b -> b == restore).isPresent();
        left.forEach(autosave::forget);
        if (yes) {
            restore(newest);
        }
        return yes;
    }

    /**
     * Puts a leftover copy in the window as unsaved work on its original file: the file as on disk, then one
     * undo step that turns it into the copy, so the title shows unsaved work and undo goes back to the file.
     */
    public void restore(Autosave.Leftover leftover) {
        Network base = leftover.original().map(FileController::readQuietly).orElse(Network.empty());
        document.replace(base, leftover.original().orElse(null));
        if (!(document.execute(replaceAll(base, leftover.network())) instanceof EditResult.Applied)) {
            document.replace(leftover.network(), null);
        }
        messages.show(MessageBar.Tone.INFO, "Restored unsaved work from " + leftover.copy().getFileName()
                + ". Save to keep it.");
    }

    /** One step from {@code from} to {@code to}: everything removed, then everything of {@code to} added. */
    static EditCommand replaceAll(Network from, Network to) {
        List<EditCommand> steps = new ArrayList<>();
        for (Justification j : from.justified()) {
            steps.add(new RemoveJustification(j.channels()));
        }
        if (!from.channels().isEmpty()) {
            steps.add(new RemoveChannels(from.channels().stream().map(Channel::id).collect(Collectors.toSet())));
        }
        if (!from.processes().isEmpty()) {
            steps.add(new RemoveProcesses(from.processes().stream().map(Process::id).collect(Collectors.toSet())));
        }
        to.processes().forEach(p -> steps.add(new AddProcess(p)));
        to.channels().forEach(c -> steps.add(new AddChannel(c)));
        to.justified().forEach(j -> steps.add(new AddJustification(j)));
        steps.add(new SetTitle(to.title(), to.description()));
        return new Compound("Restore unsaved work", steps);
    }

    private static Network readQuietly(Path p) {
        return ChanvasFormat.read(p) instanceof LoadResult.Loaded(Network n) ? n : Network.empty();
    }

    public void newDocument() {
        if (confirmDiscard()) {
            document.replace(Network.empty(), null);
            messages.hide();
            autosave.discard();
            onOpened.run();
        }
    }

    /** Asks for a file and opens it. */
    public void open() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = chooser("Open network");
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /**
     * Opens {@code file} in place of the document. On failure the message bar says where and why, the console
     * lists every fault, and the document on screen stays as it was.
     */
    public boolean openFile(Path file) {
        switch (ChanvasFormat.read(file)) {
            case LoadResult.Loaded(Network network) -> {
                document.replace(network, file);
                recent.remember(file);
                lastFolder = file.toAbsolutePath().getParent();
                messages.hide();
                autosave.discard();
                document.say("Opened " + file.getFileName());
                onOpened.run();
                return true;
            }
            case LoadResult.Failed failed -> {
                LoadError first = failed.error();
                String more = failed.errors().size() > 1 ? " (and " + (failed.errors().size() - 1) + " more faults, listed in the Console)" : "";
                messages.show(MessageBar.Tone.ERROR, "Could not open " + file.getFileName() + ": "
                        + first.describe() + more + ". The open network is unchanged.");
                console.error("Could not open " + file);
                for (LoadError e : failed.errors()) {
                    console.error("  " + e.describe());
                }
                return false;
            }
        }
    }

    /** Asks whether to open {@code file}, discarding unsaved work, then opens it. */
    public void openAsked(Path file) {
        if (confirmDiscard()) {
            openFile(file);
        }
    }

    public boolean save() {
        flushEdits.run();
        Optional<Path> f = document.file();
        return f.isPresent() ? saveTo(f.get()) : saveAs();
    }

    public boolean saveAs() {
        flushEdits.run();
        FileChooser chooser = chooser("Save network");
        chooser.setInitialFileName(document.file().map(p -> p.getFileName().toString())
                .orElse(suggestedName(document.network())));
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return false;
        }
        Path p = f.toPath();
        if (!p.getFileName().toString().endsWith(".json")) {
            p = p.resolveSibling(p.getFileName() + ChanvasFormat.EXTENSION);
        }
        return saveTo(p);
    }

    /** Saves the document to {@code file}; a failure says why and leaves the old file as it was. */
    public boolean saveTo(Path file) {
        flushEdits.run();
        switch (ChanvasFormat.save(document.network(), file)) {
            case SaveResult.Saved saved -> {
                document.saved(file);
                recent.remember(file);
                lastFolder = file.toAbsolutePath().getParent();
                autosave.discard();
                document.say("Saved " + file.getFileName());
                return true;
            }
            case SaveResult.SaveFailed failed -> {
                messages.show(MessageBar.Tone.ERROR, "Could not save: " + failed.message());
                return false;
            }
        }
    }

    /**
     * Whether unsaved work may go: true when there is none, or the person saved it or chose to discard it.
     */
    public boolean confirmDiscard() {
        flushEdits.run();
        if (!document.isDirty()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(stage);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to " + document.file().map(p -> p.getFileName().toString()).orElse("Untitled") + "?");
        a.setContentText("Your changes are lost if you do not save them.");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType dont = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        a.getButtonTypes().setAll(save, dont, ButtonType.CANCEL);
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        return answer.get() == dont || save();
    }

    /** Quits after asking about unsaved work. */
    public void quit() {
        if (confirmDiscard()) {
            shutdown();
            Platform.exit();
        }
    }

    /** A clean exit: nothing to recover next time. */
    public void shutdown() {
        autosaveTimer.stop();
        autosave.discard();
    }

    public void fillRecent(Menu menu) {
        menu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem m = new MenuItem(p.getFileName() + "  \u2014  " + p.getParent());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> openAsked(p));
            menu.getItems().add(m);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    public void fillExamples(Menu menu) {
        menu.getItems().clear();
        // One sub-menu per heading of examples/README.md: the lecture's programs, the deadlock series, ...
        for (ExampleLibrary.Group g : examples.groups()) {
            Menu sub = new Menu(g.title());
            sub.setMnemonicParsing(false);
            for (Path p : g.examples()) {
                MenuItem m = new MenuItem(ExampleLibrary.displayName(p));
                m.setMnemonicParsing(false);
                m.setOnAction(e -> openAsked(p));
                sub.getItems().add(m);
            }
            menu.getItems().add(sub);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(examples.folder().map(f -> "(no examples in " + f + ")")
                    .orElse("(examples folder not found)"));
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    public ExampleLibrary examples() {
        return examples;
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Chanvas networks", "*" + ChanvasFormat.EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path folder = DialogFolders.of(examples).initial(lastFolder, document.file());
        if (folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    private static String suggestedName(Network n) {
        String base = n.title().isBlank() ? "untitled" : n.title().strip().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (base.isEmpty() ? "untitled" : base) + ChanvasFormat.EXTENSION;
    }
}
