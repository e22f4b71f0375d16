package org.chanvas.app.editor.canvas;

/** What lies under a point of the canvas. */
public sealed interface Hit {

    /** The inside of a process box: a drag there moves it. */
    record ProcessBody(String id) implements Hit {
    }

    /** The rim of a process box or one of its port stubs: a drag there draws a channel. */
    record ProcessRim(String id) implements Hit {
    }

    /** A channel's arrow. */
    record ChannelArrow(String id) implements Hit {
    }

    /** The small node of a shared channel: a drag there moves the node. */
    record ChannelNode(String id) implements Hit {
    }
}
