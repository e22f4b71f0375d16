package org.chanvas.runtime.semantics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.interp.ByteSink;
import org.chanvas.runtime.interp.ProcessMachine;
import org.chanvas.runtime.interp.Request;

/**
 * What a search (the explorer) keeps beside the {@link Semantics} it drives. A process's local computation
 * depends only on its own machine and the answer it gets, so each (local state, answer) is computed once and
 * its resulting machine shared by every global state it occurs in; local states and channel contents are
 * numbered, so a global state encodes as a few small numbers ({@link Semantics#encode(State, ByteSink, Memo)}).
 *
 * <p>A search also sees local steps as no moves at all (SPEC §5): with a memo, a process that uses up its step
 * budget computes on within the same move, up to {@code yieldLimit} times, and then fails with a script error
 * saying verify cannot explore past it. With a sink that wants events ({@link EventSink#enabled()}) nothing is
 * looked up, so a counterexample's trace has every print. Not thread-safe: one per search.
 */
public final class Memo {

    /** How a request is answered: not at all (a step), resume(), resume(value), resumeSelect, resumeChoice. */
    static final int NONE = 0;
    static final int PLAIN = 1;
    static final int VALUE = 2;
    static final int SELECT = 3;
    static final int CHOICE = 4;

    private record Bytes(byte[] bytes, int hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && b.hash == hash && Arrays.equals(b.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private record Key(int local, int how, int guard, Object value) {
    }

    private record Result(ProcessMachine machine, int local, Request request) {
    }

    /**
     * Per process, by local state: the last answer looked up and its result. A local state nearly always gets
     * the same answer (a send's resume, a recv's message), so this spares the key and the map on most moves.
     */
    private static final class Last {
        Key[] keys = new Key[8];
        Result[] results = new Result[8];
    }

    private final List<Last> last = new ArrayList<>();
    /**
     * A process in one local state once it has made its pending request, alone in a state: the process (status,
     * request, after guard, the channels it offers on; shared by every state rebuilt with it, so it is copied
     * before a change) and its offers, with their channel and direction, channel by channel in guard order. A
     * state rebuilt from its encoding ({@link Semantics#decode}) takes it.
     */
    record Shape(State.Proc proc, int[] channels, State.Offer[] offers, boolean[] write) {
    }

    /** Arrays {@link Semantics#decode} works in, kept so that rebuilding a state allocates only the state. */
    static final class Scratch {
        final int[] local;
        final int[] status;
        final Shape[] shapes;
        final int[] writers;
        final int[] readers;

        Scratch(int processes, int channels) {
            local = new int[processes];
            status = new int[processes];
            shapes = new Shape[processes];
            writers = new int[channels];
            readers = new int[channels];
        }
    }

    private Scratch decoding;

    Scratch scratch(int processes, int channels) {
        if (decoding == null || decoding.local.length != processes || decoding.writers.length != channels) {
            decoding = new Scratch(processes, channels);
        }
        return decoding;
    }

    /** Per process: shapes by local state number, twice (call not taken at 2n, taken at 2n + 1). */
    private final List<ArrayList<Shape>> shapes = new ArrayList<>();
    private final int yieldLimit;
    /** Per process: its local states (machine encodings) by number. */
    private final List<HashMap<Bytes, Integer>> locals = new ArrayList<>();
    /** Per process: what answering a local state leads to. */
    private final List<HashMap<Key, Result>> results = new ArrayList<>();
    /** Per process: the machine of each local state, by number, so a stored state can be rebuilt. */
    private final List<ArrayList<ProcessMachine>> machines = new ArrayList<>();
    private final HashMap<Bytes, Integer> contents = new HashMap<>();
    /** The values of each numbered channel contents, oldest first. */
    private final ArrayList<Object[]> contentValues = new ArrayList<>();
    private final ByteSink scratch = new ByteSink(256);
    private long bytes;
    boolean sawSleep;
    boolean sawAfter;

    /** @param yieldLimit step budgets a process may use up between two communications before it fails */
    public Memo(int processes, int yieldLimit) {
        if (yieldLimit < 1) {
            throw new IllegalArgumentException("yield limit must be positive");
        }
        this.yieldLimit = yieldLimit;
        for (int i = 0; i < processes; i++) {
            locals.add(new HashMap<>());
            results.add(new HashMap<>());
            machines.add(new ArrayList<>());
            last.add(new Last());
            shapes.add(new ArrayList<>());
        }
    }

    /** Whether some process slept (untimed, a sleep orders nothing). */
    public boolean sawSleep() {
        return sawSleep;
    }

    /** Whether some process waited in a select with an {@code after} (untimed, it may fire at any time). */
    public boolean sawAfter() {
        return sawAfter;
    }

    /** Memory the numbered local states and contents hold, roughly: their bytes and a map entry each. */
    public long footprint() {
        long n = contents.size();
        for (HashMap<Bytes, Integer> m : locals) {
            n += m.size();
        }
        return bytes + 80L * n;
    }

    static void answer(ProcessMachine m, int how, int guard, Object value) {
        switch (how) {
            case NONE -> {
            }
            case PLAIN -> m.resume();
            case VALUE -> m.resume(value);
            case SELECT -> m.resumeSelect(guard, value);
            case CHOICE -> m.resumeChoice((Long) value);
            default -> throw new IllegalArgumentException("answer " + how);
        }
    }

    /** Answers the process's request and runs its local computation, or looks both up; gives where it stops. */
    Request resume(Semantics sem, State s, State.Proc p, int process, int how, int guard, Object value,
                   EventSink out) {
        if (out.enabled()) {
            // someone wants the events, and a computation looked up would not send them: compute afresh
            ProcessMachine m = p.machine.copy();
            answer(m, how, guard, value);
            Request stop = sem.local(s.now, process, m, out, yieldLimit, this);
            p.machine = m;
            p.machineShared = false;
            p.local = -1;
            return stop;
        }
        int local = local(process, p);
        Last seen = last.get(process);
        Result r = null;
        if (local < seen.keys.length) {
            Key k = seen.keys[local];
            if (k != null && k.how() == how && k.guard() == guard && java.util.Objects.equals(k.value(), value)) {
                r = seen.results[local];
            }
        }
        if (r == null) {
            Key key = new Key(local, how, guard, value);
            r = lookUp(sem, s, p, process, key, out);
            if (local >= seen.keys.length) {
                int n = Math.max(local + 1, seen.keys.length * 2);
                seen.keys = Arrays.copyOf(seen.keys, n);
                seen.results = Arrays.copyOf(seen.results, n);
            }
            seen.keys[local] = key;
            seen.results[local] = r;
        }
        p.machine = r.machine();
        p.machineShared = true;
        p.local = r.local();
        return r.request();
    }

    private Result lookUp(Semantics sem, State s, State.Proc p, int process, Key key, EventSink out) {
        int how = key.how();
        int guard = key.guard();
        Object value = key.value();
        Result r = results.get(process).get(key);
        if (r == null) {
            ProcessMachine m = p.machine.copy();
            answer(m, how, guard, value);
            Request stop = sem.local(s.now, process, m, out, yieldLimit, this);
            r = new Result(m, number(process, m), stop);
            results.get(process).put(key, r);
        }
        return r;
    }

    /** The number of the process's local state (its machine is never changed while it is shared). */
    int local(int process, State.Proc p) {
        if (p.local < 0) {
            p.local = number(process, p.machine);
            p.machineShared = true; // the memo may keep this machine for its number: nobody changes it in place now
        }
        return p.local;
    }

    private int number(int process, ProcessMachine m) {
        scratch.reset();
        m.encode(scratch);
        HashMap<Bytes, Integer> known = locals.get(process);
        int n = intern(known, scratch.toByteArray());
        ArrayList<ProcessMachine> ms = machines.get(process);
        if (n == ms.size()) {
            ms.add(m);
        }
        return n;
    }

    /** The machine of a process's local state by its number (shared: copy it before changing it). */
    ProcessMachine machine(int process, int local) {
        return machines.get(process).get(local);
    }

    /** The number of a channel's contents, encoded by the caller into {@code b}; {@code values} oldest first. */
    int contents(byte[] b, java.util.Collection<State.Held> held) {
        int n = intern(contents, b);
        if (n == contentValues.size()) {
            Object[] v = new Object[held.size()];
            int i = 0;
            for (State.Held h : held) {
                v[i++] = h.value();
            }
            contentValues.add(v);
        }
        return n;
    }

    /** The shape of a process's local state, or null when not worked out yet. */
    Shape shape(int process, int local, boolean callTaken) {
        ArrayList<Shape> known = shapes.get(process);
        int at = 2 * local + (callTaken ? 1 : 0);
        return at < known.size() ? known.get(at) : null;
    }

    void keepShape(int process, int local, boolean callTaken, Shape shape) {
        ArrayList<Shape> known = shapes.get(process);
        int at = 2 * local + (callTaken ? 1 : 0);
        while (known.size() <= at) {
            known.add(null);
        }
        known.set(at, shape);
    }

    /** The values of numbered channel contents, oldest first (do not change the array). */
    Object[] contents(int number) {
        return contentValues.get(number);
    }

    private int intern(HashMap<Bytes, Integer> known, byte[] b) {
        Bytes k = new Bytes(b, Arrays.hashCode(b));
        Integer id = known.get(k);
        if (id != null) {
            return id;
        }
        int n = known.size();
        known.put(k, n);
        bytes += b.length;
        return n;
    }
}
