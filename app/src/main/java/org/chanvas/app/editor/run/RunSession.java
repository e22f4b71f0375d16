package org.chanvas.app.editor.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chanvas.app.diagram.ProcessState;
import org.chanvas.app.diagram.RunOverlay;
import org.chanvas.model.Network;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.engine.SeededScheduler;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.interp.MachineOptions;
import org.chanvas.runtime.interp.OutputBudget;
import org.chanvas.runtime.interp.RandomMode;
import org.chanvas.runtime.interp.Request;
import org.chanvas.runtime.semantics.IndexSet;
import org.chanvas.runtime.semantics.Move;
import org.chanvas.runtime.semantics.Semantics;
import org.chanvas.runtime.semantics.State;
import org.chanvas.runtime.semantics.Timing;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;

/**
 * One run as the editor drives it: the timed semantics with the seeded engine's scheduler (so seed N here is
 * {@code chanvas run --seed N}), one move at a time, and its history. The history keeps every move of a
 * window of the latest ones plus a copy of the state at the start of each chunk of moves, so any position in
 * the window is a checkpoint and at most one chunk of re-applied moves away; older chunks are dropped, so
 * memory stays bounded however long the run goes. Prints are kept with the move that printed them.
 *
 * <p>Not thread-safe: the controller confines it to one thread at a time (its lock).
 */
public final class RunSession {

