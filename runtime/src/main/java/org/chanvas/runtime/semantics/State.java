package org.chanvas.runtime.semantics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.chanvas.model.Endpoint;
import org.chanvas.runtime.interp.ProcessMachine;
import org.chanvas.runtime.interp.Request;

/**
 * A global state of a network between moves: every process's machine and status, every channel's buffer and
 * waiting offers, the pending calls, the virtual clock (timed semantics only) and whom each process last
 * talked to. Made by {@link Semantics#initial()}, changed in place by {@link Semantics#apply}; {@link #copy()}
 * gives an independent state. Besides the data, it keeps which processes and channels have a move now, so a
 * scheduler's cost per move does not grow with the size of the network.
 *
 * <p>Copies are copy-on-write: a copy shares every process, channel and index set with its original, and a
 * move copies only the parts it changes (a search keeps millions of states that differ in two processes).
 * A part belongs to the state whose {@link #token} it carries; {@link #copy()} gives both states new tokens,
 * so neither may change a shared part in place.
 */
public final class State {

    /** Where a process stands. */
    public enum Status {
        /** It can compute (a {@link Move.Step}). */
        RUNNABLE,
        /** It waits for a communication (or, with a Reply request, to answer one). */
        WAITING,
        /** It sleeps until its timer (a plain sleep, or a select with only {@code after}). */
        SLEEPING,
        ENDED,
        FAILED
    }

    /** A message in a buffer and the writer endpoint it came from. */
    public record Held(Object value, int writer, String port) {
    }

    /** A process waiting on a channel: a reader, or a writer with its message; guard -1 outside a select. */
    public record Offer(int process, int guard, String port, Object value) {
    }

    /** A timer of the timed semantics; stale once the process's timer generation moved on. */
    record Timer(long at, int process, long generation) {
    }

    static final class Proc {
        /** The state that may change this in place; any other state copies it first. */
        Object owner;
        ProcessMachine machine;
        /** The machine may be shared (with other states or a {@link Memo}): copy it before changing it. */
        boolean machineShared;
        /** The machine's number in a {@link Memo}'s local states, or -1 when not known. */
        int local = -1;
        Status status = Status.RUNNABLE;
        Request request;
        /** Channels this process has offers on. */
        int[] offeredOn = new int[0];
        int offeredCount;
        /** offeredOn may be shared with a copy: replace it rather than write into it. */
        boolean offeredShared;
        /** The select's after guard while it waits, or -1. */
        int afterGuard = -1;
        /** When its timer fires (timed), or -1. */
        long wakeAt = -1;
        /** Bumped whenever a timer is set or cancelled, so stale heap entries are skipped. */
        long timerGeneration;
        /** Whom it last exchanged a message with (index, or -1); kept here, as the move copies both anyway. */
        int partner = -1;
        /** A call whose request a server took: that server's index, else -1. */
        int server = -1;
        /** Per call port of a server: the client whose request came in last and waits for the reply. */
        HashMap<String, Integer> toAnswer;

        /** A copy for {@code owner} that shares the machine until one of them changes it. */
        Proc copy(Object owner) {
            Proc p = new Proc();
            p.owner = owner;
            p.machine = machine;
            p.machineShared = true;
            p.local = local;
            p.status = status;
            p.request = request;
            p.offeredOn = offeredOn;
            p.offeredShared = true;
            p.offeredCount = offeredCount;
            p.afterGuard = afterGuard;
            p.wakeAt = wakeAt;
            p.timerGeneration = timerGeneration;
            p.server = server;
            p.partner = partner;
            p.toAnswer = toAnswer == null ? null : new HashMap<>(toAnswer);
            return p;
        }
    }

    static final Offer[] NO_OFFERS = new Offer[0];

    static final class Chan {
        /** The state that may change this in place. */
        Object owner;
        /** The buffer's number in a {@link Memo}'s channel contents, or -1 when not known. */
        int contents = -1;
        final ArrayDeque<Held> buffer;
        /** Sorted by (process, guard): a canonical order, whatever order the offers came in. */
        /** Sorted by (process, guard); never changed in place, only replaced, so copies share them. */
        Offer[] writers = NO_OFFERS;
        Offer[] readers = NO_OFFERS;

        Chan(boolean buffered) {
            buffer = buffered ? new ArrayDeque<>(2) : null;

        }

        Chan(Chan o, Object owner) {
            this.owner = owner;
            this.contents = o.contents;
            buffer = o.buffer == null ? null : new ArrayDeque<>(o.buffer);
            writers = o.writers;
            readers = o.readers;
        }
    }

    /** Marks the parts this state may change in place (see the class comment). */
    Object token = new Object();
    final Proc[] procs;
    final Chan[] chans;
    /**
     * A copy that takes one move and is then only encoded ({@link #encodingCopy()}): offers and readiness are
     * not kept, and {@code moved} says it took its move.
     */
    boolean lean;
    boolean moved;
    /** Processes with a move of their own now (a step, a reply, an untimed or zero after, a zero sleep). */
    IndexSet ready;
    /** Channels on which a communication can happen now. */
    IndexSet live;
    /** Timers of more than zero ms (timed semantics). */
    PriorityQueue<Timer> timers;
    /** Whether ready, live and timers are this state's own, or shared with a copy. */
    private boolean ownReady = true;
    private boolean ownLive = true;
    private boolean ownTimers = true;

    long now;
    int running;
    /** The process whose script error ended the run, or -1. */
    int failed = -1;
    /** That error. */
    Request.Failed failure;

