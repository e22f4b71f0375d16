package org.chanvas.runtime.semantics;

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
import org.chanvas.model.script.Pos;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.interp.MachineOptions;
import org.chanvas.runtime.interp.MachineScript;
import org.chanvas.runtime.interp.PortBinding;
import org.chanvas.runtime.interp.ProcessMachine;
import org.chanvas.runtime.interp.RandomMode;
import org.chanvas.runtime.interp.Request;
import org.chanvas.runtime.semantics.State.Chan;
import org.chanvas.runtime.semantics.State.Held;
import org.chanvas.runtime.semantics.State.Offer;
import org.chanvas.runtime.semantics.State.Proc;
import org.chanvas.runtime.semantics.State.Status;
import org.chanvas.runtime.value.Values;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitForGraph;
import org.chanvas.runtime.watch.WaitOn;

/**
 * The one executable semantics of a network (SPEC §5): which moves are possible in a {@link State} and what
 * each does. Every rule about channels, select, calls, sleeps and {@code after} lives here; the seeded engine,
 * trace replay and the explorer drive it.
 *
 * <p>Rules, in brief. A process waits with one offer per channel end it may use (one, or one per select
 * guard). A rendezvous or call channel hands a writer's message to a reader of another process (a process
 * never meets itself); a buffered channel takes a put while it has room and gives its oldest message to a
 * take; an unbounded one always takes a put (past its limit the put is a script error). A call's request is a
 * hand-over, after which the client waits for that server's {@link Move.Reply}. Readiness (whether a process
 * that starts to wait is reported as blocked) follows the same rules for plain operations and select guards.
 * After a move every process it touched computes up to its next communication, so states only exist between
 * communications.
 */
public final class Semantics {

    /** What one move costs on the virtual clock of the timed semantics. */
    public static final long MOVE_NANOS = 1_000;
    /** Sleeps and afters longer than this (about 146 years) are clamped to it, so the clock never overflows. */
    public static final long MAX_WAIT_NANOS = Long.MAX_VALUE / 4;

    /**
     * How to build the machines and channels.
     *
     * @param seed the seed of each machine's {@code random} in {@link RandomMode#DRAW}
     * @param random DRAW: the machines draw {@code random} themselves; ASK: each value is a {@link Move.Choose}
     */
    public record Options(Timing timing, long seed, int stepBudget, int unboundedLimit, RandomMode random) {
        public Options {
            if (stepBudget < 1 || unboundedLimit < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
            if (timing == null || random == null) {
                throw new IllegalArgumentException("timing and random mode needed");
            }
        }

        /** Untimed asks for every random value (the explorer tries each); timed lets the machines draw them. */
        public Options(Timing timing, long seed, int stepBudget, int unboundedLimit) {
            this(timing, seed, stepBudget, unboundedLimit, timing == Timing.UNTIMED ? RandomMode.ASK : RandomMode.DRAW);
        }
    }

    private final RunPlan plan;
    private final Options options;
    private final boolean timed;
    private final String[] ids;
    private final String[] labels;
    private final String[] channelIds;
    private final ChannelKind[] kinds;
    private final int[] capacity;
    /** Per process: port name to channel index. */
    private final List<Map<String, Integer>> portChannel = new ArrayList<>();
    private final WaitForGraph waitFor;
    /** Each script's blocks numbered once, shared by every machine (and copy) of its process. */
    private final MachineScript[] scripts;
    private final MachineOptions machineOptions;
    /** Whether any channel is a call channel (only then does a state hold pending calls). */
    private final boolean hasCalls;
    /** Per channel: whether it holds messages (buffered or unbounded). */
    private final boolean[] buffered;
    /** Per channel without a buffer: a channel with no offers, shared by rebuilt states (copied before a change). */
    private final Chan[] idle;
    /** The timers of rebuilt states until a move sets one: empty, never changed in place. */
    private final java.util.PriorityQueue<State.Timer> noTimers;

    /**
     * The semantics with default value limits; timed with one print budget for this semantics (a run), untimed
     * with none (printed text does not make states, so it must not end an exploration either).
     */
    public Semantics(RunPlan plan, Options options) {
        this(plan, options, options.timing() == Timing.TIMED ? MachineOptions.defaults()
                : MachineOptions.defaults().withOutput(org.chanvas.runtime.interp.OutputBudget.unlimited()));
    }

    /**
     * @param machines the value limits and print budget of the machines; step budget and random mode come from
     *                 {@code options}
     */
    public Semantics(RunPlan plan, Options options, MachineOptions machines) {
        this.plan = plan;
        this.options = options;
        this.timed = options.timing() == Timing.TIMED;
        int n = plan.size();
        ids = new String[n];
        labels = new String[n];
        List<Channel> cs = plan.network().channels();
        channelIds = new String[cs.size()];
        kinds = new ChannelKind[cs.size()];
        capacity = new int[cs.size()];
        Map<String, Integer> channelIndex = new HashMap<>();
        for (int i = 0; i < cs.size(); i++) {
            Channel c = cs.get(i);
            channelIds[i] = c.id();
            kinds[i] = c.kind();
            capacity[i] = switch (c.kind()) {
                case RENDEZVOUS, CALL -> 0;
                case BUFFERED -> c.capacity();
                case UNBOUNDED -> options.unboundedLimit();
            };
            channelIndex.put(c.id(), i);
        }
        for (int i = 0; i < n; i++) {
            RunPlan.ProcessPlan p = plan.processes().get(i);
            ids[i] = p.id();
            labels[i] = p.label();
            Map<String, Integer> ports = new HashMap<>();
            for (PortBinding b : p.ports().values()) {
                ports.put(b.port(), channelIndex.get(b.channel()));
            }
            portChannel.add(ports);
        }
        waitFor = new WaitForGraph(plan.network());
        scripts = new MachineScript[n];
        for (int i = 0; i < n; i++) {
            scripts[i] = MachineScript.of(plan.processes().get(i).body());
        }
        hasCalls = java.util.Arrays.asList(kinds).contains(ChannelKind.CALL);
        buffered = new boolean[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            buffered[i] = capacity[i] > 0;
        }
        State blank = new State(n, buffered);
        idle = blank.chans;
        for (Chan c : idle) {
            c.owner = this; // no state's token
        }
        noTimers = blank.timers;
        machineOptions = machines.withStepBudget(options.stepBudget()).withRandomMode(options.random());
    }

    public RunPlan plan() {
        return plan;
    }

    public Options options() {
        return options;
    }

    public Timing timing() {
        return options.timing();
    }

    /** The id of the process with this index. */
    public String processId(int process) {
        return ids[process];
    }

    public String label(int process) {
        return labels[process];
    }

    /** The id of the channel with this index (the network's channel order). */
    public String channelId(int channel) {
        return channelIds[channel];
    }

    public ChannelKind kind(int channel) {
        return kinds[channel];
    }

    /** Messages a channel holds before a put must wait (0 for rendezvous and call, the limit for unbounded). */
    public int capacity(int channel) {
        return capacity[channel];
    }