    /**
     * How much history is kept.
     *
     * @param chunk     moves between two checkpoints
     * @param maxChunks chunks kept; the oldest goes when a new one would exceed it
     * @param maxPrints printed lines kept (the Console shows no more than this either)
     */
    public record Limits(int chunk, int maxChunks, int maxPrints) {
        public Limits {
            if (chunk < 1 || maxChunks < 1 || maxPrints < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        /**
         * A checkpoint's cost grows with the network, so big networks take them less often and keep fewer:
         * about 260,000 moves of history for a small network, and never more than 8,192 process states held.
         */
        public static Limits forProcesses(int processes) {
            int n = Math.max(1, processes);
            return new Limits(Math.max(1024, n * 32), Math.max(16, Math.min(256, 8192 / n)), 5000);
        }
    }

    /** A line a process printed, and the move (1-based position) whose effects include it. */
    public record Print(long move, int process, String label, String text) {
    }

    /**
     * One move applied: the position it led to, the move, and its events (only when asked for).
     */
    public record Beat(long position, Move move, List<RunEvent> events) {
        /** Whether the move is one a person should see happen: a message, a timer, a wake-up. */
        public boolean visible() {
            return !(move instanceof Move.Step) && !(move instanceof Move.Choose);
        }
    }

    /** A checkpoint and the moves that follow it. */
    private static final class Chunk {
        final State start;
        /** The run's printed bytes at the checkpoint: the print budget is the run's, not the state's. */
        final long printed;
        /** Visible moves (communications, wake-ups) from the run's start to the checkpoint. */
        final long visible;
        final Move[] moves;
        int count;

        Chunk(State start, long printed, long visible, int size) {
            this.start = start;
            this.printed = printed;
            this.visible = visible;
            this.moves = new Move[size];
        }
    }

    /** Records prints of new moves, and every event when a caller wants them. */
    private final class Recorder implements EventSink {
        boolean recording;
        List<RunEvent> events;

        @Override
        public void accept(RunEvent e) {
            if (events != null) {
                events.add(e);
            }
            if (recording && e instanceof RunEvent.Printed p) {
                addPrint(new Print(position + 1, semantics.processIndex(p.process()), p.label(), p.text()));
            }
        }

        @Override
        public boolean enabled() {
            return events != null;
        }
    }

    private final Network network;
    private final Semantics semantics;
    private final SeededScheduler scheduler;
    private final long seed;
    private final Limits limits;
    private final Recorder recorder = new Recorder();
    private final ArrayList<Chunk> chunks = new ArrayList<>();
    private final ArrayList<Print> prints = new ArrayList<>();
    private final List<Move> collected = new ArrayList<>();
    private State state;
    private long position;
    private long end;
    private long base;
    private RunOutcome outcome;
    /** Whether the moves were given (a counterexample), not picked by the seeded scheduler. */
    private final boolean recorded;
    /**
     * The print budget the machines charge (null for a recorded run, whose semantics prints without one). It
     * always holds what the run had printed up to {@link #position}: going back rewinds it to a checkpoint's.
     */
    private OutputBudget budget;
    /** Visible moves recorded so far (see {@link #visibleMoves}). */
    private long visibleRecorded;

    public RunSession(RunPlan plan, long seed, Limits limits) {
        this(plan, seed, limits, MachineOptions.defaults());
    }

    /** A run whose machines have the given value limits and print budget (a smaller one, in tests). */
    public RunSession(RunPlan plan, long seed, Limits limits, MachineOptions machines) {
        this(plan.network(), timed(plan, seed, machines), seed, limits, false);
        this.budget = machines.output();
    }

    private RunSession(Network network, Semantics semantics, long seed, Limits limits, boolean recorded) {
        this.network = network;
        this.semantics = semantics;
        this.scheduler = new SeededScheduler(seed);
        this.seed = seed;
        this.limits = limits;
        this.recorded = recorded;
        this.state = semantics.initial();
    }

    private static Semantics timed(RunPlan plan, long seed, MachineOptions machines) {
        RunOptions o = RunOptions.defaults();
        return new Semantics(plan, new Semantics.Options(Timing.TIMED, seed, o.stepBudget(), o.unboundedLimit(),
                RandomMode.ASK), machines);
    }

    /**
     * A run along given moves of {@code semantics} (a counterexample of verify, on the explorer's semantics),
     * shown at its start: the whole history is known, so stepping walks it and its last state says how it
     * ended, in the words of any run that ends there. The history keeps every move, however many.
     */
    public static RunSession recorded(RunPlan plan, Semantics semantics, List<Move> moves) {
        Limits l = Limits.forProcesses(plan.size());
        l = new Limits(l.chunk(), Math.max(l.maxChunks(), moves.size() / l.chunk() + 1), l.maxPrints());
        RunSession s = new RunSession(plan.network(), semantics, 0, l, true);
        s.recorder.recording = true;
        for (Move m : moves) {
            s.record(m);
            semantics.apply(s.state, m, s.recorder);
            s.position++;
            s.end++;
        }
        s.recorder.recording = false;
        s.outcome = s.decide();
        s.seek(0);
        return s;
    }

    /** Whether this run follows given moves (a counterexample) rather than a seed's choices. */
    public boolean recorded() {
        return recorded;
    }

    /** Where the run's choices come from, for the status line: {@code seed N} or {@code counterexample}. */
    public String origin() {
        return recorded ? "counterexample" : "seed " + seed;
    }

    public RunSession(RunPlan plan, long seed) {
        this(plan, seed, Limits.forProcesses(plan.size()));
    }

    public long seed() {
        return seed;
    }

    public Semantics semantics() {
        return semantics;
    }

    public Network network() {
        return network;
    }

    /** How many moves lead to the state shown now. */
    public long position() {
        return position;
    }

    /** How many moves the run has made so far (the history's end). */
    public long end() {
        return end;
    }

    /** The earliest position still in the history. */
    public long start() {
        return base;
    }

    /** How the run ended, once its last state was reached; the run may be shown at an earlier position. */
    public Optional<RunOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** Whether the state shown is the last one of a run that has ended. */
    public boolean atEnd() {
        return outcome != null && position == end;
    }

    /** The state at the position (read it; never change it). */
    public State state() {
        return state;
    }

    /** Moves and checkpoints held in memory now; for tests of the memory bound. */
    public long movesKept() {
        long n = 0;
        for (Chunk c : chunks) {
            n += c.count;
        }
        return n;
    }

    public int checkpointsKept() {
        return chunks.size();
    }

    public int printsKept() {
        return prints.size();
    }

    /**
     * Applies the next move: the recorded one when the position is inside the history, else a new one the
     * scheduler picks. Null when the run has ended at this position.
     *
     * @param events whether to collect the move's events (for the animation)
     */
    public Beat advance(boolean events) {
        recorder.events = events ? new ArrayList<>(6) : null;
        try {
            if (position < end) {
                Move m = moveAt(position);
                recorder.recording = false;
                semantics.apply(state, m, recorder);
                position++;
                return new Beat(position, m, recorder.events == null ? List.of() : recorder.events);
            }
            if (outcome != null) {
                return null;
            }
            Move m = state.failed() >= 0 ? null : scheduler.pick(semantics, state);
            if (m == null) {
                outcome = decide();
                return null;
            }
            record(m);
            recorder.recording = true;
            semantics.apply(state, m, recorder);
            position++;
            end++;
            trim();
            return new Beat(position, m, recorder.events == null ? List.of() : recorder.events);
        } finally {
            recorder.recording = false;
            recorder.events = null;
        }
    }

    /** Goes to a position of the history (clamped to what is kept): a checkpoint, then its moves re-applied. */
    public void seek(long target) {
        target = Math.max(base, Math.min(end, target));
        if (target == position) {
            return;
        }
        if (target < position || target - position > limits.chunk()) {
            int i = (int) Math.min(chunks.size() - 1, (target - base) / limits.chunk());
            state = chunks.get(i).start.copy();
            position = base + (long) i * limits.chunk();
            rewind(chunks.get(i).printed);
        }
        recorder.events = null;
        recorder.recording = false;
        while (position < target) {
            semantics.apply(state, moveAt(position), recorder);
            position++;
        }
    }

    /** Whether the move that leads to position {@code p} is a visible one (false outside the history). */
    public boolean visibleMoveLeadsTo(long p) {
        if (p <= base || p > end) {
            return false;
        }
        return visible(moveAt(p - 1));
    }

    /** A move a person sees: a communication or a wake-up, not a local step or a drawn value (SPEC §5's moves). */
    private static boolean visible(Move m) {
        return !(m instanceof Move.Step) && !(m instanceof Move.Choose);
    }

    /**
     * How many visible moves lead to position {@code p} (clamped to the history) from the run's start: what a
     * person counts as moves, the numbers {@code verify} gives for a counterexample, and what → steps over.
     */
    public long visibleMoves(long p) {
        p = Math.max(base, Math.min(end, p));
        if (chunks.isEmpty()) {
            return 0;
        }
        int i = (int) Math.min(chunks.size() - 1, (p - base) / limits.chunk());
        Chunk c = chunks.get(i);
        long n = c.visible;
        for (int k = 0, upTo = (int) (p - base - (long) i * limits.chunk()); k < upTo; k++) {
            if (visible(c.moves[k])) {
                n++;
            }
        }
        return n;
    }

    private Move moveAt(long p) {
        long off = p - base;
        return chunks.get((int) (off / limits.chunk())).moves[(int) (off % limits.chunk())];
    }

    private void record(Move m) {
        long off = end - base;
        if (off % limits.chunk() == 0) {
            // The state before this move starts a chunk: a checkpoint to come back to.
            chunks.add(new Chunk(state.copy(), budget == null ? 0 : budget.printed(), visibleRecorded,
                    limits.chunk()));
        }
        Chunk c = chunks.getLast();
        c.moves[c.count++] = m;
        if (visible(m)) {
            visibleRecorded++;
        }
    }

    private void trim() {
        if (chunks.size() > limits.maxChunks() && position >= base + limits.chunk()) {
            chunks.removeFirst();
            base += limits.chunk();
        }
    }

    private void addPrint(Print p) {
        prints.add(p);
        if (prints.size() > 2 * limits.maxPrints()) {
            prints.subList(0, prints.size() - limits.maxPrints()).clear();
        }
    }

    private RunOutcome decide() {
        if (state.failed() >= 0) {
            int p = state.failed();
            Request.Failed f = state.failure();
            return new RunOutcome.ScriptFailed(semantics.processId(p), semantics.label(p), f.pos().line(),
                    f.pos().column(), f.message());
        }
        if (state.running() == 0) {
            return new RunOutcome.Finished();
        }
        return new RunOutcome.Deadlocked(semantics.diagnose(state));
    }

    /** The prints of moves in {@code (after, upTo]}, the latest {@code max} of them, oldest first. */
    public List<Print> prints(long after, long upTo, int max) {
        int hi = firstAfter(upTo);
        int lo = Math.max(firstAfter(after), hi - max);
        return lo >= hi ? List.of() : List.copyOf(prints.subList(lo, hi));
    }

    /** Index of the first kept print of a move after {@code move}. */
    private int firstAfter(long move) {
        int lo = 0;
        int hi = prints.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (prints.get(mid).move() <= move) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A message of the run, for the sequence chart: the move that delivered it, who sent it to whom. */
    public record Message(long move, String channel, String from, String to, String value) {
    }

    /**
     * The messages delivered by moves {@code (after, upTo]} (clamped to the history), oldest first, at most the
     * latest {@code max}. Worked out on a copy of a checkpoint, so the state shown does not move.
     */
    public List<Message> messages(long after, long upTo, int max) {
        java.util.ArrayDeque<Message> out = new java.util.ArrayDeque<>();
        replayEvents(after, upTo, (e, move) -> {
            if (e instanceof RunEvent.Transfer t) {
                out.add(new Message(move, t.channel(), t.from().process(), t.to().process(),
                        org.chanvas.runtime.value.Values.display(t.value())));
                if (out.size() > max) {
                    out.removeFirst();
                }
            }
        });
        return List.copyOf(out);
    }

    private long printed() {
        return budget == null ? 0 : budget.printed();
    }

    private void rewind(long printed) {
        if (budget != null) {
            budget.rewind(printed);
        }
    }

    /**
     * Every event of the moves {@code (after, upTo]} (clamped to the history), in order, each with the number of
     * its move (the position it leads to), for the sequence chart. Worked out on a copy of a checkpoint, so the
     * state shown does not move; the print budget is rewound to the checkpoint's and back.
     */
    public void replayEvents(long after, long upTo, java.util.function.ObjLongConsumer<RunEvent> sink) {
        long from = Math.max(base, after);
        long to = Math.min(end, upTo);
        if (from >= to || chunks.isEmpty()) {
            return;
        }
        int i = (int) Math.min(chunks.size() - 1, (from - base) / limits.chunk());
        State s = chunks.get(i).start.copy();
        long p = base + (long) i * limits.chunk();
        long[] move = new long[1];
        EventSink each = new EventSink() {
            @Override
            public void accept(RunEvent e) {
                sink.accept(e, move[0]);
            }
        };
        long printedNow = printed();
        rewind(chunks.get(i).printed);
        try {
            while (p < to) {
                move[0] = p + 1;
                semantics.apply(s, moveAt(p), p >= from ? each : EventSink.NONE);
                p++;
            }
        } finally {
            rewind(printedNow);
        }
    }

    // ---- what the diagram shows of the state ----

    /**
     * The diagram's picture of the state at the position: each process's state (a waiting process that has a
     * communication possible now is drawn running: it is about to move), the line it stands on, buffer
     * fill, and, at the end of a deadlocked run, the cycle of waits.
     */
    public Picture picture() {
        int n = state.processCount();
        boolean[] moving = new boolean[n];
        IndexSet ready = state.readyProcesses();
        for (int i = 0; i < ready.size(); i++) {
            moving[ready.get(i)] = true;
        }
        IndexSet live = state.liveChannels();
        for (int i = 0; i < live.size(); i++) {
            collected.clear();
            semantics.movesOn(state, live.get(i), collected::add);
            for (Move m : collected) {
                switch (m) {
                    case Move.HandOver h -> {
                        moving[h.writer()] = true;
                        moving[h.reader()] = true;
                    }
                    case Move.Put p -> moving[p.writer()] = true;
                    case Move.Take t -> moving[t.reader()] = true;
                    default -> { }
                }
            }
        }
        Map<String, ProcessState> states = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (int p = 0; p < n; p++) {
            String id = semantics.processId(p);
            ProcessState ps = switch (state.status(p)) {
                case RUNNABLE -> ProcessState.RUNNING;
                case SLEEPING -> ProcessState.SLEEPING;
                case ENDED -> ProcessState.FINISHED;
                case FAILED -> ProcessState.FAILED;
                case WAITING -> moving[p] ? ProcessState.RUNNING
                        : semantics.waits(state, p).stream().anyMatch(w -> w.direction() == WaitOn.Direction.SEND)
                        ? ProcessState.WAITING_TO_SEND : ProcessState.WAITING_TO_RECEIVE;
            };
            states.put(id, ps);
            int line = switch (state.status(p)) {
                case WAITING, SLEEPING -> state.machine(p).pendingPos().line();
                case FAILED -> state.failed() == p ? state.failure().pos().line() : 0;
                default -> 0;
            };
            if (line > 0) {
                lines.put(id, line);
            }
        }
        Map<String, Integer> fill = new HashMap<>();
        for (int c = 0; c < state.channelCount(); c++) {
            int held = state.buffer(c).size();
            if (held > 0) {
                fill.put(semantics.channelId(c), held);
            }
        }
        List<RunOverlay.WaitEdge> cycle = List.of();
        Diagnosis diagnosis = null;
        if (atEnd() && outcome instanceof RunOutcome.Deadlocked d) {
            diagnosis = d.diagnosis();
            cycle = waitEdges(d.diagnosis());
        }
        return new Picture(position, visibleMoves(position), states, lines, fill, cycle, diagnosis);
    }

    /** The cycle of waits along the channels that join each waiter to the next. */
    private List<RunOverlay.WaitEdge> waitEdges(Diagnosis d) {
        List<RunOverlay.WaitEdge> edges = new ArrayList<>();
        List<String> cycle = d.cycle();
        for (int i = 0; i < cycle.size(); i++) {
            String waiter = cycle.get(i);
            String peer = cycle.get((i + 1) % cycle.size());
            d.waiting().stream().filter(w -> w.process().equals(waiter))
                    .flatMap(w -> w.on().stream()).map(WaitOn::channel)
                    .filter(c -> network.channel(c).map(ch -> ch.touches(peer)).orElse(false))
                    .findFirst().ifPresent(c -> edges.add(new RunOverlay.WaitEdge(waiter, peer, c)));
        }
        return List.copyOf(edges);
    }

    /**
     * The message a visible move carries, as a token from where it starts to where it lands ({@code from} and
     * {@code to} along the writer→reader route: a put ends in the buffer half-way, a take starts there, a
     * reply travels back), or empty for a move that carries none.
     */
    public Optional<Flight> flightOf(Beat beat) {
        for (RunEvent e : beat.events()) {
            if (e instanceof RunEvent.Transfer t) {
                String value = org.chanvas.runtime.value.Values.display(t.value());
                return Optional.of(switch (beat.move()) {
                    case Move.Take tk -> new Flight(t.channel(), t.from().process(), t.to().process(), 0.5, 1, value);
                    case Move.Reply r -> new Flight(t.channel(), t.to().process(), t.from().process(), 1, 0, value);
                    default -> new Flight(t.channel(), t.from().process(), t.to().process(), 0, 1, value);
                });
            }
        }
        if (beat.move() instanceof Move.Put p) {
            List<State.Held> held = state.buffer(p.channel());
            String channel = semantics.channelId(p.channel());
            String reader = network.channel(channel).map(c -> c.readers().getFirst().process()).orElse("");
            String value = held.isEmpty() ? "" : org.chanvas.runtime.value.Values.display(held.getLast().value());
            return Optional.of(new Flight(channel, semantics.processId(p.writer()), reader, 0, 0.5, value));
        }
        return Optional.empty();
    }

    /**
     * What the diagram shows of one state.
     *
     * @param visibleMoves the moves a person counts that lead to it (see {@link RunSession#visibleMoves})
     * @param diagnosis the deadlock of a run shown at its end, or null
     */
    public record Picture(long position, long visibleMoves, Map<String, ProcessState> states, Map<String, Integer> lines,
                          Map<String, Integer> fill, List<RunOverlay.WaitEdge> waitCycle, Diagnosis diagnosis) {
        public Picture {
            states = Map.copyOf(states);
            lines = Map.copyOf(lines);
            fill = Map.copyOf(fill);
            waitCycle = List.copyOf(waitCycle);
        }

        public ProcessState state(String process) {
            return states.getOrDefault(process, ProcessState.IDLE);
        }

        /** The overlay to draw: this state, with a message on its way if one is. */
        public RunOverlay overlay(List<RunOverlay.Token> tokens) {
            return new RunOverlay(states, fill, tokens, waitCycle, null);
        }
    }

    /** A message's way along a channel's route, from {@code from} to {@code to} (0 writer, 1 reader). */
    public record Flight(String channel, String writer, String reader, double from, double to, String value) {
        /** The token a fraction {@code f} of the way through the flight. */
        public RunOverlay.Token at(double f) {
            double c = Math.max(0, Math.min(1, f));
            return new RunOverlay.Token(channel, writer, reader, from + (to - from) * c, value);
        }
    }
}
