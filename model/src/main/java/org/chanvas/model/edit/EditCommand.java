package org.chanvas.model.edit;

import org.chanvas.model.Network;

/**
 * One edit of a document, as a value: applying it to a network gives a new network or a reason it does not
 * apply. A gesture in the editor ends in exactly one command, so one undo step; the {@link UndoStack} keeps
 * the network before and after each command, which makes undo and redo exact by construction.
 */
public sealed interface EditCommand
        permits AddProcess, RemoveProcesses, MoveProcesses, RenameProcess, SetProcessLabel, SetScript, SetParams,
                AddChannel, RemoveChannels, Connect, Disconnect, SetChannelKind, SetChannelLabel, MoveChannelNode,
                AddJustification, RemoveJustification, SetTitle, Compound {

    /** The network after this edit, or why the edit does not fit {@code before}. Never throws on a bad fit. */
    EditResult apply(Network before);

    /** A short phrase for menus, e.g. {@code "Move 3 processes"}, shown as "Undo Move 3 processes". */
    String description();
}
