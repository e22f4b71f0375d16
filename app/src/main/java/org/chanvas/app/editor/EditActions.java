package org.chanvas.app.editor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chanvas.app.editor.canvas.DiagramView;
import org.chanvas.model.Channel;
import org.chanvas.model.Network;
import org.chanvas.model.edit.Compound;
import org.chanvas.model.edit.EditResult;

/**
 * The Edit menu's work: delete, copy, paste, duplicate, select all, undo and redo. Each is one command, so
 * one undo step; the selection follows what was made.
 */
public final class EditActions {

    /** How far a paste or duplicate lands from the original, so the copy is visible. */
    private static final double PASTE_OFFSET = 40;

    private final EditorDocument document;
    private final Selection selection;
    private final DiagramView view;
    private Fragment clipboard;
    private int pastesInARow;

    public EditActions(EditorDocument document, Selection selection, DiagramView view) {
        this.document = document;
        this.selection = selection;
        this.view = view;
    }

    /** Deletes the selection; channels left dangling by deleted processes go too, in the same step. */
    public void delete() {
        if (selection.isEmpty()) {
            return;
        }
        Set<String> ps = Set.copyOf(selection.processes());
        Set<String> cs = new HashSet<>(selection.channels());
        if (document.execute(Compound.deleteSelection(ps, cs)) instanceof EditResult.Applied) {
            selection.clear();
        }
    }

    public void copy() {
        if (!selection.processes().isEmpty()) {
            clipboard = Fragment.of(document.network(), Set.copyOf(selection.processes()));
            pastesInARow = 0;
            document.say("Copied " + clipboard.processes().size() + " processes and " + clipboard.channels().size()
                    + " channels");
        }
    }

    public void cut() {
        copy();
        delete();
    }

    public void paste() {
        if (clipboard == null || clipboard.isEmpty()) {
            return;
        }
        pastesInARow++;
        pasteFragment(clipboard, PASTE_OFFSET * pastesInARow);
    }

    /** Copies and pastes the selected processes in one step, beside the originals. */
    public void duplicate() {
        if (selection.processes().isEmpty()) {
            return;
        }
        pasteFragment(Fragment.of(document.network(), Set.copyOf(selection.processes())), PASTE_OFFSET);
    }

    private void pasteFragment(Fragment f, double offset) {
        Fragment.Pasted pasted = f.pasteInto(document.network(), offset, offset);
        if (document.execute(pasted.command()) instanceof EditResult.Applied) {
            selection.set(pasted.processIds(), pasted.channelIds());
        }
    }

    public void selectAll() {
        Network n = document.network();
        selection.set(n.processes().stream().map(org.chanvas.model.Process::id).toList(),
                n.channels().stream().map(Channel::id).toList());
    }

    public void undo() {
        document.undo();
        selection.retainExisting(document.network());
    }

    public void redo() {
        document.redo();
        selection.retainExisting(document.network());
    }

    public boolean hasClipboard() {
        return clipboard != null && !clipboard.isEmpty();
    }

    /** Zooms by a factor around the middle of the view. */
    public void zoom(double factor) {
        view.viewport().zoomAt(factor, view.getWidth() / 2, view.getHeight() / 2);
        view.viewMovedByHand();
        view.repaint();
    }

    List<String> selectedProcesses() {
        return List.copyOf(selection.processes());
    }
}
