package org.chanvas.runtime.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.interp.PortBinding;
import org.chanvas.runtime.interp.ProcessMachine;
import org.chanvas.runtime.interp.Request;
import org.chanvas.runtime.value.Values;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitForGraph;
import org.chanvas.runtime.watch.WaitOn;

/**
 * The moves of a network as SPEC §5 defines them, untimed, for the explorer: a move is one communication (a
 * hand-over on a rendezvous or call channel, a put into or a take from a buffer, a reply) or an {@code after}
 * firing, followed by each moved process's local computation up to its next communication (prints, sleeps
 * and yields pass without a move). States share unchanged process machines, so a move copies at most two.
 * Written to the {@code ProcessMachine} interface until the shared semantics package replaces it.
 */
final class Transitions {

    /** The semantics the explorer is held to: untimed (random values are moves), unbounded channels unbounded. */
    static final org.chanvas.runtime.semantics.Semantics.Options OPTIONS = new org.chanvas.runtime.semantics.Semantics
            .Options(org.chanvas.runtime.semantics.Timing.UNTIMED, 0L, ProcessMachine.DEFAULT_STEP_BUDGET,
            Integer.MAX_VALUE);

    /** Local steps a process may take between two communications before verify gives up on it. */
    static final int YIELD_LIMIT = 100;

    final RunPlan plan;
    final int procs;
    final String[] ids;
    final String[] labels;
    final Channel[] chans;
    final int[] capacity; // 0 rendezvous/call, n buffered, -1 unbounded
    final boolean[] isCall;
    final Map<String, Integer> chanIndex = new HashMap<>();
    /** Per process: port name to channel index. */
    final List<Map<String, Integer>> portChan = new ArrayList<>();
    /** Per process: port name to its slot among all call ports that receive (for pending replies). */
    final List<Map<String, Integer>> replySlot = new ArrayList<>();
    final int replySlots;
    final WaitForGraph waitFor;
    final Interner[] locals;
    final Interner contents = new Interner();
    private final CompactOutput scratch = new CompactOutput();
    private final org.chanvas.runtime.interp.ByteSink machineBytes = new org.chanvas.runtime.interp.ByteSink(256);
    /** Per process: the variable names its script may set, for naming what keeps growing. */
    final List<Set<String>> variables = new ArrayList<>();
    boolean sawSleep;
    boolean sawAfter;

    Transitions(RunPlan plan) {
        this.plan = plan;
        this.procs = plan.size();
        this.ids = new String[procs];
        this.labels = new String[procs];
        List<Channel> cs = plan.network().channels();
        this.chans = cs.toArray(Channel[]::new);
        this.capacity = new int[chans.length];
        this.isCall = new boolean[chans.length];
        for (int c = 0; c < chans.length; c++) {
            chanIndex.put(chans[c].id(), c);
            capacity[c] = switch (chans[c].kind()) {
                case RENDEZVOUS, CALL -> 0;
                case BUFFERED -> chans[c].capacity();
                case UNBOUNDED -> -1;
            };
            isCall[c] = chans[c].kind() == ChannelKind.CALL;
        }
        int slots = 0;
        for (int p = 0; p < procs; p++) {
            RunPlan.ProcessPlan pp = plan.processes().get(p);
            ids[p] = pp.id();
            labels[p] = pp.label();
            Map<String, Integer> pc = new HashMap<>();
            Map<String, Integer> rs = new HashMap<>();
            for (PortBinding b : pp.ports().values()) {
                int c = chanIndex.get(b.channel());
                pc.put(b.port(), c);
                if (isCall[c] && b.direction() == org.chanvas.model.script.PortDirection.INBOUND) {
                    rs.put(b.port(), slots++);
                }
            }
            portChan.add(pc);
            replySlot.add(rs);
        }
        this.replySlots = slots;
        this.waitFor = new WaitForGraph(plan.network());
        this.writerOffers = new long[chans.length][4];
        this.readerOffers = new long[chans.length][4];
        this.writerCount = new int[chans.length];
        this.readerCount = new int[chans.length];
        this.locals = new Interner[procs];
        for (int p = 0; p < procs; p++) {
            locals[p] = new Interner();
            memo.add(new HashMap<>());
            offers.add(new ArrayList<>());
            Set<String> names = new java.util.TreeSet<>();
            names(plan.processes().get(p).body(), names);
            variables.add(names);
        }
    }

