package org.chanvas.app.diagram;

/** What a process is doing during a run, as the overlay draws it (colour plus a badge, never colour alone). */
public enum ProcessState {
    /** Not started yet or between steps: drawn as at rest. */
    IDLE,
    /** Green. */
    RUNNING,
    /** Orange, with an outward badge. */
    WAITING_TO_SEND,
    /** Blue, with an inward badge. */
    WAITING_TO_RECEIVE,
    /** Purple, with a "z". */
    SLEEPING,
    /** Grey and faded. */
    FINISHED,
    /** Red, with a warning mark. */
    FAILED
}
