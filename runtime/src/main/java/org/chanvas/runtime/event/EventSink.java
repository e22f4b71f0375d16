package org.chanvas.runtime.event;

/** Where a run sends its events. Implementations never block the process that emits. */
public interface EventSink {

    /** Drops everything; engines skip building events for it. */
    EventSink NONE = new EventSink() {
        @Override
        public void accept(RunEvent event) {
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };

    void accept(RunEvent event);

    /**
     * False when the sink wants only what a run says to its user (prints, script errors, the timeout, the
     * deadlock), not every move: engines may then skip building the move events (start, send, transfer,
     * receive, block, buffer, sleep, end), which are most of a busy run's allocations.
     */
    default boolean enabled() {
        return true;
    }

    /** Whether a sink that is not {@link #enabled()} still gets this event: what the run says to its user. */
    static boolean toldAlways(RunEvent e) {
        return e instanceof RunEvent.Printed || e instanceof RunEvent.Failed || e instanceof RunEvent.Timeout
                || e instanceof RunEvent.Deadlock;
    }
}
