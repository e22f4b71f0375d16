package org.chanvas.runtime.channel;

/**
 * A one-way channel any number of threads write to and read from; each message reaches exactly one reader.
 * Every blocking operation is interruptible.
 */
public interface MessageChannel<T> {

    /** The channel's name, used in messages. */
    String name();

    /** Sends, waiting while the channel cannot take the message (no reader / buffer full). */
    void send(T value) throws InterruptedException;

    /** Receives the next message, waiting until there is one. */
    T recv() throws InterruptedException;
}
