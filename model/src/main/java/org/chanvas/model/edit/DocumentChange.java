package org.chanvas.model.edit;

import java.util.Objects;
import org.chanvas.model.Network;

/**
 * One change of the document held by an {@link UndoStack}, as told to its listeners.
 *
 * @param description the command's phrase ("Move 3 processes"), or "" for a reset
 */
public record DocumentChange(Kind kind, Network before, Network after, String description) {

    /** What made the change. */
    public enum Kind {
        /** A new command. */
        EDIT,
        /** An undo step. */
        UNDO,
        /** A redo step. */
        REDO,
        /** A whole new document (opened, new), history cleared. */
        RESET,
        /** Only the saved marker moved (saved, or dirty again); the network is the same. */
        SAVED_STATE
    }

    public DocumentChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(description, "description");
    }
}
