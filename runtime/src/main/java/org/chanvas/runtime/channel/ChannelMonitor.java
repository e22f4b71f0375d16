package org.chanvas.runtime.channel;

/**
 * Watches the messages a channel moves: a pacing gate consulted before each transfer to a reader, and a
 * report after it. Called by whichever thread completes the transfer, outside every channel lock.
 */
public interface ChannelMonitor {

    /** No gate, no reports. */
    ChannelMonitor NONE = new ChannelMonitor() {
    };

    /** May wait (pause, step, pace) before a message reaches its reader. */
    default void beforeTransfer(ParkingChannel<?> channel) throws InterruptedException {
    }

    /**
     * A message went from a writer to a reader.
     *
     * @param fromTag the tag the writer sent with, @param toTag the tag the reader received with
     */
    default void transferred(ParkingChannel<?> channel, Object fromTag, Object toTag, Object value) {
    }

    /**
     * The buffer of a buffered or unbounded channel now holds {@code held} messages. Called under the channel's
     * lock, so that reports of one channel arrive in the order the buffer changed: it must not block.
     *
     * @param fromTag the tag of the writer whose message just went into the buffer (a put, or a waiting writer
     *                refilling the slot a take freed), else null: a trace names it, so a replay knows whose put
     *                it was when two writers offer the same value
     */
    default void held(ParkingChannel<?> channel, int held, Object fromTag) {
    }
}