    /** The index of the channel a process's port is an end of, or -1. */
    public int channelOf(int process, String port) {
        Integer c = portChannel.get(process).get(port);
        return c == null ? -1 : c;
    }

    /** The index of the process with this id, or -1. */
    public int processIndex(String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the channel with this id, or -1. */
    public int channelIndex(String id) {
        for (int i = 0; i < channelIds.length; i++) {
            if (channelIds[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    // ---- the initial state ----

    /** Every process at the start of its script, runnable; no message anywhere; the clock at 0. */
    public State initial() {
        boolean[] buffered = new boolean[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            buffered[i] = capacity[i] > 0;
        }
        State s = new State(ids.length, buffered);
        for (int i = 0; i < ids.length; i++) {
            RunPlan.ProcessPlan p = plan.processes().get(i);
            long processSeed = options.seed() * 0x9E3779B97F4A7C15L + i;
            Proc proc = new Proc();
            proc.owner = s.token;
            proc.machine = new ProcessMachine(p.label(), scripts[i], p.ports(), processSeed, machineOptions);
            s.procs[i] = proc;
            s.ready.add(i);
        }
        return s;
    }

    /** The events of a run's start: one {@code start} per process, in plan order. */
    public void started(State s, EventSink out) {
        if (out.enabled()) {
            for (int i = 0; i < ids.length; i++) {
                out.accept(new RunEvent.Started(s.now, ids[i], labels[i]));
            }
        }
    }

    // ---- enabled moves ----

    /** The moves possible in the state, in canonical order (see {@link #enabled(State, Consumer)}). */
    public List<Move> enabled(State s) {
        List<Move> out = new ArrayList<>();
        enabled(s, out::add);
        return out;
    }

    /**
     * The moves possible in the state, in canonical order: processes' own moves by process index, then
     * communications by channel index (takes, puts, hand-overs; parties in (process, guard) order). None once
     * a script error ended the run. Timed: a sleeper or {@code after} whose time has come goes first (alone
     * with the other due ones); when nothing else can move, the earliest timers fire (time passes).
     */
    public void enabled(State s, Consumer<Move> out) {
        if (s.lean) {
            throw new IllegalStateException("an encoding copy keeps no offers: decode it to see its moves");
        }
        if (s.failed >= 0) {
            return;
        }
        if (timed && dueTimers(s, out)) {
            return;
        }
        boolean any = s.ready.size() > 0 || s.live.size() > 0;
        if (s.ready.size() > 0) {
            for (int p : members(s.ready, ids.length)) {
                movesOf(s, p, out);
            }
        }
        if (s.live.size() > 0) {
            for (int c : members(s.live, channelIds.length)) {
                movesOn(s, c, out);
            }
        }
        if (!any && timed) {
            earliestTimers(s, out);
        }
    }

    /** The set's members in increasing order: sorted when few, else by a scan of the universe (no sort). */
    private static int[] members(IndexSet set, int universe) {
        if (set.size() * 8 < universe) {
            return set.sorted();
        }
        int[] out = new int[set.size()];
        int n = 0;
        for (int i = 0; i < universe && n < out.length; i++) {
            if (set.contains(i)) {
                out[n++] = i;
            }
        }
        return out;
    }

    /**
     * Every move that could come next under some timing: the enabled moves, plus every timer whatever its
     * time (a replay follows a recorded order of events, not the clock). Same as {@link #enabled} untimed.
     */
    public void possible(State s, Consumer<Move> out) {
        if (s.failed >= 0) {
            return;
        }
        for (int p : s.ready.sorted()) {
            movesOf(s, p, out);
        }
        for (int c : s.live.sorted()) {
            movesOn(s, c, out);
        }
        if (timed) {
            List<State.Timer> all = new ArrayList<>();
            for (State.Timer t : s.timers) {
                if (valid(s, t)) {
                    all.add(t);
                }
            }
            all.sort((a, b) -> Integer.compare(a.process(), b.process()));
            for (State.Timer t : all) {
                out.accept(timerMove(s, t.process()));
            }
        }
    }

    /**
     * Sets the virtual clock: a replay takes the recorded time of each move (the next move's events are
     * stamped {@code nanos + MOVE_NANOS}), so moves that show no event cannot shift the times of later ones.
     */
    public void clock(State s, long nanos) {
        if (timed) {
            s.now = Math.max(0, nanos);
        }
    }

    /** Whether a timer is due now (timed): then only due timers may move. */
    public boolean timerDue(State s) {
        return timed && firstTimer(s) != null && firstTimer(s).at() <= s.now;
    }

    /** The due timers' moves; false when none is due. */
    public boolean dueTimers(State s, Consumer<Move> out) {
        State.Timer first = firstTimer(s);
        if (first == null || first.at() > s.now) {
            return false;
        }
        List<State.Timer> due = new ArrayList<>();
        for (State.Timer t : s.timers) {
            if (t.at() <= s.now && valid(s, t)) {
                due.add(t);
            }
        }
        due.sort((a, b) -> Integer.compare(a.process(), b.process()));
        for (State.Timer t : due) {
            out.accept(timerMove(s, t.process()));
        }
        return true;
    }

    /** The moves of the timers that fire first (timed, when nothing else can move); false when none is set. */
    public boolean earliestTimers(State s, Consumer<Move> out) {
        State.Timer first = firstTimer(s);
        if (first == null) {
            return false;
        }
        List<State.Timer> due = new ArrayList<>();
        for (State.Timer t : s.timers) {
            if (t.at() == first.at() && valid(s, t)) {
                due.add(t);
            }
        }
        due.sort((a, b) -> Integer.compare(a.process(), b.process()));
        for (State.Timer t : due) {
            out.accept(timerMove(s, t.process()));
        }
        return true;
    }

    /**
     * The move of the timer that fires first (earliest time, then lowest process index), or null when no timer
     * is set: due or not, it is among the enabled moves whenever a timer is due or nothing else can move. A
     * scheduler that takes it needs no scan of all timers.
     */
    public Move nextTimer(State s) {
        State.Timer t = firstTimer(s);
        return t == null ? null : timerMove(s, t.process());
    }

    private Move timerMove(State s, int p) {
        return s.procs[p].afterGuard >= 0 ? new Move.Fire(p) : new Move.Wake(p);
    }

    private static State.Timer firstTimer(State s) {
        State.Timer t;
        while ((t = s.timers.peek()) != null && !valid(s, t)) {
            s.ownTimers().poll(); // a stale entry: dropping it changes nothing a reader of the state can see
        }
        return t;
    }

    private static boolean valid(State s, State.Timer t) {
        Proc p = s.procs[t.process()];
        return p.timerGeneration == t.generation() && p.wakeAt == t.at()
                && (p.status == Status.SLEEPING || p.status == Status.WAITING);
    }

    /** A process's own moves: a step, a reply, an untimed (or zero) after, a zero sleep. */
    public void movesOf(State s, int process, Consumer<Move> out) {
        Proc p = s.procs[process];
        switch (p.status) {
            case RUNNABLE -> out.accept(new Move.Step(process));
            case WAITING -> {
                if (p.request instanceof Request.Reply rp) {
                    Integer client = p.toAnswer == null ? null : p.toAnswer.get(rp.port());
                    out.accept(new Move.Reply(process, client == null ? -1 : client));
                } else if (p.request instanceof Request.Choose ch) {
                    for (long v = ch.lo(); ; v++) {
                        out.accept(new Move.Choose(process, v));
                        if (v == ch.hi()) {
                            break;
                        }
                    }
                } else if (p.afterGuard >= 0 && p.wakeAt < 0) {
                    out.accept(new Move.Fire(process));
                }
            }
            case SLEEPING -> {
                if (p.wakeAt < 0) {
                    out.accept(timerMove(s, process));
                }
            }
            case ENDED, FAILED -> {
            }
        }
    }

    /** The communications possible on a channel now: takes, then puts, then hand-overs. */
    public void movesOn(State s, int channel, Consumer<Move> out) {
        Chan c = s.chans[channel];
        if (c.buffer != null) {
            if (!c.buffer.isEmpty()) {
                for (Offer r : c.readers) {
                    out.accept(new Move.Take(channel, r.process(), r.guard()));
                }
            }
            if (c.buffer.size() < capacity[channel] || kinds[channel] == ChannelKind.UNBOUNDED) {
                for (Offer w : c.writers) {
                    out.accept(new Move.Put(channel, w.process(), w.guard()));
                }
            }
            return;
        }
        for (Offer w : c.writers) {
            for (Offer r : c.readers) {
                if (w.process() != r.process()) {
                    out.accept(new Move.HandOver(channel, w.process(), w.guard(), r.process(), r.guard()));
                }
            }
        }
    }

    private boolean channelLive(State s, int channel) {
        Chan c = s.chans[channel];
        if (c.buffer != null) {
            return !c.buffer.isEmpty() && c.readers.length > 0
                    || c.writers.length > 0 && (c.buffer.size() < capacity[channel]
                    || kinds[channel] == ChannelKind.UNBOUNDED);
        }
        if (c.writers.length == 0 || c.readers.length == 0) {
            return false;
        }
        int only = c.writers[0].process();
        for (Offer o : c.writers) {
            if (o.process() != only) {
                return true;
            }
        }
        for (Offer o : c.readers) {
            if (o.process() != only) {
                return true;
            }
        }
        return false;
    }

    private void refreshChannel(State s, int channel) {
        if (s.lean) {
            return;
        }
        boolean live = channelLive(s, channel);
        if (s.live.contains(channel) != live) {
            s.ownLive().set(channel, live);
        }
    }

    private void refreshProcess(State s, int process) {
        if (s.lean) {
            return;
        }
        boolean own = hasOwnMove(s.procs[process]);
        if (s.ready.contains(process) != own) {
            s.ownReady().set(process, own);
        }
    }

    /** Whether the process has a move of its own: a step, a reply, a choice, an untimed after, a due sleep. */
    private static boolean hasOwnMove(Proc p) {
        return switch (p.status) {
            case RUNNABLE -> true;
            case WAITING -> p.request instanceof Request.Reply || p.request instanceof Request.Choose
                    || p.afterGuard >= 0 && p.wakeAt < 0;
            case SLEEPING -> p.wakeAt < 0;
            case ENDED, FAILED -> false;
        };
    }

    // ---- applying a move ----

    /**
     * Applies an enabled move to the state in place and sends its events, in order, to {@code out} (a sink that
     * is not enabled gets only prints, errors and nothing else). Callers that keep the old state copy it first.
     *
     * @throws IllegalArgumentException when the move is not enabled in the state
     */
    public void apply(State s, Move move, EventSink out) {
        apply(s, move, out, null);
    }

    /**
     * {@link #apply(State, Move, EventSink)} for a search: with a {@link Memo}, each process's local computation
     * is looked up rather than run when the process was in the same local state with the same answer before,
     * and local steps are not moves (see {@link Memo}). The events of a computation looked up are not sent
     * again, so a search passes a sink that ignores them; {@code memo} null is the plain apply.
     */
    public void apply(State s, Move move, EventSink out, Memo memo) {
        if (s.lean) {
            if (s.moved) {
                throw new IllegalStateException("an encoding copy takes one move");
            }
            s.moved = true;
        }
        if (timed) {
            s.now += MOVE_NANOS;
        }
        switch (move) {
            case Move.Step st -> {
                require(s.procs[st.process()].status == Status.RUNNABLE, move);
                resumeAndAdvance(s, st.process(), Memo.NONE, -1, null, out, memo);
            }
            case Move.HandOver h -> handOver(s, h, out, memo);
            case Move.Put pt -> put(s, pt, out, memo);
            case Move.Take tk -> take(s, tk, out, memo);
            case Move.Reply rp -> reply(s, rp, out, memo);
            case Move.Fire f -> {
                Proc p = s.procs[f.process()];
                require((p.status == Status.WAITING || p.status == Status.SLEEPING) && p.afterGuard >= 0, move);
                if (timed && p.wakeAt > s.now) {
                    s.now = p.wakeAt;
                }
                int guard = p.afterGuard;
                withdraw(s, f.process());
                clearTimer(s.ownProc(f.process()));
                runnable(s, f.process());
                resumeAndAdvance(s, f.process(), Memo.SELECT, guard, null, out, memo);
            }
            case Move.Wake w -> {
                Proc p = s.procs[w.process()];
                require(p.status == Status.SLEEPING && p.afterGuard < 0, move);
                if (timed && p.wakeAt > s.now) {
                    s.now = p.wakeAt;
                }
                clearTimer(s.ownProc(w.process()));
                runnable(s, w.process());
                resumeAndAdvance(s, w.process(), Memo.PLAIN, -1, null, out, memo);
            }
            case Move.Choose c -> {
                Proc p = s.procs[c.process()];
                require(p.status == Status.WAITING && p.request instanceof Request.Choose ch
                        && c.value() >= ch.lo() && c.value() <= ch.hi(), move);
                if (out.enabled()) {
                    out.accept(new RunEvent.Drawn(s.now, ids[c.process()], c.value()));
                }
                runnable(s, c.process());
                resumeAndAdvance(s, c.process(), Memo.CHOICE, -1, c.value(), out, memo);
            }
        }
    }

    private static void require(boolean ok, Move move) {
        if (!ok) {
            throw new IllegalArgumentException("not enabled: " + move);
        }
    }

    private void handOver(State s, Move.HandOver h, EventSink out, Memo memo) {
        Chan c = s.chans[h.channel()];
        require(c.buffer == null && h.writer() != h.reader(), h);
        Offer w = find(c.writers, h.writer(), h.writerGuard(), h);
        Offer r = find(c.readers, h.reader(), h.readerGuard(), h);
        transferred(s, h.channel(), h.writer(), w.port(), h.reader(), r.port(), w.value(), out);
        if (kinds[h.channel()] == ChannelKind.CALL) {
            withdraw(s, h.writer());
            Proc client = s.ownProc(h.writer());
            client.server = h.reader();
            Proc server = s.ownProc(h.reader());
            if (server.toAnswer == null) {
                server.toAnswer = new HashMap<>(4);
            }
            server.toAnswer.put(r.port(), h.writer());
            if (out.enabled()) {
                out.accept(new RunEvent.Blocked(s.now, ids[h.writer()],
                        List.of(WaitOn.reply(channelIds[h.channel()], w.port(), ids[h.reader()]))));
            }
            deliver(s, h.channel(), r, w.value(), out, memo);
        } else {
            received(s, h.channel(), r, w.value(), out);
            sent(s, w);
            resumeAndAdvance(s, w.process(), w.guard() >= 0 ? Memo.SELECT : Memo.PLAIN, w.guard(), null, out, memo);
            resumeAndAdvance(s, r.process(), r.guard() >= 0 ? Memo.SELECT : Memo.VALUE, r.guard(), w.value(), out,
                    memo);
        }
    }

    private void put(State s, Move.Put pt, EventSink out, Memo memo) {
        Chan c = s.chans[pt.channel()];
        require(c.buffer != null, pt);
        Offer w = find(c.writers, pt.writer(), pt.writerGuard(), pt);
        if (c.buffer.size() >= capacity[pt.channel()]) {
            require(kinds[pt.channel()] == ChannelKind.UNBOUNDED, pt);
            Proc p = s.procs[pt.writer()];
            withdraw(s, pt.writer());
            fail(s, pt.writer(), p.request instanceof Request.Select sel ? sel.pos() : p.machine.pendingPos(),
                    "channel '" + channelIds[pt.channel()] + "' holds more than " + capacity[pt.channel()]
                            + " waiting messages (limit); a reader is not keeping up with its writers", out);
            return;
        }
        c = s.ownChan(pt.channel());
        c.buffer.add(new Held(w.value(), pt.writer(), w.port()));
        c.contents = -1;
        if (out.enabled()) {
            out.accept(new RunEvent.Buffer(s.now, channelIds[pt.channel()], c.buffer.size(),
                    new Endpoint(ids[pt.writer()], w.port())));
        }
        sent(s, w);
        resumeAndAdvance(s, w.process(), w.guard() >= 0 ? Memo.SELECT : Memo.PLAIN, w.guard(), null, out, memo);
    }

    private void take(State s, Move.Take tk, EventSink out, Memo memo) {
        Chan c = s.chans[tk.channel()];
        require(c.buffer != null && !c.buffer.isEmpty(), tk);
        Offer r = find(c.readers, tk.reader(), tk.readerGuard(), tk);
        c = s.ownChan(tk.channel());
        Held h = c.buffer.poll();
        c.contents = -1;
        if (out.enabled()) {
            out.accept(new RunEvent.Buffer(s.now, channelIds[tk.channel()], c.buffer.size()));
        }
        transferred(s, tk.channel(), h.writer(), h.port(), tk.reader(), r.port(), h.value(), out);
        deliver(s, tk.channel(), r, h.value(), out, memo);
    }

    private void reply(State s, Move.Reply rp, EventSink out, Memo memo) {
        Proc server = s.procs[rp.server()];
        require(server.status == Status.WAITING && server.request instanceof Request.Reply, rp);
        Request.Reply r = (Request.Reply) server.request;
        Integer clientIndex = server.toAnswer == null ? null : server.toAnswer.get(r.port());
        require(clientIndex != null && clientIndex == rp.client(), rp);
        server = s.ownProc(rp.server());
        server.toAnswer.remove(r.port());
        int channel = channelOf(rp.server(), r.port());
        Proc client = s.ownProc(rp.client());
        String clientPort = ((Request.Call) client.request).port();
        transferred(s, channel, rp.server(), r.port(), rp.client(), clientPort, r.value(), out);
        if (out.enabled()) {
            out.accept(new RunEvent.Received(s.now, ids[rp.client()], clientPort, channelIds[channel], r.value()));
        }
        client.server = -1;
        runnable(s, rp.client());
        runnable(s, rp.server());
        resumeAndAdvance(s, rp.server(), Memo.PLAIN, -1, null, out, memo);
        resumeAndAdvance(s, rp.client(), Memo.VALUE, -1, r.value(), out, memo);
    }

    private void transferred(State s, int channel, int from, String fromPort, int to, String toPort, Object value,
                             EventSink out) {
        if (from >= 0 && s.procs[from].partner != to) {
            s.ownProc(from).partner = to;
        }
        if (from >= 0 && s.procs[to].partner != from) {
            s.ownProc(to).partner = from;
        }
        if (out.enabled()) {
            out.accept(new RunEvent.Transfer(s.now, channelIds[channel], new Endpoint(ids[from], fromPort),
                    new Endpoint(ids[to], toPort), value));
        }
    }

    private static Offer find(Offer[] offers, int process, int guard, Move move) {
        for (Offer o : offers) {
            if (o.process() == process && o.guard() == guard) {
                return o;
            }
        }
        throw new IllegalArgumentException("not enabled: " + move);
    }

    /** A writer's message left: its send (or select guard) completes; the caller resumes it. */
    private void sent(State s, Offer w) {
        withdraw(s, w.process());
        clearTimer(s.ownProc(w.process()));
        runnable(s, w.process());
    }

    /** A reader got a message: its recv (or select guard) completes, and it computes on. */
    private void deliver(State s, int channel, Offer r, Object value, EventSink out, Memo memo) {
        received(s, channel, r, value, out);
        resumeAndAdvance(s, r.process(), r.guard() >= 0 ? Memo.SELECT : Memo.VALUE, r.guard(), value, out, memo);
    }

    /** A reader got a message: its offers go and the event is sent; the caller resumes it. */
    private void received(State s, int channel, Offer r, Object value, EventSink out) {
        withdraw(s, r.process());
        clearTimer(s.ownProc(r.process()));
        if (out.enabled()) {
            out.accept(new RunEvent.Received(s.now, ids[r.process()], r.port(), channelIds[channel], value));
        }
        runnable(s, r.process());
    }

    private void runnable(State s, int process) {
        Proc p = s.ownProc(process);
        p.status = Status.RUNNABLE;
        p.request = null;
        p.afterGuard = -1;
    }

    private static void clearTimer(Proc p) {
        if (p.wakeAt >= 0) {
            p.wakeAt = -1;
            p.timerGeneration++;
        }
    }

    /** Takes all of a process's offers off their channels. */
    private void withdraw(State s, int process) {
        Proc p = s.procs[process];
        if (p.offeredCount == 0 || s.lean) {
            return;
        }
        p = s.ownProc(process);
        for (int i = 0; i < p.offeredCount; i++) {
            int channel = p.offeredOn[i];
            Chan c = s.ownChan(channel);
            c.writers = without(c.writers, process);
            c.readers = without(c.readers, process);
            refreshChannel(s, channel);
        }
        p.offeredCount = 0;
    }

    private void offer(State s, int process, int channel, Offer o, boolean write) {
        if (s.lean) {
            return;
        }
        Proc p = s.ownProc(process);
        Chan ch = s.ownChan(channel);
        Offer[] list = write ? ch.writers : ch.readers;
        int at = list.length;
        while (at > 0 && compare(list[at - 1], o) > 0) {
            at--;
        }
        Offer[] now = new Offer[list.length + 1];
        System.arraycopy(list, 0, now, 0, at);
        now[at] = o;
        System.arraycopy(list, at, now, at + 1, list.length - at);
        if (write) {
            ch.writers = now;
        } else {
            ch.readers = now;
        }
        boolean known = false;
        for (int i = 0; i < p.offeredCount; i++) {
            known |= p.offeredOn[i] == channel;
        }
        if (!known) {
            if (p.offeredCount == p.offeredOn.length || p.offeredShared) {
                p.offeredOn = java.util.Arrays.copyOf(p.offeredOn, Math.max(p.offeredOn.length,
                        Math.max(2, p.offeredCount * 2)));
                p.offeredShared = false;
            }
            p.offeredOn[p.offeredCount++] = channel;
        }
        refreshChannel(s, channel);
    }

    /** The offers without the process's; the same array when it has none there. */
    private static Offer[] without(Offer[] offers, int process) {
        int keep = 0;
        for (Offer o : offers) {
            if (o.process() != process) {
                keep++;
            }
        }
        if (keep == offers.length) {
            return offers;
        }
        if (keep == 0) {
            return State.NO_OFFERS;
        }
        Offer[] out = new Offer[keep];
        int i = 0;
        for (Offer o : offers) {
            if (o.process() != process) {
                out[i++] = o;
            }
        }
        return out;
    }

    private static int compare(Offer a, Offer b) {
        return a.process() != b.process() ? Integer.compare(a.process(), b.process()) : Integer.compare(a.guard(), b.guard());
    }

    /** Whether a reader starting to wait on the channel finds something to take now (a message or a writer). */
    private boolean recvReady(State s, int process, int channel) {
        Chan c = s.chans[channel];
        if (c.buffer != null && !c.buffer.isEmpty()) {
            return true;
        }
        for (Offer w : c.writers) {
            if (w.process() != process) {
                return true;
            }
        }
        return false;
    }

    /** Whether a writer starting to wait on the channel finds room or a reader now. */
    private boolean sendReady(State s, int process, int channel) {
        Chan c = s.chans[channel];
        if (c.buffer != null && (c.buffer.size() < capacity[channel] || kinds[channel] == ChannelKind.UNBOUNDED)) {
            return true;
        }
        for (Offer r : c.readers) {
            if (r.process() != process) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers a process's pending request ({@code how}, see {@link Memo}), runs its local computation and then
     * does what the request it stops at asks of the network. With a memo the local computation is looked up.
     */
    private void resumeAndAdvance(State s, int process, int how, int guard, Object value, EventSink out, Memo memo) {
        Proc p = s.ownProc(process);
        Request r;
        if (memo != null) {
            r = memo.resume(this, s, p, process, how, guard, value, out);
            if (s.lean && !timed && waits(r)) {
                // Only encoded: what the wait makes of the process (its status) is the memo's, as decode() has it.
                Memo.Shape sh = memo.shape(process, p.local, false);
                if (sh == null) {
                    sh = shape(process, p.machine, p.local, -1, Status.WAITING, memo);
                    memo.keepShape(process, p.local, false, sh);
                }
                Proc shaped = sh.proc();
                p.status = shaped.status;
                p.request = shaped.request;
                p.afterGuard = shaped.afterGuard;
                return;
            }
        } else {
            ProcessMachine m = ownMachine(p);
            Memo.answer(m, how, guard, value);
            r = local(s.now, process, m, out, 0, null);
        }
        advance(s, process, r, out);
    }

    /** Whether a request waits for the network (a communication, a reply to give, a choice). */
    private static boolean waits(Request r) {
        return r instanceof Request.Send || r instanceof Request.Call || r instanceof Request.Recv
                || r instanceof Request.Select || r instanceof Request.Reply || r instanceof Request.Choose;
    }

    /** The process's machine, its own, to change. */
    private static ProcessMachine ownMachine(Proc p) {
        if (p.machineShared) {
            p.machine = p.machine.copy();
            p.machineShared = false;
        }
        p.local = -1;
        return p.machine;
    }

    /**
     * A process's local computation: runs the machine until it needs the network; prints, sleeps (untimed) and
     * a select of only {@code after} (untimed) pass on the way, and with a yield limit so do up to that many
     * yields (after which the process fails). Depends on nothing but the machine, so a {@link Memo} may keep it.
     */
    Request local(long now, int process, ProcessMachine m, EventSink out, int yieldLimit, Memo memo) {
        int yields = 0;
        while (true) {
            Request r = m.advance();
            switch (r) {
                case Request.Print pr -> {
                    out.accept(new RunEvent.Printed(now, ids[process], labels[process], pr.text()));
                    m.resume();
                }
                case Request.Sleep sl when !timed -> {
                    if (memo != null) {
                        memo.sawSleep = true;
                    }
                    if (out.enabled()) {
                        out.accept(new RunEvent.Slept(now, ids[process], sl.millis()));
                    }
                    m.resume();
                }
                case Request.Select sel when !timed && sel.afterIndex() >= 0 && sel.offers().size() == 1 -> {
                    if (memo != null) {
                        memo.sawAfter = true;
                    }
                    m.resumeSelect(sel.afterIndex(), null); // only an after, and time does not count: it fires at once
                }
                case Request.Yield y when yieldLimit > 0 -> {
                    if (++yields > yieldLimit) {
                        return m.fail(m.pendingPos(), "runs over " + yieldLimit * (long) options.stepBudget()
                                + " statements without communicating; verify cannot explore past it");
                    }
                }
                default -> {
                    if (memo != null && r instanceof Request.Select sel && sel.afterIndex() >= 0) {
                        memo.sawAfter = true;
                    }
                    return r;
                }
            }
        }
    }

    /** A send, or a call's request: offered on the port's channel, blocked where nobody can take it yet. */
    private void offerToSend(State s, int process, Request r, String port, Object value, EventSink out) {
        int c = channelOf(process, port);
        if (out.enabled()) {
            out.accept(new RunEvent.SendOffered(s.now, ids[process], port, channelIds[c], value));
        }
        boolean ready = sendReady(s, process, c);
        waitFor(s, process, r);
        offer(s, process, c, new Offer(process, -1, port, value), true);
        if (!ready && out.enabled()) {
            blocked(s, process, List.of(WaitOn.send(channelIds[c], port)), out);
        }
    }

    /** Does what the request a process's local computation stopped at asks of the network. */
    private void advance(State s, int process, Request r, EventSink out) {
        Proc p = s.ownProc(process);
        String id = ids[process];
        switch (r) {
            case Request.Send snd -> offerToSend(s, process, r, snd.port(), snd.value(), out);
            case Request.Call call -> offerToSend(s, process, r, call.port(), call.value(), out); // the request
            case Request.Recv rv -> {
                int c = channelOf(process, rv.port());
                boolean ready = recvReady(s, process, c);
                waitFor(s, process, r);
                offer(s, process, c, new Offer(process, -1, rv.port(), null), false);
                if (!ready && out.enabled()) {
                    blocked(s, process, List.of(WaitOn.recv(channelIds[c], rv.port())), out);
                }
            }
            case Request.Reply rp -> waitFor(s, process, r);
            case Request.Choose ch -> waitFor(s, process, r);
            case Request.Select sel -> select(s, process, sel, out);
            case Request.Sleep sl -> {
                // timed only: untimed, a sleep passes within the local computation
                if (out.enabled()) {
                    out.accept(new RunEvent.Slept(s.now, id, sl.millis()));
                }
                p.status = Status.SLEEPING;
                p.request = r;
                p.afterGuard = -1;
                timer(s, process, sl.millis());
                refreshProcess(s, process);
            }
            case Request.Print pr -> throw new IllegalStateException("a print ends no local computation");
            case Request.Yield y -> {
                p.status = Status.RUNNABLE;
                refreshProcess(s, process);
            }
            case Request.Done d -> {
                if (out.enabled()) {
                    out.accept(new RunEvent.Ended(s.now, id));
                }
                p.status = Status.ENDED;
                p.request = null;
                s.running--;
                refreshProcess(s, process);
            }
            case Request.Failed f -> fail(s, process, f.pos(), f.message(), out);
        }
    }

    private void waitFor(State s, int process, Request r) {
        Proc p = s.ownProc(process);
        p.status = Status.WAITING;
        p.request = r;
        p.afterGuard = -1;
        refreshProcess(s, process);
    }

    /** Registers a select's guards (untimed, a select of only an after never gets here). */
    private void select(State s, int process, Request.Select sel, EventSink out) {
        Proc p = s.ownProc(process);
        List<Request.Offer> offers = sel.offers();
        int after = -1;
        long afterMillis = 0;
        boolean ready = false;
        List<WaitOn> on = new ArrayList<>(offers.size());
        for (int i = 0; i < offers.size(); i++) {
            switch (offers.get(i)) {
                case Request.RecvOffer ro -> {
                    int c = channelOf(process, ro.port());
                    ready |= recvReady(s, process, c);
                    on.add(WaitOn.recv(channelIds[c], ro.port()));
                }
                case Request.SendOffer so -> {
                    int c = channelOf(process, so.port());
                    if (out.enabled()) {
                        out.accept(new RunEvent.SendOffered(s.now, ids[process], so.port(), channelIds[c], so.value()));
                    }
                    ready |= sendReady(s, process, c);
                    on.add(WaitOn.send(channelIds[c], so.port()));
                }
                case Request.AfterOffer ao -> {
                    after = i;
                    afterMillis = ao.millis();
                }
            }
        }
        p.request = sel;
        p.status = on.isEmpty() ? Status.SLEEPING : Status.WAITING;
        p.afterGuard = after;
        for (int i = 0; i < offers.size(); i++) {
            switch (offers.get(i)) {
                case Request.RecvOffer ro ->
                        offer(s, process, channelOf(process, ro.port()), new Offer(process, i, ro.port(), null), false);
                case Request.SendOffer so -> offer(s, process, channelOf(process, so.port()),
                        new Offer(process, i, so.port(), so.value()), true);
                case Request.AfterOffer ao -> {
                }
            }
        }
        if (after >= 0 && timed) {
            timer(s, process, afterMillis);
        }
        refreshProcess(s, process);
        if (!ready && !on.isEmpty()) {
            blocked(s, process, on, out);
        }
    }

    /** Sets a timed process's timer; zero waits are ordinary moves, longer ones wait for their time. */
    private void timer(State s, int process, long millis) {
        Proc p = s.ownProc(process);
        p.timerGeneration++;
        if (millis <= 0) {
            p.wakeAt = -1;
            return;
        }
        long nanos = millis >= MAX_WAIT_NANOS / 1_000_000L ? MAX_WAIT_NANOS : millis * 1_000_000L;
        p.wakeAt = s.now > MAX_WAIT_NANOS ? s.now + 1 : s.now + nanos;
        s.ownTimers().add(new State.Timer(p.wakeAt, process, p.timerGeneration));
    }

    private void blocked(State s, int process, List<WaitOn> on, EventSink out) {
        if (out.enabled()) {
            out.accept(new RunEvent.Blocked(s.now, ids[process], on));
        }
    }

    private void fail(State s, int process, Pos pos, String message, EventSink out) {
        withdraw(s, process);
        Proc p = s.ownProc(process);
        clearTimer(p);
        if (!p.machine.finished()) {
            ownMachine(p).fail(pos, message);
        }
        p.status = Status.FAILED;
        p.request = null;
        s.running--;
        s.failed = process;
        s.failure = new Request.Failed(pos, message);
        refreshProcess(s, process);
        out.accept(new RunEvent.Failed(s.now, ids[process], pos.line(), pos.column(), message));
    }

    // ---- a canonical encoding ----

    /**
     * Writes the state canonically: two states with equal encodings have the same moves and the same futures
     * (printed text aside, which the machines do not keep). Per process its status, its machine
     * ({@link ProcessMachine#encode}), the server holding its call and the clients awaiting its replies; per
     * channel the messages it holds with their writers. Offers are not written: they follow from the machines'
     * pending requests. Timed, the clock and the timers are written too.
     */
    public void encode(State s, org.chanvas.runtime.interp.ByteSink out) {
        for (int i = 0; i < ids.length; i++) {
            Proc p = s.procs[i];
            out.writeByte(p.status.ordinal());
            p.machine.encode(out);
            out.writeVarLong(p.server + 1L);
            if (p.toAnswer == null || p.toAnswer.isEmpty()) {
                out.writeVarLong(0);
            } else {
                String[] ports = p.toAnswer.keySet().toArray(new String[0]);
                java.util.Arrays.sort(ports);
                out.writeVarLong(ports.length);
                for (String port : ports) {
                    out.writeString(port);
                    out.writeVarLong(p.toAnswer.get(port));
                }
            }
            if (timed) {
                out.writeLong(p.wakeAt);
            }
        }
        for (Chan c : s.chans) {
            if (c.buffer == null) {
                continue;
            }
            out.writeVarLong(c.buffer.size());
            for (Held h : c.buffer) {
                out.writeVarLong(h.writer());
                out.writeString(h.port());
                out.writeValue(h.value());
            }
        }
        if (timed) {
            out.writeLong(s.now);
        }
    }

    /** {@link #encode(State, org.chanvas.runtime.interp.ByteSink)} as bytes. */
    public byte[] encode(State s) {
        org.chanvas.runtime.interp.ByteSink out = new org.chanvas.runtime.interp.ByteSink();
        encode(s, out);
        return out.toByteArray();
    }

    /**
     * The explorer's compact encoding of a state, into {@code out}: per process the memo's number of its local
     * state and its status; the pending calls when the network has call channels; per buffered channel the
     * memo's number of the values it holds. Equal encodings mean the same moves and futures up to events: who
     * put a buffered message (it shows in a transfer event only) and whom a process last met are left out.
     */
    public void encode(State s, org.chanvas.runtime.interp.ByteSink out, Memo memo) {
        for (int i = 0; i < ids.length; i++) {
            Proc p = s.procs[i];
            out.writeVarLong(memo.local(i, p) * 5L + p.status.ordinal());
        }
        if (hasCalls) {
            for (int i = 0; i < ids.length; i++) {
                Proc p = s.procs[i];
                out.writeVarLong(p.server + 1L);
                if (p.toAnswer == null || p.toAnswer.isEmpty()) {
                    out.writeVarLong(0);
                } else {
                    String[] ports = p.toAnswer.keySet().toArray(new String[0]);
                    java.util.Arrays.sort(ports);
                    out.writeVarLong(ports.length);
                    for (String port : ports) {
                        out.writeString(port);
                        out.writeVarLong(p.toAnswer.get(port));
                    }
                }
            }
        }
        for (Chan c : s.chans) {
            if (c.buffer == null) {
                continue;
            }
            if (c.contents < 0) {
                // a cache of a function of the buffer, so a shared channel may keep it too
                org.chanvas.runtime.interp.ByteSink b = new org.chanvas.runtime.interp.ByteSink(32);
                b.writeVarLong(c.buffer.size());
                for (Held h : c.buffer) {
                    b.writeValue(h.value());
                }
                c.contents = memo.contents(b.toByteArray(), c.buffer);
            }
            out.writeVarLong(c.contents);
        }
    }

    /**
     * The state whose compact encoding ({@link #encode(State, org.chanvas.runtime.interp.ByteSink, Memo)}) is
     * {@code b[from, to)}, with the same moves and futures as the state encoded: each process gets the memo's
     * machine of its local state and makes its pending request again, as {@link #apply} made it (so a search
     * keeps a number per state, not the state). What the encoding leaves out is not known: who put a buffered
     * message (its writer is -1), whom each process last met; events of moves from it name no such writer.
     *
     * @throws IllegalStateException when a process's rebuilt status is not the encoded one (a codec bug)
     */
    public State decode(byte[] b, int from, int to, Memo memo) {
        int n = ids.length;
        State s = new State(n, kinds.length, noTimers);
        int[] at = {from};
        Memo.Scratch scratch = memo.scratch(n, kinds.length);
        int[] local = scratch.local;
        int[] status = scratch.status;
        for (int i = 0; i < n; i++) {
            long v = readVarLong(b, at);
            local[i] = (int) (v / 5);
            status[i] = (int) (v % 5);
        }
        int[] server = null;
        List<HashMap<String, Integer>> answer = null;
        if (hasCalls) {
            server = new int[n];
            answer = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                server[i] = (int) readVarLong(b, at) - 1;
                int count = (int) readVarLong(b, at);
                HashMap<String, Integer> clients = null;
                if (count > 0) {
                    clients = new HashMap<>(4);
                    for (int k = 0; k < count; k++) {
                        char[] port = new char[(int) readVarLong(b, at)];
                        for (int j = 0; j < port.length; j++) {
                            port[j] = (char) readVarLong(b, at);
                        }
                        clients.put(new String(port), (int) readVarLong(b, at));
                    }
                }
                answer.add(clients);
            }
        }
        for (int c = 0; c < kinds.length; c++) {
            if (!buffered[c]) {
                continue;
            }
            Chan ch = new Chan(true);
            ch.owner = s.token;
            s.chans[c] = ch;
            ch.contents = (int) readVarLong(b, at);
            for (Object v : memo.contents(ch.contents)) {
                ch.buffer.add(new Held(v, -1, null));
            }
        }
        if (at[0] != to) {
            throw new IllegalStateException("state encoding of " + (to - from) + " bytes, read " + (at[0] - from));
        }
        // Each process makes its pending request again. What a request does to a state with nobody else in it
        // (its status, its offers) depends on the local state alone, so the memo keeps it per local state, with
        // the process as it then is (shared by every state it occurs in: a move copies it before changing it),
        // and the channels' offer lists are filled in one pass, in (process, guard) order.
        Memo.Shape[] shapes = scratch.shapes;
        int[] writers = scratch.writers;
        int[] readers = scratch.readers;
        java.util.Arrays.fill(writers, 0);
        java.util.Arrays.fill(readers, 0);
        for (int i = 0; i < n; i++) {
            boolean taken = server != null && server[i] >= 0;
            Memo.Shape sh = memo.shape(i, local[i], taken);
            if (sh == null) {
                sh = shape(i, memo.machine(i, local[i]), local[i], taken ? server[i] : -1,
                        Status.values()[status[i]], memo);
                memo.keepShape(i, local[i], taken, sh);
            }
            if (sh.proc().status.ordinal() != status[i]) {
                throw new IllegalStateException("decoded " + ids[i] + " as " + sh.proc().status + ", encoded "
                        + Status.values()[status[i]]);
            }
            shapes[i] = sh;
            for (int k = 0; k < sh.offers().length; k++) {
                if (sh.write()[k]) {
                    writers[sh.channels()[k]]++;
                } else {
                    readers[sh.channels()[k]]++;
                }
            }
        }
        for (int c = 0; c < kinds.length; c++) {
            Chan ch = s.chans[c];
            if (ch == null) {
                if (writers[c] == 0 && readers[c] == 0) {
                    s.chans[c] = idle[c];
                    continue;
                }
                ch = new Chan(false);
                ch.owner = s.token;
                s.chans[c] = ch;
            }
            ch.writers = writers[c] == 0 ? State.NO_OFFERS : new Offer[writers[c]];
            ch.readers = readers[c] == 0 ? State.NO_OFFERS : new Offer[readers[c]];
            writers[c] = 0;
            readers[c] = 0;
        }
        for (int i = 0; i < n; i++) {
            Memo.Shape sh = shapes[i];
            Proc p = sh.proc();
            if (server != null && (server[i] >= 0 || answer.get(i) != null)) {
                p = p.copy(s.token);
                p.server = server[i];
                p.toAnswer = answer.get(i);
            }
            s.procs[i] = p;
            for (int k = 0; k < sh.offers().length; k++) {
                int c = sh.channels()[k];
                if (sh.write()[k]) {
                    s.chans[c].writers[writers[c]++] = sh.offers()[k];
                } else {
                    s.chans[c].readers[readers[c]++] = sh.offers()[k];
                }
            }
            if (p.status == Status.ENDED || p.status == Status.FAILED) {
                s.running--;
                if (p.status == Status.FAILED) {
                    s.failed = i;
                }
            }
            if (hasOwnMove(p)) {
                s.ready.add(i);
            }
        }
        for (int c = 0; c < kinds.length; c++) {
            if ((writers[c] > 0 || readers[c] > 0) && channelLive(s, c)) {
                s.live.add(c); // a channel nobody offers on is not live
            }
        }
        return s;
    }

    /**
     * A process in this local state (its call taken by {@code server}, or -1) once it has made its pending
     * request, alone in a state: {@link #advance} does it, and the process and its offers are read off.
     */
    private Memo.Shape shape(int process, ProcessMachine machine, int local, int server, Status encoded, Memo memo) {
        State scratch = new State(ids.length, buffered);
        Proc p = new Proc();
        p.owner = scratch.token;
        p.machine = machine;
        p.machineShared = true;
        p.local = local;
        p.server = server;
        scratch.procs[process] = p;
        if (encoded == Status.ENDED || encoded == Status.FAILED || encoded == Status.RUNNABLE) {
            p.status = encoded; // a finished machine, or one between its step budgets: no request to make
        } else if (machine.pending() instanceof Request.Call && server >= 0) {
            waitFor(scratch, process, machine.pending()); // its request was taken: it waits for the reply
        } else {
            advance(scratch, process, machine.pending(), EventSink.NONE);
        }
        List<Integer> channels = new ArrayList<>();
        List<Offer> offers = new ArrayList<>();
        List<Boolean> write = new ArrayList<>();
        p.offeredOn = java.util.Arrays.copyOf(p.offeredOn, p.offeredCount);
        p.offeredShared = true;
        for (int c : p.offeredOn) {
            for (Offer o : scratch.chans[c].writers) {
                channels.add(c);
                offers.add(o);
                write.add(true);
            }
            for (Offer o : scratch.chans[c].readers) {
                channels.add(c);
                offers.add(o);
                write.add(false);
            }
        }
        int[] cs = new int[channels.size()];
        boolean[] ws = new boolean[channels.size()];
        for (int k = 0; k < cs.length; k++) {
            cs[k] = channels.get(k);
            ws[k] = write.get(k);
        }
        p.owner = memo; // no state's token: every state that shares it copies it before a change
        p.server = -1;
        return new Memo.Shape(p, cs, offers.toArray(new Offer[0]), ws);
    }

    private static long readVarLong(byte[] b, int[] at) {
        long v = 0;
        int shift = 0;
        int i = at[0];
        byte x;
        do {
            x = b[i++];
            v |= (long) (x & 0x7F) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        at[0] = i;
        return v;
    }

    /** An enabled move in words, given the state before it, e.g. {@code phil2 receives "fork" from fork2 on give2}. */
    public String describe(State s, Move move) {
        return switch (move) {
            case Move.HandOver h -> {
                Object v = find(s.chans[h.channel()].writers, h.writer(), h.writerGuard(), h).value();
                yield kinds[h.channel()] == ChannelKind.CALL
                        ? labels[h.writer()] + " calls " + labels[h.reader()] + " with " + Values.literal(v) + " on "
                        + channelIds[h.channel()]
                        : labels[h.reader()] + " receives " + Values.literal(v) + " from " + labels[h.writer()] + " on "
                        + channelIds[h.channel()];
            }
            case Move.Put pt -> labels[pt.writer()] + " puts "
                    + Values.literal(find(s.chans[pt.channel()].writers, pt.writer(), pt.writerGuard(), pt).value())
                    + " into " + channelIds[pt.channel()] + " (now " + (s.chans[pt.channel()].buffer.size() + 1)
                    + " held)";
            case Move.Take tk -> {
                Held h = s.chans[tk.channel()].buffer.peek();
                yield labels[tk.reader()] + " takes " + Values.literal(h.value()) + " from " + channelIds[tk.channel()]
                        + " (put by " + ids[h.writer()] + ")";
            }
            case Move.Reply rp -> {
                Request.Reply r = (Request.Reply) s.procs[rp.server()].request;
                yield labels[rp.server()] + " replies " + Values.literal(r.value()) + " to " + labels[rp.client()]
                        + " on " + channelIds[channelOf(rp.server(), r.port())];
            }
            case Move.Fire f -> timed ? labels[f.process()] + "'s select times out"
                    : labels[f.process()] + "'s select times out (after fires; time is not modelled)";
            case Move.Wake w -> labels[w.process()] + " wakes up";
            case Move.Choose c -> {
                Request.Choose ch = (Request.Choose) s.procs[c.process()].request;
                yield labels[c.process()] + " draws " + c.value() + " from random(" + ch.lo() + ", " + ch.hi() + ")";
            }
            case Move.Step st -> labels[st.process()] + " computes";
        };
    }

    // ---- what a waiting process waits for ----

    /** What a process waits on, for a diagnosis; empty when it is not waiting. */
    public List<WaitOn> waits(State s, int process) {
        Proc p = s.procs[process];
        if (p.status != Status.WAITING && p.status != Status.SLEEPING) {
            return List.of();
        }
        return switch (p.request) {
            case Request.Send snd -> List.of(WaitOn.send(channelIds[channelOf(process, snd.port())], snd.port()));
            case Request.Call call -> {
                String c = channelIds[channelOf(process, call.port())];
                yield p.server >= 0 ? List.of(WaitOn.reply(c, call.port(), ids[p.server]))
                        : List.of(WaitOn.send(c, call.port()));
            }
            case Request.Recv rv -> List.of(WaitOn.recv(channelIds[channelOf(process, rv.port())], rv.port()));
            case Request.Select sel -> {
                List<WaitOn> on = new ArrayList<>();
                for (Request.Offer o : sel.offers()) {
                    switch (o) {
                        case Request.RecvOffer ro -> on.add(WaitOn.recv(channelIds[channelOf(process, ro.port())], ro.port()));
                        case Request.SendOffer so -> on.add(WaitOn.send(channelIds[channelOf(process, so.port())], so.port()));
                        case Request.AfterOffer ao -> {
                        }
                    }
                }
                yield on;
            }
            case null, default -> List.of();
        };
    }

    /**
     * The deadlock or stuck diagnosis of a state where nothing can move and some process has not ended: every
     * waiting process with what it waits on, and the cycle of waits.
     */
    public Diagnosis diagnose(State s) {
        Map<String, List<WaitOn>> waits = new LinkedHashMap<>();
        Set<String> ended = new HashSet<>();
        Map<String, String> partners = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            Status st = s.procs[i].status;
            if (st == Status.ENDED || st == Status.FAILED) {
                ended.add(ids[i]);
            } else {
                waits.put(ids[i], waits(s, i));
            }
            if (s.procs[i].partner >= 0) {
                partners.put(ids[i], ids[s.procs[i].partner]);
            }
        }
        return waitFor.diagnose(waits, ended, partners);
    }
}
