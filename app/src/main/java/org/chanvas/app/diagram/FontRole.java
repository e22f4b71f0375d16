package org.chanvas.app.diagram;

/** What a piece of text on the diagram is, which decides its font through the {@link Theme}. */
public enum FontRole {
    /** A process's name inside its box: bold and large. */
    PROCESS,
    /** A channel's name and kind beside its arrow. */
    CHANNEL,
    /** A port's name inside its process's box, beside its stub. */
    PORT,
    /** Marks drawn on a channel ("…12", wait numbers) and value pills of messages in flight. */
    MARK,
    /** A symbol that stands for a kind on the arrow itself (∞): large enough to read across a hall. */
    SYMBOL
}
