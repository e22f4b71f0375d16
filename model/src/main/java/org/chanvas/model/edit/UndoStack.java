package org.chanvas.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chanvas.model.Network;

/**
 * Holds the document: the current network, the commands done and undone, and where it was last saved.
 * Each step keeps the networks before and after its command; networks are immutable values that share their
 * unchanged parts, so this costs little and undo and redo give back exactly the earlier network.
 * Not thread-safe: one thread (the editor's) owns it.
 */
public final class UndoStack {

    /** Told after every change of the document or of its saved state. */
    @FunctionalInterface
    public interface Listener {
        void documentChanged(DocumentChange change);
    }

    private record Step(EditCommand command, Network before, Network after) {
    }

    /** How many steps are kept by default; older ones are forgotten. */
    public static final int DEFAULT_LIMIT = 1000;

    private final int limit;
    private final List<Step> steps = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();
    /** steps[0, done) are done; steps[done, size) can be redone. */
    private int done;
    /** The value of {@code done} when the document was last saved, or -1 if that state is out of reach. */
    private int saved;
    private Network current;

    public UndoStack(Network initial) {
        this(initial, DEFAULT_LIMIT);
    }

    public UndoStack(Network initial, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        this.limit = limit;
        this.current = Objects.requireNonNull(initial, "initial");
    }

    public Network current() {
        return current;
    }

    /**
     * Applies {@code command} to the current network. If it applies and changes something, it becomes one undo
     * step and clears the redo steps; a command that changes nothing leaves no step. A rejected command changes
     * nothing and tells no listener.
     */
    public EditResult execute(EditCommand command) {
        EditResult result = command.apply(current);
        if (result instanceof EditResult.Applied(Network after) && !after.equals(current)) {
            Network before = current;
            steps.subList(done, steps.size()).clear();
            if (saved > done) {
                saved = -1;
            }
            steps.add(new Step(command, before, after));
            done++;
            if (steps.size() > limit) {
                steps.removeFirst();
                done--;
                saved = saved > 0 ? saved - 1 : -1;
            }
            current = after;
            fire(new DocumentChange(DocumentChange.Kind.EDIT, before, after, command.description()));
        }
        return result;
    }

    /** Goes back one step; false if there is none. */
    public boolean undo() {
        if (!canUndo()) {
            return false;
        }
        Step step = steps.get(--done);
        current = step.before();
        fire(new DocumentChange(DocumentChange.Kind.UNDO, step.after(), step.before(), step.command().description()));
        return true;
    }

    /** Does again the step last undone; false if there is none. */
    public boolean redo() {
        if (!canRedo()) {
            return false;
        }
        Step step = steps.get(done++);
        current = step.after();
        fire(new DocumentChange(DocumentChange.Kind.REDO, step.before(), step.after(), step.command().description()));
        return true;
    }

    public boolean canUndo() {
        return done > 0;
    }

    public boolean canRedo() {
        return done < steps.size();
    }

    /** The phrase of the command undo would take back, e.g. "Move 3 processes". */
    public Optional<String> undoDescription() {
        return canUndo() ? Optional.of(steps.get(done - 1).command().description()) : Optional.empty();
    }

    /** The phrase of the command redo would do again. */
    public Optional<String> redoDescription() {
        return canRedo() ? Optional.of(steps.get(done).command().description()) : Optional.empty();
    }

    /** The Undo menu item's text: "Undo Move 3 processes", or just "Undo" when there is nothing to undo. */
    public String undoMenuText() {
        return undoDescription().map(d -> "Undo " + d).orElse("Undo");
    }

    /** The Redo menu item's text: "Redo Move 3 processes", or just "Redo". */
    public String redoMenuText() {
        return redoDescription().map(d -> "Redo " + d).orElse("Redo");
    }

    /** Records that the current network is what is on disk now. */
    public void markSaved() {
        boolean wasDirty = isDirty();
        saved = done;
        if (wasDirty) {
            fire(new DocumentChange(DocumentChange.Kind.SAVED_STATE, current, current, ""));
        }
    }

    /** Whether the current network differs from the last saved (or opened) one by some step. */
    public boolean isDirty() {
        return saved != done;
    }

    /** Starts over with a new document (opened or new): no history, and not dirty. */
    public void reset(Network document) {
        Network before = current;
        current = Objects.requireNonNull(document, "document");
        steps.clear();
        done = 0;
        saved = 0;
        fire(new DocumentChange(DocumentChange.Kind.RESET, before, current, ""));
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void fire(DocumentChange change) {
        // A copy, so that a listener may remove itself while being told.
        for (Listener l : List.copyOf(listeners)) {
            l.documentChanged(change);
        }
    }
}
