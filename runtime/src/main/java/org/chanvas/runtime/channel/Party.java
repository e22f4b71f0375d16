package org.chanvas.runtime.channel;

/**
 * The engine's view of whoever blocks in a channel operation, so it can tell waiting from working
 * (deadlock detection) without polling. Calls come in two orders and both must balance: the owner may be
 * {@link #claimed()} by another thread before its own {@link #blocking()} arrives.
 */
public interface Party {

    /** The owner registered an untimed wait and is about to park. */
    void blocking();

    /** Another thread matched the owner's untimed wait; the owner will wake with a result. */
    void claimed();

    /**
     * The owner is about to park in a wait with a timeout (a select with {@code after}) until {@code deadline}
     * ({@link System#nanoTime()}).
     *
     * @return true when the party unparks the owner at the deadline itself (an engine's own timers), so the
     *         wait sets no JDK timer; false to leave the wake-up to the JDK
     */
    default boolean timedWaiting(long deadline) {
        return false;
    }

    /** The owner woke from a timed wait, whatever woke it. */
    default void timedWoke() {
    }
}
