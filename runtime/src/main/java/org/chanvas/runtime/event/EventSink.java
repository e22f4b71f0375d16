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

    /** False when events are thrown away, so engines need not build them. */
    default boolean enabled() {
        return true;
    }
}
