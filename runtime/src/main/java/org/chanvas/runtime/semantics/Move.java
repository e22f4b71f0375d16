package org.chanvas.runtime.semantics;

/**
 * One move of a network (SPEC §5): one communication, a timer that fires, a sleeper that wakes, or a process's
 * own step while it is runnable. Processes and channels are named by their index in the {@code RunPlan} (and
 * the network's channel list); a guard is the index of a select's guard, or -1 outside a select. Applying a
 * move also runs the local computation of every process it touched up to that process's next communication.
 */
public sealed interface Move {

    /** A runnable process computes (its first step, or the next after its step budget ran out). */
    record Step(int process) implements Move {
    }

    /** A writer hands its message straight to a reader: a rendezvous, or the request of a call. */
    record HandOver(int channel, int writer, int writerGuard, int reader, int readerGuard) implements Move {
    }

    /** A writer puts its message into a buffered or unbounded channel. */
    record Put(int channel, int writer, int writerGuard) implements Move {
    }

    /** A reader takes the oldest message of a buffered or unbounded channel. */
    record Take(int channel, int reader, int readerGuard) implements Move {
    }

    /** A server answers the call it last received on the port it replies on. */
    record Reply(int server, int client) implements Move {
    }

    /** The {@code after} guard of a waiting select fires. */
    record Fire(int process) implements Move {
    }

    /** A sleeping process wakes up. */
    record Wake(int process) implements Move {
    }

    /** {@code random(lo, hi)} gives {@code value} (a machine that asks for its random choices). */
    record Choose(int process, long value) implements Move {
    }
}