    private static void names(org.chanvas.model.script.Ast.Block b, Set<String> out) {
        if (b == null) {
            return;
        }
        for (var st : b.stmts()) {
            switch (st) {
                case org.chanvas.model.script.Ast.Assign a -> out.add(a.name());
                case org.chanvas.model.script.Ast.Recv r -> {
                    if (r.target() != null) {
                        out.add(r.target());
                    }
                }
                case org.chanvas.model.script.Ast.Call c -> {
                    if (c.target() != null) {
                        out.add(c.target());
                    }
                }
                case org.chanvas.model.script.Ast.If i -> {
                    i.branches().forEach(br -> names(br.body(), out));
                    names(i.otherwise(), out);
                }
                case org.chanvas.model.script.Ast.While w -> names(w.body(), out);
                case org.chanvas.model.script.Ast.Forever f -> names(f.body(), out);
                case org.chanvas.model.script.Ast.Repeat r -> names(r.body(), out);
                case org.chanvas.model.script.Ast.ForRange fr -> {
                    out.add(fr.variable());
                    names(fr.body(), out);
                }
                case org.chanvas.model.script.Ast.ForEach fe -> {
                    out.add(fe.variable());
                    names(fe.body(), out);
                }
                case org.chanvas.model.script.Ast.Select sel -> {
                    for (var g : sel.guards()) {
                        if (g instanceof org.chanvas.model.script.Ast.RecvGuard rg && rg.as() != null) {
                            out.add(rg.as());
                        }
                        names(g.body(), out);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** A message held in a buffer and who put it there (for the trace only; not part of the state). */
    record Held(Object value, Endpoint from) {
    }

    /** A global state. Arrays are never changed once the state is built; a move copies what it changes. */
    static final class State {
        final ProcessMachine[] machines;
        final int[] localIds;
        /** Per process: the process whose call it waits to be answered by, or -1. */
        int[] awaiting;
        /** Per receiving call port slot: the client whose request waits there for a reply, or -1. */
        int[] answerTo;
        Held[][] buffers;
        int[] bufferIds;
        /** Set when some process failed on the way here: the failure to report, the state is bad. */
        RunEvent.Failed failure;
        int id = -1;
        int depth;

        State(ProcessMachine[] machines, int[] localIds, int[] awaiting, int[] answerTo, Held[][] buffers,
              int[] bufferIds) {
            this.machines = machines;
            this.localIds = localIds;
            this.awaiting = awaiting;
            this.answerTo = answerTo;
            this.buffers = buffers;
            this.bufferIds = bufferIds;
        }

        /**
         * A state to change: machines and their numbers are copied (every move changes one), the call and buffer
         * arrays are shared until a move that changes them copies them ({@link #calls()}, {@link #buffers()}), so
         * a level of the search held in memory costs little more than its machine references.
         */
        State copy() {
            return new State(machines.clone(), localIds.clone(), awaiting, answerTo, buffers, bufferIds);
        }
    }

    /** The state's own call arrays, to change. */
    private static void ownCalls(State s, State from) {
        if (s.awaiting == from.awaiting) {
            s.awaiting = s.awaiting.clone();
            s.answerTo = s.answerTo.clone();
        }
    }

    /** The state's own buffer arrays, to change. */
    private static void ownBuffers(State s, State from) {
        if (s.buffers == from.buffers) {
            s.buffers = s.buffers.clone();
            s.bufferIds = s.bufferIds.clone();
        }
    }

    /**
     * What can happen next, listed in the shared semantics' canonical order ({@code Semantics.enabled}): each
     * process's own move (a reply, an after firing) by process, then per channel takes, puts and hand-overs
     * with parties in (process, guard) order; so a move's number here is its number there, and a counterexample
     * found here is replayed there by numbers. {@code wg}/{@code rg} are select guards or -1.
     */
    record Move(Kind kind, int chan, int writer, int wg, int reader, int rg, long value) {
        enum Kind { HAND_OVER, PUT, TAKE, REPLY, AFTER, CHOOSE }

        Move(Kind kind, int chan, int writer, int wg, int reader, int rg) {
            this(kind, chan, writer, wg, reader, rg, 0);
        }
    }

    // ---- initial state ----

    State initial(Consumer<RunEvent> events) {
        ProcessMachine[] ms = new ProcessMachine[procs];
        // The machines come from the shared semantics' own start state, so whatever it gives a machine (its
        // parameters, random mode, seed, step budget) the explorer's machines have too.
        org.chanvas.runtime.semantics.State start = new org.chanvas.runtime.semantics.Semantics(plan, OPTIONS).initial();
        for (int p = 0; p < procs; p++) {
            ms[p] = start.machine(p).copy();
        }
        int[] aw = new int[procs];
        java.util.Arrays.fill(aw, -1);
        int[] at = new int[replySlots];
        java.util.Arrays.fill(at, -1);
        Held[][] bufs = new Held[chans.length][];
        int[] bids = new int[chans.length];
        for (int c = 0; c < chans.length; c++) {
            bufs[c] = new Held[0];
        }
        State s = new State(ms, new int[procs], aw, at, bufs, bids);
        if (events != null) {
            for (int p = 0; p < procs; p++) {
                events.accept(new RunEvent.Started(0, ids[p], labels[p]));
            }
        }
        for (int c = 0; c < chans.length; c++) {
            bids[c] = internBuffer(bufs[c]);
        }
        for (int p = 0; p < procs; p++) {
            settle(s, p, events);
        }
        return s;
    }

    // ---- moves ----

    /** The moves enabled in {@code s}, in a fixed order (the explorer names a move by its place here). */
    void moves(State s, List<Move> out) {
        out.clear();
        for (int p = 0; p < procs; p++) {
            Request r = s.machines[p].pending();
            if (r instanceof Request.Reply rp) {
                out.add(new Move(Move.Kind.REPLY, chanOf(p, rp.port()), p, -1, -1, -1));
            } else if (r instanceof Request.Choose ch) {
                for (long v = ch.lo(); ; v++) {
                    out.add(new Move(Move.Kind.CHOOSE, -1, p, -1, -1, -1, v));
                    if (v == ch.hi()) {
                        break;
                    }
                }
            } else if (r instanceof Request.Select sel && sel.afterIndex() >= 0) {
                out.add(new Move(Move.Kind.AFTER, -1, p, sel.afterIndex(), -1, -1));
            }
        }
        // Offers per channel, in process order then guard order: one pass over the processes fills them all.
        for (int c = 0; c < chans.length; c++) {
            writerCount[c] = 0;
            readerCount[c] = 0;
        }
        for (int p = 0; p < procs; p++) {
            Offers o = offersOf(s, p);
            if (o.call && s.awaiting[p] >= 0) {
                continue; // its request was taken; it waits for the reply, which is the server's move
            }
            for (long w : o.writes) {
                offer(writerOffers, writerCount, (int) (w >> 32), p, (int) w);
            }
            for (long r : o.reads) {
                offer(readerOffers, readerCount, (int) (r >> 32), p, (int) r);
            }
        }
        for (int c = 0; c < chans.length; c++) {
            int nw = writerCount[c];
            int nr = readerCount[c];
            if (nw == 0 && nr == 0) {
                continue;
            }
            long[] writers = writerOffers[c];
            long[] readers = readerOffers[c];
            if (capacity[c] == 0) {
                for (int i = 0; i < nw; i++) {
                    long w = writers[i];
                    for (int j = 0; j < nr; j++) {
                        long r = readers[j];
                        if ((int) (w >> 32) != (int) (r >> 32)) {
                            out.add(new Move(Move.Kind.HAND_OVER, c, (int) (w >> 32), (int) w, (int) (r >> 32), (int) r));
                        }
                    }
                }
            } else {
                int held = s.buffers[c].length;
                if (held > 0) {
                    for (int j = 0; j < nr; j++) {
                        out.add(new Move(Move.Kind.TAKE, c, -1, -1, (int) (readers[j] >> 32), (int) readers[j]));
                    }
                }
                if (capacity[c] < 0 || held < capacity[c]) {
                    for (int i = 0; i < nw; i++) {
                        out.add(new Move(Move.Kind.PUT, c, (int) (writers[i] >> 32), (int) writers[i], -1, -1));
                    }
                }
            }
        }
    }

    /** What a process in one local state offers: channel in the high half, guard (or -1) in the low. */
    private record Offers(long[] writes, long[] reads, boolean call) {
    }

    /** Per process, by local state number: its offers, worked out once (they depend on nothing else). */
    private final List<ArrayList<Offers>> offers = new ArrayList<>();

    private Offers offersOf(State s, int p) {
        ArrayList<Offers> known = offers.get(p);
        int local = s.localIds[p];
        while (known.size() <= local) {
            known.add(null);
        }
        Offers o = known.get(local);
        if (o == null) {
            o = computeOffers(s.machines[p].pending(), p);
            known.set(local, o);
        }
        return o;
    }

    private Offers computeOffers(Request r, int p) {
        List<Long> writes = new ArrayList<>(1);
        List<Long> reads = new ArrayList<>(1);
        boolean call = false;
        if (r != null) {
            switch (r) {
                case Request.Send sd -> writes.add(packed(chanOf(p, sd.port()), -1));
                case Request.Call cl -> {
                    writes.add(packed(chanOf(p, cl.port()), -1));
                    call = true;
                }
                case Request.Recv rv -> reads.add(packed(chanOf(p, rv.port()), -1));
                case Request.Select sel -> {
                    for (int g = 0; g < sel.offers().size(); g++) {
                        switch (sel.offers().get(g)) {
                            case Request.SendOffer so -> writes.add(packed(chanOf(p, so.port()), g));
                            case Request.RecvOffer ro -> reads.add(packed(chanOf(p, ro.port()), g));
                            case Request.AfterOffer ao -> {
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        writes.removeIf(x -> (x >> 32) < 0);
        reads.removeIf(x -> (x >> 32) < 0);
        return new Offers(writes.stream().mapToLong(Long::longValue).toArray(),
                reads.stream().mapToLong(Long::longValue).toArray(), call);
    }

    private static long packed(int c, int g) {
        return ((long) c << 32) | (g & 0xFFFFFFFFL);
    }

    private final long[][] writerOffers;
    private final long[][] readerOffers;
    private final int[] writerCount;
    private final int[] readerCount;

    /** Notes an offer of process p (guard g, or -1) on channel c, as p in the high half and g in the low. */
    private static void offer(long[][] offers, int[] count, int c, int p, int g) {
        if (c < 0) {
            return; // an unconnected port: the machine reports it when it gets there
        }
        if (count[c] == offers[c].length) {
            offers[c] = java.util.Arrays.copyOf(offers[c], Math.max(4, count[c] * 2));
        }
        offers[c][count[c]++] = ((long) p << 32) | (g & 0xFFFFFFFFL);
    }

    /** The same move as the shared semantics names it. */
    org.chanvas.runtime.semantics.Move toSemantics(State s, Move m) {
        return switch (m.kind()) {
            case HAND_OVER -> new org.chanvas.runtime.semantics.Move.HandOver(m.chan(), m.writer(), m.wg(), m.reader(),
                    m.rg());
            case PUT -> new org.chanvas.runtime.semantics.Move.Put(m.chan(), m.writer(), m.wg());
            case TAKE -> new org.chanvas.runtime.semantics.Move.Take(m.chan(), m.reader(), m.rg());
            case REPLY -> {
                Request.Reply rp = (Request.Reply) s.machines[m.writer()].pending();
                yield new org.chanvas.runtime.semantics.Move.Reply(m.writer(),
                        s.answerTo[replySlot.get(m.writer()).get(rp.port())]);
            }
            case AFTER -> new org.chanvas.runtime.semantics.Move.Fire(m.writer());
            case CHOOSE -> new org.chanvas.runtime.semantics.Move.Choose(m.writer(), m.value());
        };
    }

    /** The index of the process with this id, or -1. */
    int processIndex(String id) {
        for (int p = 0; p < procs; p++) {
            if (ids[p].equals(id)) {
                return p;
            }
        }
        return -1;
    }

    int chanOf(int p, String port) {
        Integer c = portChan.get(p).get(port);
        return c == null ? -1 : c;
    }

    /** The state after {@code m}; {@code events} (may be null) gets the events a run would show. */
    State apply(State from, Move m, Consumer<RunEvent> events) {
        State s = from.copy();
        s.failure = null;
        switch (m.kind()) {
            case HAND_OVER -> {
                int w = m.writer();
                int r = m.reader();
                Object value = offered(s, w, m.wg());
                String wport = portOf(s, w, m.wg());
                String rport = portOf(s, r, m.rg());
                Channel ch = chans[m.chan()];
                if (events != null) {
                    events.accept(new RunEvent.Transfer(0, ch.id(), new Endpoint(ids[w], wport),
                            new Endpoint(ids[r], rport), value));
                }
                if (isCall[m.chan()]) {
                    ownCalls(s, from);
                    s.awaiting[w] = r;
                    s.answerTo[replySlot.get(r).get(rport)] = w;
                    if (events != null) {
                        events.accept(new RunEvent.Blocked(0, ids[w], List.of(WaitOn.reply(ch.id(), wport, ids[r]))));
                        events.accept(new RunEvent.Received(0, ids[r], rport, ch.id(), value));
                    }
                    resume(s, r, m.rg() >= 0 ? SELECT : VALUE, m.rg(), value, events);
                } else {
                    if (events != null) {
                        events.accept(new RunEvent.Received(0, ids[r], rport, ch.id(), value));
                    }
                    resume(s, w, m.wg() >= 0 ? SELECT : PLAIN, m.wg(), null, events);
                    resume(s, r, m.rg() >= 0 ? SELECT : VALUE, m.rg(), value, events);
                }
            }
            case PUT -> {
                int w = m.writer();
                Object value = offered(s, w, m.wg());
                String wport = portOf(s, w, m.wg());
                ownBuffers(s, from);
                Held[] old = s.buffers[m.chan()];
                Held[] now = java.util.Arrays.copyOf(old, old.length + 1);
                now[old.length] = new Held(value, new Endpoint(ids[w], wport));
                s.buffers[m.chan()] = now;
                s.bufferIds[m.chan()] = internBuffer(now);
                if (events != null) {
                    events.accept(new RunEvent.Buffer(0, chans[m.chan()].id(), now.length));
                }
                resume(s, w, m.wg() >= 0 ? SELECT : PLAIN, m.wg(), null, events);
            }
            case TAKE -> {
                int r = m.reader();
                String rport = portOf(s, r, m.rg());
                ownBuffers(s, from);
                Held[] old = s.buffers[m.chan()];
                Held h = old[0];
                Held[] now = java.util.Arrays.copyOfRange(old, 1, old.length);
                s.buffers[m.chan()] = now;
                s.bufferIds[m.chan()] = internBuffer(now);
                String ch = chans[m.chan()].id();
                if (events != null) {
                    events.accept(new RunEvent.Buffer(0, ch, now.length));
                    events.accept(new RunEvent.Transfer(0, ch, h.from(), new Endpoint(ids[r], rport), h.value()));
                    events.accept(new RunEvent.Received(0, ids[r], rport, ch, h.value()));
                }
                resume(s, r, m.rg() >= 0 ? SELECT : VALUE, m.rg(), h.value(), events);
            }
            case REPLY -> {
                int server = m.writer();
                Request.Reply rp = (Request.Reply) s.machines[server].pending();
                int slot = replySlot.get(server).get(rp.port());
                ownCalls(s, from);
                int client = s.answerTo[slot];
                s.answerTo[slot] = -1;
                s.awaiting[client] = -1;
                String ch = chans[m.chan()].id();
                Request.Call call = (Request.Call) s.machines[client].pending();
                if (events != null) {
                    events.accept(new RunEvent.Transfer(0, ch, new Endpoint(ids[server], rp.port()),
                            new Endpoint(ids[client], call.port()), rp.value()));
                    events.accept(new RunEvent.Received(0, ids[client], call.port(), ch, rp.value()));
                }
                resume(s, server, PLAIN, -1, null, events);
                resume(s, client, VALUE, -1, rp.value(), events);
            }
            case AFTER -> {
                int p = m.writer();
                resume(s, p, SELECT, m.wg(), null, events);
            }
            case CHOOSE -> resume(s, m.writer(), CHOICE, -1, m.value(), events);
        }
        return s;
    }

    private Object offered(State s, int p, int guard) {
        Request r = s.machines[p].pending();
        return switch (r) {
            case Request.Send sd -> sd.value();
            case Request.Call cl -> cl.value();
            case Request.Select sel -> ((Request.SendOffer) sel.offers().get(guard)).value();
            default -> throw new IllegalStateException("no offer from " + ids[p] + ": " + r);
        };
    }

    private String portOf(State s, int p, int guard) {
        Request r = s.machines[p].pending();
        return switch (r) {
            case Request.Send sd -> sd.port();
            case Request.Call cl -> cl.port();
            case Request.Recv rv -> rv.port();
            case Request.Reply rp -> rp.port();
            case Request.Select sel -> switch (sel.offers().get(guard)) {
                case Request.SendOffer so -> so.port();
                case Request.RecvOffer ro -> ro.port();
                case Request.AfterOffer ao -> "";
            };
            default -> throw new IllegalStateException("no port pending at " + ids[p] + ": " + r);
        };
    }

    private static final int PLAIN = 0;
    private static final int VALUE = 1;
    private static final int SELECT = 2;
    private static final int CHOICE = 3;

    /** A resume of one local state with one answer, and where the process then stops. */
    private record MemoKey(int local, int how, int guard, Object value) {
    }

    private record MemoResult(ProcessMachine machine, int local, RunEvent.Failed failure) {
    }

    /**
     * Per process: what a resume from a local state leads to. A process's local computation depends only on its
     * own state and the answer it gets, so each is computed once, not once per global state it occurs in.
     */
    private final List<HashMap<MemoKey, MemoResult>> memo = new ArrayList<>();

    /** Answers process p's pending request (how: resume(), resume(value), resumeSelect) and settles it. */
    private void resume(State s, int p, int how, int guard, Object value, Consumer<RunEvent> events) {
        MemoKey key = null;
        if (events == null) {
            key = new MemoKey(s.localIds[p], how, guard, value);
            MemoResult r = memo.get(p).get(key);
            if (r != null) {
                s.machines[p] = r.machine();
                s.localIds[p] = r.local();
                if (r.failure() != null) {
                    s.failure = r.failure();
                }
                return;
            }
        }
        ProcessMachine m = own(s, p);
        switch (how) {
            case PLAIN -> m.resume();
            case VALUE -> m.resume(value);
            case CHOICE -> m.resumeChoice((Long) value);
            default -> m.resumeSelect(guard, value);
        }
        RunEvent.Failed before = s.failure;
        s.failure = null;
        settle(s, p, events);
        RunEvent.Failed failure = s.failure;
        if (failure == null) {
            s.failure = before;
        }
        if (key != null) {
            memo.get(p).put(key, new MemoResult(m, s.localIds[p], failure));
        }
    }

    /** The state's own copy of process p's machine, to change (the old state keeps the shared one). */
    private static ProcessMachine own(State s, int p) {
        ProcessMachine m = s.machines[p].copy();
        s.machines[p] = m;
        return m;
    }

    /** Runs process p's local computation up to its next communication, then numbers its local state. */
    private void settle(State s, int p, Consumer<RunEvent> events) {
        ProcessMachine m = s.machines[p];
        int yields = 0;
        while (m.pending() == null && !m.finished()) {
            Request r = m.advance();
            switch (r) {
                case Request.Print pr -> {
                    if (events != null) {
                        events.accept(new RunEvent.Printed(0, ids[p], labels[p], pr.text()));
                    }
                    m.resume();
                }
                case Request.Sleep sl -> {
                    sawSleep = true;
                    if (events != null) {
                        events.accept(new RunEvent.Slept(0, ids[p], sl.millis()));
                    }
                    m.resume();
                }
                case Request.Yield y -> {
                    if (++yields > YIELD_LIMIT) {
                        Request.Failed f = m.fail(m.pendingPos(), "runs over " + YIELD_LIMIT * (long)
                                ProcessMachine.DEFAULT_STEP_BUDGET + " statements without communicating;"
                                + " verify cannot explore past it");
                        failed(s, p, f, events);
                        break;
                    }
                    m.resume();
                }
                case Request.Done d -> {
                    if (events != null) {
                        events.accept(new RunEvent.Ended(0, ids[p]));
                    }
                }
                case Request.Failed f -> failed(s, p, f, events);
                case Request.Send sd -> offeredEvent(s, p, sd.port(), sd.value(), events);
                case Request.Call cl -> offeredEvent(s, p, cl.port(), cl.value(), events);
                case Request.Select sel -> {
                    if (sel.afterIndex() >= 0) {
                        sawAfter = true;
                        if (sel.offers().size() == 1) {
                            m.resumeSelect(0, null); // only an after, and time does not count: it fires at once
                            continue;
                        }
                    }
                    if (events != null) {
                        for (Request.Offer o : sel.offers()) {
                            if (o instanceof Request.SendOffer so) {
                                offeredEvent(s, p, so.port(), so.value(), events);
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        relocal(s, p);
    }

    private void offeredEvent(State s, int p, String port, Object value, Consumer<RunEvent> events) {
        if (events != null) {
            int c = chanOf(p, port);
            events.accept(new RunEvent.SendOffered(0, ids[p], port, c < 0 ? "" : chans[c].id(), value));
        }
    }

    private void failed(State s, int p, Request.Failed f, Consumer<RunEvent> events) {
        RunEvent.Failed e = new RunEvent.Failed(0, ids[p], f.pos().line(), f.pos().column(), f.message());
        s.failure = e;
        if (events != null) {
            events.accept(e);
        }
    }

    private void relocal(State s, int p) {
        ProcessMachine m = s.machines[p];
        org.chanvas.runtime.interp.ByteSink out = machineBytes;
        out.reset();
        m.encode(out);
        s.localIds[p] = locals[p].intern(out.toByteArray());
    }

    private int internBuffer(Held[] held) {
        CompactOutput out = scratch;
        out.reset();
        out.varint(held.length);
        for (Held h : held) {
            out.writeUTF(Values.literal(h.value()));
        }
        return contents.intern(out.toArray());
    }

    /** The canonical bytes of a state, into {@code out}. */
    void encode(State s, CompactOutput out) {
        out.reset();
        for (int p = 0; p < procs; p++) {
            out.varint(s.localIds[p]);
        }
        // Pending calls only exist on call channels and buffers only on buffered ones: a network without them
        // (the philosophers) stores nothing for them, a byte a process or channel saved on every state.
        if (replySlots > 0) {
            for (int p = 0; p < procs; p++) {
                out.varint(s.awaiting[p] + 1);
            }
            for (int a : s.answerTo) {
                out.varint(a + 1);
            }
        }
        for (int c = 0; c < chans.length; c++) {
            if (capacity[c] != 0) {
                out.varint(s.bufferIds[c]);
            }
        }
    }

    // ---- verdicts on a state ----

    /** True when every process has finished. */
    boolean allDone(State s) {
        for (ProcessMachine m : s.machines) {
            if (!m.finished()) {
                return false;
            }
        }
        return true;
    }

    /** What each waiting process waits on, for the wait-for graph, and the diagnosis of a dead state. */
    Diagnosis diagnose(State s, Map<String, String> lastPartner) {
        Map<String, List<WaitOn>> waits = new LinkedHashMap<>();
        Set<String> ended = new HashSet<>();
        for (int p = 0; p < procs; p++) {
            ProcessMachine m = s.machines[p];
            if (m.finished()) {
                ended.add(ids[p]);
                continue;
            }
            waits.put(ids[p], waitsOf(s, p));
        }
        return waitFor.diagnose(waits, ended, lastPartner);
    }

    List<WaitOn> waitsOf(State s, int p) {
        Request r = s.machines[p].pending();
        if (r == null) {
            return List.of();
        }
        return switch (r) {
            case Request.Send sd -> List.of(WaitOn.send(chanId(p, sd.port()), sd.port()));
            case Request.Recv rv -> List.of(WaitOn.recv(chanId(p, rv.port()), rv.port()));
            case Request.Call cl -> s.awaiting[p] >= 0
                    ? List.of(WaitOn.reply(chanId(p, cl.port()), cl.port(), ids[s.awaiting[p]]))
                    : List.of(WaitOn.send(chanId(p, cl.port()), cl.port()));
            case Request.Select sel -> {
                List<WaitOn> on = new ArrayList<>();
                for (Request.Offer o : sel.offers()) {
                    switch (o) {
                        case Request.SendOffer so -> on.add(WaitOn.send(chanId(p, so.port()), so.port()));
                        case Request.RecvOffer ro -> on.add(WaitOn.recv(chanId(p, ro.port()), ro.port()));
                        case Request.AfterOffer ao -> {
                        }
                    }
                }
                yield on;
            }
            default -> List.of();
        };
    }

    private String chanId(int p, String port) {
        int c = chanOf(p, port);
        return c < 0 ? port : chans[c].id();
    }

    /** A move in words, e.g. {@code phil2 receives "fork" from fork2 on give2}, given the state before it. */
    String describe(State before, Move m) {
        return switch (m.kind()) {
            case HAND_OVER -> {
                Object v = offered(before, m.writer(), m.wg());
                String ch = chans[m.chan()].id();
                yield isCall[m.chan()]
                        ? labels[m.writer()] + " calls " + labels[m.reader()] + " with " + Values.literal(v) + " on " + ch
                        : labels[m.reader()] + " receives " + Values.literal(v) + " from " + labels[m.writer()] + " on " + ch;
            }
            case PUT -> labels[m.writer()] + " puts " + Values.literal(offered(before, m.writer(), m.wg()))
                    + " into " + chans[m.chan()].id() + " (now " + (before.buffers[m.chan()].length + 1) + " held)";
            case TAKE -> {
                Held h = before.buffers[m.chan()][0];
                yield labels[m.reader()] + " takes " + Values.literal(h.value()) + " from " + chans[m.chan()].id()
                        + " (put by " + h.from().process() + ")";
            }
            case REPLY -> {
                Request.Reply rp = (Request.Reply) before.machines[m.writer()].pending();
                int client = before.answerTo[replySlot.get(m.writer()).get(rp.port())];
                yield labels[m.writer()] + " replies " + Values.literal(rp.value()) + " to " + labels[client] + " on "
                        + chans[m.chan()].id();
            }
            case AFTER -> labels[m.writer()] + "'s select times out (after fires; time is not modelled)";
            case CHOOSE -> {
                Request.Choose ch = (Request.Choose) before.machines[m.writer()].pending();
                yield labels[m.writer()] + " draws " + m.value() + " from random(" + ch.lo() + ", " + ch.hi() + ")";
            }
        };
    }
}
