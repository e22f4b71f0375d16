package org.chanvas.runtime.event;

import java.util.List;
import org.chanvas.model.Endpoint;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;

/**
 * Something that happened in a run, stamped with nanoseconds since the run began (virtual time in the
 * deterministic engine). Processes are named by id; values are script values.
 */
public sealed interface RunEvent {

    long nanos();

    /** The process began running its script. */
    record Started(long nanos, String process, String label) implements RunEvent {
    }

    /** The process offers a message (send, or the request of a call) on a port. */
    record SendOffered(long nanos, String process, String port, String channel, Object value) implements RunEvent {
    }

    /** A message moved from a writer's endpoint to a reader's (for a call's reply: server to client). */
    record Transfer(long nanos, String channel, Endpoint from, Endpoint to, Object value) implements RunEvent {
    }

    /**
     * The buffer of a buffered or unbounded channel now holds this many messages (slots fill and empty).
     *
     * @param from on a put, the writer endpoint whose message went in (so a replay need not guess which writer
     *             of a shared channel it was); null on a take, or when the engine does not say
     */
    record Buffer(long nanos, String channel, int held, Endpoint from) implements RunEvent {
        public Buffer(long nanos, String channel, int held) {
            this(nanos, channel, held, null);
        }
    }

    /** The process got a message (or a reply) on a port. */
    record Received(long nanos, String process, String port, String channel, Object value) implements RunEvent {
    }

    /** The process waits on these (one for send/recv/call, several for a select). */
    record Blocked(long nanos, String process, List<WaitOn> on) implements RunEvent {
        public Blocked {
            on = List.copyOf(on);
        }
    }

    /** {@code print}. */
    record Printed(long nanos, String process, String label, String text) implements RunEvent {
    }

    /** {@code sleep}. */
    record Slept(long nanos, String process, long millis) implements RunEvent {
    }

    /** The process finished its script or ran {@code stop}. */
    record Ended(long nanos, String process) implements RunEvent {
    }

    /** A script error stopped the process (and the run). */
    record Failed(long nanos, String process, int line, int column, String message) implements RunEvent {
    }

    /** Nothing can move: deadlock, or stuck when {@link Diagnosis#stuck()}. */
    record Deadlock(long nanos, Diagnosis diagnosis) implements RunEvent {
    }

    /** {@code random(lo, hi)} gave this value to the process (so a replay takes the same value). */
    record Drawn(long nanos, String process, long value) implements RunEvent {
    }

    /** The run's time limit passed. */
    record Timeout(long nanos) implements RunEvent {
    }
}
