package org.chanvas.runtime.watch;

/**
 * One thing a blocked process waits for: a message on a port (recv), a reader for its message (send), or
 * the reply to its call.
 *
 * @param peer for a reply: the id of the server holding the request, when known; null otherwise
 */
public record WaitOn(String channel, String port, Direction direction, String peer) {

    /** Which way the process waits. */
    public enum Direction {
        SEND, RECV, REPLY;

        /** The word used in traces: {@code send}, {@code recv}, {@code reply}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static WaitOn send(String channel, String port) {
        return new WaitOn(channel, port, Direction.SEND, null);
    }

    public static WaitOn recv(String channel, String port) {
        return new WaitOn(channel, port, Direction.RECV, null);
    }

    public static WaitOn reply(String channel, String port, String server) {
        return new WaitOn(channel, port, Direction.REPLY, server);
    }

    /** In words, e.g. {@code to receive on in (channel q)}. */
    public String describe() {
        return switch (direction) {
            case SEND -> "to send on " + port + " (channel " + channel + ")";
            case RECV -> "to receive on " + port + " (channel " + channel + ")";
            case REPLY -> "for the reply to its call on " + port + " (channel " + channel + ")"
                    + (peer == null ? "" : " from " + peer);
        };
    }
}
