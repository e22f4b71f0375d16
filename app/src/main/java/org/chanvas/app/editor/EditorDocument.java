package org.chanvas.app.editor;

import java.nio.file.Path;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.chanvas.model.Network;
import org.chanvas.model.edit.DocumentChange;
import org.chanvas.model.edit.EditCommand;
import org.chanvas.model.edit.EditResult;
import org.chanvas.model.edit.UndoStack;

/**
 * The view model of the open document: the network (read-only property), its file, whether it has unsaved
 * work, and undo/redo. Every change goes through an {@link EditCommand} on the model's {@link UndoStack}, so
 * one gesture is one undo step. While a run has the document locked, edits are refused with a reason.
 */
public final class EditorDocument {

    private final UndoStack stack = new UndoStack(Network.empty());
    private final ReadOnlyObjectWrapper<Network> network = new ReadOnlyObjectWrapper<>(this, "network", Network.empty());
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");

    public EditorDocument() {
        stack.addListener(this::changed);
    }

    private void changed(DocumentChange change) {
        network.set(stack.current());
        dirty.set(stack.isDirty());
        canUndo.set(stack.canUndo());
        canRedo.set(stack.canRedo());
        undoText.set(stack.undoMenuText());
        redoText.set(stack.redoMenuText());
        switch (change.kind()) {
            case UNDO -> message.set("Undid " + change.description());
            case REDO -> message.set("Redid " + change.description());
            case EDIT -> message.set(change.description());
            case RESET, SAVED_STATE -> { }
        }
    }

    /** Applies one command as one undo step; a rejection (or a locked document) is reported, not thrown. */
    public EditResult execute(EditCommand command) {
        if (locked.get()) {
            EditResult r = EditResult.rejected("the network is running: stop the run to edit");
            message.set("Cannot " + command.description().toLowerCase(java.util.Locale.ROOT) + ": "
                    + ((EditResult.Rejected) r).reason());
            return r;
        }
        EditResult result = stack.execute(command);
        if (result instanceof EditResult.Rejected(String reason)) {
            message.set("Cannot " + command.description().toLowerCase(java.util.Locale.ROOT) + ": " + reason);
        }
        return result;
    }

    public boolean undo() {
        return !locked.get() && stack.undo();
    }

    public boolean redo() {
        return !locked.get() && stack.redo();
    }

    /** Replaces the document (after New or Open): no history, not dirty. */
    public void replace(Network document, Path from) {
        file.set(from);
        stack.reset(document);
        changed(new DocumentChange(DocumentChange.Kind.RESET, document, document, ""));
    }

    /** Records that the document is now on disk as {@code to}. */
    public void saved(Path to) {
        file.set(to);
        stack.markSaved();
        dirty.set(stack.isDirty());
    }

    /** Locks editing while a run shows the network, and unlocks it after. */
    public void setLocked(boolean value) {
        locked.set(value);
    }

    /** Shows a one-line message in the status bar. */
    public void say(String text) {
        message.set(text);
    }

    public Network network() {
        return network.get();
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file.get());
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyObjectProperty<Network> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }
}
