package org.chanvas.model.analysis;

/** What is wrong, one constant per rule a valid network keeps; the message says it in words. */
public enum FaultKind {
    /** Two processes share an id. */
    DUPLICATE_PROCESS,
    /** Two channels share an id. */
    DUPLICATE_CHANNEL,
    /** An id does not match {@code [A-Za-z_][A-Za-z0-9_-]*}. */
    BAD_ID,
    /** A channel end names a process the network does not have. */
    UNKNOWN_PROCESS,
    /** A channel end names a port its process's script does not use. */
    UNKNOWN_PORT,
    /** A channel lists the same end twice on one side. */
    DUPLICATE_END,
    /** A port is a writer of one channel and a reader of another (or of the same one). */
    PORT_BOTH_WAYS,
    /** A port is an end of more than one channel, so the script could not say which it means. */
    PORT_ON_SEVERAL_CHANNELS,
    /** A channel end is on the wrong side: a port the script receives on wired as a writer, or the reverse. */
    WRONG_SIDE,
    /** A script operation that does not fit the channel kind: send on a call channel, call or reply on another. */
    WRONG_OPERATION,
    /** A port the script uses is not an end of any channel. */
    UNCONNECTED_PORT,
    /** A channel with no writer. */
    NO_WRITER,
    /** A channel with no reader. */
    NO_READER,
    /** A buffered channel without a capacity of at least 1, or another kind that sets one. */
    BAD_CAPACITY,
    /** A fault the script parser found. */
    SCRIPT,
    /** A process or channel node placed farther out than {@link NetworkValidator#MAX_COORDINATE} (or not at a number). */
    OFF_DRAWING
}