    State(int processes, boolean[] buffered) {
        procs = new Proc[processes];
        chans = new Chan[buffered.length];
        for (int i = 0; i < buffered.length; i++) {
            chans[i] = new Chan(buffered[i]);
            chans[i].owner = token;
        }
        ready = new IndexSet(processes);
        live = new IndexSet(buffered.length);
        timers = new PriorityQueue<>(4, (a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
                : Integer.compare(a.process, b.process));
        running = processes;
    }

    /**
     * A state to fill in (a rebuilt one, {@link Semantics#decode}): no channels yet, and the timers shared with
     * {@code timers} (an empty queue nobody changes in place) until a move sets one.
     */
    State(int processes, int channels, PriorityQueue<Timer> timers) {
        procs = new Proc[processes];
        chans = new Chan[channels];
        ready = new IndexSet(processes);
        live = new IndexSet(channels);
        this.timers = timers;
        ownTimers = false;
        running = processes;
    }

    private State(State o) {
        procs = o.procs.clone();
        chans = o.chans.clone();
        ready = o.ready;
        live = o.live;
        timers = o.timers;
        ownReady = ownLive = ownTimers = false;
        now = o.now;
        running = o.running;
        failed = o.failed;
        failure = o.failure;
    }

    /**
     * An independent state equal to this one. It shares every part with this state until either changes it:
     * the cost is two arrays of references, whatever the size of the processes.
     */
    public State copy() {
        token = new Object(); // this state no longer owns what it now shares
        ownReady = ownLive = ownTimers = false;
        return new State(this);
    }

    /**
     * A copy for a search that only encodes the state one move leads to
     * ({@link Semantics#encode(State, org.chanvas.runtime.interp.ByteSink, Memo)}): the move skips the
     * bookkeeping of offers and of which processes and channels can move, which only the enabled moves read, so
     * the copy takes exactly one move and is never asked for its moves (a search rebuilds the state it expands
     * from its encoding, {@link Semantics#decode}). Everything the encoding writes is as after a full move.
     */
    public State encodingCopy() {
        State c = copy();
        c.lean = true;
        return c;
    }

    /** Process {@code i}, this state's own, to change. */
    Proc ownProc(int i) {
        Proc p = procs[i];
        if (p.owner != token) {
            p = p.copy(token);
            procs[i] = p;
        }
        return p;
    }

    /** Channel {@code c}, this state's own, to change. */
    Chan ownChan(int c) {
        Chan ch = chans[c];
        if (ch.owner != token) {
            ch = new Chan(ch, token);
            chans[c] = ch;
        }
        return ch;
    }

    /** The set of ready processes, this state's own, to change. */
    IndexSet ownReady() {
        if (!ownReady) {
            ready = ready.copy();
            ownReady = true;
        }
        return ready;
    }

    /** The set of live channels, this state's own, to change. */
    IndexSet ownLive() {
        if (!ownLive) {
            live = live.copy();
            ownLive = true;
        }
        return live;
    }

    /** The timers, this state's own, to change. */
    PriorityQueue<Timer> ownTimers() {
        if (!ownTimers) {
            timers = new PriorityQueue<>(timers);
            ownTimers = true;
        }
        return timers;
    }

    /** The virtual time in nanoseconds (always 0 in the untimed semantics). */
    public long now() {
        return now;
    }

    public int processCount() {
        return procs.length;
    }

    public int channelCount() {
        return chans.length;
    }

    public Status status(int process) {
        return procs[process].status;
    }

    /** The process's machine; read it (encode, inspect), but change it only through {@link Semantics#apply}. */
    public ProcessMachine machine(int process) {
        return procs[process].machine;
    }

    /** What the process waits for (WAITING, SLEEPING), or null. */
    public Request request(int process) {
        Proc p = procs[process];
        return p.status == Status.WAITING || p.status == Status.SLEEPING ? p.request : null;
    }

    /** For a client whose call a server took: the server's index, else -1. */
    public int server(int process) {
        return procs[process].server;
    }

    /** For a server: the clients whose requests it took and has not answered yet, by call port. */
    public Map<String, Integer> awaitingReply(int process) {
        HashMap<String, Integer> m = procs[process].toAnswer;
        return m == null ? Map.of() : Map.copyOf(m);
    }

    /** When the process's timer fires (timed semantics), or -1. */
    public long wakeAt(int process) {
        return procs[process].wakeAt;
    }

    /** The messages a channel holds, oldest first (empty for rendezvous and call channels). */
    public List<Held> buffer(int channel) {
        ArrayDeque<Held> b = chans[channel].buffer;
        return b == null ? List.of() : List.copyOf(b);
    }

    /** The writers waiting on a channel, in (process, guard) order. */
    public List<Offer> writers(int channel) {
        return List.of(chans[channel].writers);
    }

    /** The readers waiting on a channel, in (process, guard) order. */
    public List<Offer> readers(int channel) {
        return List.of(chans[channel].readers);
    }

    /** Processes that have not ended or failed. */
    public int running() {
        return running;
    }

    /** The process whose script error ended the run, or -1. */
    public int failed() {
        return failed;
    }

    /** The script error that ended the run (where, and the message), or null. */
    public Request.Failed failure() {
        return failure;
    }

    /** Whom the process last exchanged a message with, or -1. */
    public int partner(int process) {
        return procs[process].partner;
    }

    /** Processes with a move of their own now; a scheduler draws from it (see {@link Semantics#movesOf}). */
    public IndexSet readyProcesses() {
        return ready;
    }

    /** Channels with a communication possible now (see {@link Semantics#movesOn}). */
    public IndexSet liveChannels() {
        return live;
    }

    static Endpoint endpoint(String process, String port) {
        return new Endpoint(process, port);
    }
}
