package org.chanvas.runtime.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceReader.Traced;
import org.chanvas.runtime.event.TraceWriter;
import org.chanvas.runtime.interp.Request;
import org.chanvas.runtime.semantics.Move;
import org.chanvas.runtime.semantics.Semantics;
import org.chanvas.runtime.semantics.State;
import org.chanvas.runtime.value.Values;
import org.chanvas.runtime.watch.WaitOn;

/**
 * The replay's scheduler: each trace line that only a move can make (a transfer, a buffer filling or emptying,
 * a random value, a process's own event) names the move of the {@link Semantics} that makes it; the move is
 * tried on a copy of the state and taken only if the events it makes are the trace's. Moves that show no event
 * (a process reaching a receive that is ready, a sleeper waking into one) are taken when a later move needs
 * them. Two ways of matching: STRICT, the events in the trace's order (a seeded run's trace); and PER_PROCESS,
 * each process's own events in order and each channel's transfers, not the interleaving between them, and
 * blocking only where the trace shows it (the concurrent engine's threads write their events in racing order).
 */
final class TraceFollower implements DeterministicRun.Scheduler {

    /** How closely the events must follow the trace's order. */
    enum Matching { STRICT, PER_PROCESS }

    /** Silent steps one process may take to reach the communication a line names. */
    private static final int SILENT_LIMIT = 1_000;
    /** Lines after the first unmatched one that may anchor the next move (per-process matching only). */
    private static final int WINDOW = 64;

    private final List<Traced> trace;
    private final String[] keys;
    private final Matching matching;
    private final boolean[] consumed;
    private int cursor;
    private int matched;
    private final ArrayDeque<Planned> planned = new ArrayDeque<>();
    private Semantics semantics;
    private String divergence;
    private int divergenceLine = -1;
    /** Per process id: its line indices; per channel id: its buffer lines and its transfer lines. */
    private final Map<String, int[]> ofProcess = new HashMap<>();
    private final Map<String, int[]> buffersOf = new HashMap<>();
    private final Map<String, int[]> transfersOf = new HashMap<>();
    /** Lines consumed by the move being tried, marked with the try's number. */
    private final int[] tried;
    private int attempt;
    private final List<Integer> triedLines = new ArrayList<>();
    /**
     * Processes whose steps are taken as soon as they show nothing. A trace does not record a step that shows
     * nothing (a process reaching a receive whose writer is already there), so where the follower took such a
     * step late and it then blocked, the replay is tried again with that process stepping early.
     */
    private final Set<Integer> eager;
    /** Processes that could still step when the trace said the run was over: candidates for {@link #eager}. */
    private final Set<Integer> late = new LinkedHashSet<>();

    TraceFollower(List<Traced> trace, Matching matching) {
        this(trace, matching, Set.of());
    }

    TraceFollower(List<Traced> trace, Matching matching, Set<Integer> eager) {
        this.trace = List.copyOf(trace);
        this.matching = matching;
        this.eager = Set.copyOf(eager);
        this.keys = new String[trace.size()];
        this.consumed = new boolean[trace.size()];
        this.tried = new int[trace.size()];
        Map<String, List<Integer>> p = new HashMap<>();
        Map<String, List<Integer>> b = new HashMap<>();
        Map<String, List<Integer>> t = new HashMap<>();
        for (int i = 0; i < trace.size(); i++) {
            RunEvent e = trace.get(i).event();
            keys[i] = key(e);
            String who = owner(e);
            if (who != null) {
                p.computeIfAbsent(who, k -> new ArrayList<>()).add(i);
            }
            if (e instanceof RunEvent.Buffer buf) {
                b.computeIfAbsent(buf.channel(), k -> new ArrayList<>()).add(i);
            } else if (e instanceof RunEvent.Transfer tr) {
                t.computeIfAbsent(tr.channel(), k -> new ArrayList<>()).add(i);
            }
        }
        p.forEach((k, v) -> ofProcess.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        b.forEach((k, v) -> buffersOf.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        t.forEach((k, v) -> transfersOf.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The event in the form lines are compared in: its JSON without the time. */
    static String key(RunEvent e) {
        String j = TraceWriter.json(e);
        int at = j.indexOf(",\"t\":");
        int end = j.indexOf(',', at + 5);
        return end < 0 ? j.substring(0, at) + "}" : j.substring(0, at) + j.substring(end);
    }

    /** The process whose own stream an event belongs to (not transfers: a channel's), or null. */
    private static String owner(RunEvent e) {
        return switch (e) {
            case RunEvent.Started s -> s.process();
            case RunEvent.SendOffered s -> s.process();
            case RunEvent.Received r -> r.process();
            case RunEvent.Blocked b -> b.process();
            case RunEvent.Printed p -> p.process();
            case RunEvent.Slept s -> s.process();
            case RunEvent.Ended en -> en.process();
            case RunEvent.Failed f -> f.process();
            case RunEvent.Drawn d -> d.process();
            default -> null;
        };
    }

    // ---- what the replay found ----

    /** Processes that could still take a step of their own where the trace says the run ended. */
    Set<Integer> late() {
        return late;
    }

    /** The first line that did not fit, in words starting with {@code line N:}; null while all fit. */
    String divergence() {
        return divergence;
    }

    int divergenceLine() {
        return divergenceLine;
    }

    /** How many trace lines were matched. */
    int matched() {
        return matched;
    }

    /** The first line not yet matched, or null. */
    Traced next() {
        skip();
        return cursor < trace.size() ? trace.get(cursor) : null;
    }

    private void skip() {
        while (cursor < trace.size() && consumed[cursor]) {
            cursor++;
        }
    }

    private void consume(int i) {
        if (!consumed[i]) {
            consumed[i] = true;
            matched++;
        }
    }

    private void diverge(Traced at, String why) {
        if (divergence == null) {
            divergenceLine = at.line();
            divergence = "line " + at.line() + ": the trace says " + describe(at.event()) + ", but " + why;
        }
    }

    /** Checks the start events against the trace: in order (strict), or each process's own (per process). */
    boolean start(Semantics sem, State s) {
        EventQueueOf made = new EventQueueOf();
        sem.started(s, made);
        if (matching == Matching.STRICT) {
            return check(made.events, 0);
        }
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i).event() instanceof RunEvent.Started st && sem.processIndex(st.process()) >= 0) {
                consume(i);
            }
        }
        return true;
    }

    private boolean check(List<RunEvent> made, int absorb) {
        attempt++;
        triedLines.clear();
        if (!matches(made, absorb)) {
            return false;
        }
        for (int i : triedLines) {
            consume(i);
        }
        return true;
    }

    // ---- the scheduler ----

    @Override
    public Move pick(Semantics sem, State s) {
        if (divergence != null) {
            return null;
        }
        if (!planned.isEmpty()) {
            return take(sem, s);
        }
        for (int p : eager) {
            if (s.status(p) == State.Status.RUNNABLE) {
                Move step = new Move.Step(p);
                EventQueueOf made = new EventQueueOf();
                sem.apply(s.copy(), step, made);
                if (made.events.isEmpty()) {
                    return step;
                }
            }
        }
        Traced first = next();
        while (first != null && matching == Matching.PER_PROCESS && first.event() instanceof RunEvent.Blocked b
                && sem.processIndex(b.process()) >= 0 && s.status(sem.processIndex(b.process())) == State.Status.WAITING) {
            consume(cursor); // the wait it stands in already; whether it was seen to block is timing
            first = next();
        }
        if (first == null) {
            return null; // the trace is over: so is the replay (a trace cut short is a run that was stopped)
        }
        switch (first.event()) {
            case RunEvent.Deadlock d -> {
                return silentOrNothing(sem, s, first);
            }
            case RunEvent.Timeout t -> {
                return null;
            }
            default -> {
            }
        }
        int tries = matching == Matching.STRICT ? 1 : WINDOW;
        int seen = 0;
        String why = null;
        for (int i = cursor; i < trace.size() && seen < tries; i++) {
            if (consumed[i]) {
                continue;
            }
            seen++;
            RunEvent e = trace.get(i).event();
            if (e instanceof RunEvent.Deadlock || e instanceof RunEvent.Timeout) {
                break;
            }
            String whyNot = anchor(sem, s, i);
            if (whyNot == null) {
                return take(sem, s);
            }
            if (why == null) {
                why = whyNot;
            }
        }
        List<Move> any = new ArrayList<>();
        sem.possible(s, any::add);
        if (any.isEmpty() && divergence == null) {
            divergenceLine = first.line();
            divergence = "line " + first.line() + ": the trace goes on with " + describe(first.event())
                    + ", but the replay ended (" + (s.running() == 0 ? "finished" : sem.diagnose(s).kind()) + ")";
            return null;
        }
        diverge(first, why == null ? "nothing can make it now" : why);
        return null;
    }

    private Move take(Semantics sem, State s) {
        Planned p = planned.poll();
        if (p.clock() >= 0) {
            sem.clock(s, p.clock());
        }
        return p.move();
    }

    @Override
    public void begin(Semantics sem, State s) {
        semantics = sem;
        if (!start(sem, s)) {
            Traced first = next();
            diverge(first == null ? new Traced(trace.isEmpty() ? 1 : trace.getLast().line() + 1,
                    new RunEvent.Started(0, "", "")) : first, "the network's processes start otherwise");
        }
    }

    @Override
    public RunOutcome instead(State s) {
        Traced first = next();
        if (divergence != null) {
            return new RunOutcome.Stopped();
        }
        if (first == null) {
            return s.running() == 0 ? null : new RunOutcome.Stopped();
        }
        if (first.event() instanceof RunEvent.Timeout) {
            consume(cursor);
            semantics.clock(s, first.event().nanos());
            return new RunOutcome.TimedOut(0);
        }
        if (first.event() instanceof RunEvent.Deadlock) {
            consume(cursor);
            semantics.clock(s, first.event().nanos());
            return null; // the driver diagnoses; the replay compares its diagnosis with the line
        }
        return new RunOutcome.Stopped();
    }

    /** The trace says deadlock: moves that show nothing may still be due; anything else contradicts it. */
    private Move silentOrNothing(Semantics sem, State s, Traced line) {
        List<Move> all = new ArrayList<>();
        sem.possible(s, all::add);
        for (Move m : all) {
            if (own(m)) {
                State copy = s.copy();
                EventQueueOf made = new EventQueueOf();
                sem.apply(copy, m, made);
                if (silent(made.events)) {
                    return m;
                }
            }
        }
        if (!all.isEmpty()) {
            for (Move m : all) {
                if (m instanceof Move.Step st) {
                    late.add(st.process());
                }
            }
            diverge(line, "the replay can still move (" + all.size() + " move" + (all.size() == 1 ? "" : "s") + ")");
        }
        return null;
    }

    /** Whether events show nothing the trace must have: none, or (per process) only blocking. */
    private boolean silent(List<RunEvent> events) {
        for (RunEvent e : events) {
            if (matching == Matching.STRICT || !(e instanceof RunEvent.Blocked)) {
                return false;
            }
        }
        return true;
    }

    private static boolean own(Move m) {
        return m instanceof Move.Step || m instanceof Move.Wake || m instanceof Move.Fire;
    }

    /** The moves that would make line i; tries each; plans the first that fits. Null when one fits. */
    private String anchor(Semantics sem, State s, int i) {
        RunEvent e = trace.get(i).event();
        List<Candidate> candidates = new ArrayList<>(2);
        String why = candidates(sem, s, i, e, candidates);
        if (candidates.isEmpty()) {
            return why;
        }
        long at = e.nanos() - Semantics.MOVE_NANOS;
        String firstFailure = null;
        for (Candidate c : candidates) {
            String fail = attempt(sem, s, c, at);
            if (fail == null) {
                return null;
            }
            if (firstFailure == null) {
                firstFailure = fail;
            }
        }
        // A move whose events do not fit may fit once another process has taken a step that shows nothing
        // (a reader that reached its receive earlier in the recorded run, so a writer did not block).
        for (int p = 0; p < s.processCount(); p++) {
            Move own = silentOwn(sem, s, p);
            if (own == null) {
                continue;
            }
            for (Candidate c : candidates) {
                List<Move> seq = new ArrayList<>();
                seq.add(own);
                seq.addAll(c.moves);
                if (attempt(sem, s, new Candidate(seq, c.absorb), at) == null) {
                    return null;
                }
            }
        }
        return why != null ? why : firstFailure;
    }

    /** A process's own move that needs no trace line: a runnable step or a sleep's end; else null. */
    private static Move silentOwn(Semantics sem, State s, int p) {
        return switch (s.status(p)) {
            case RUNNABLE -> new Move.Step(p);
            // a select of only an after is a sleep too (an untimed counterexample lets it fire at once)
            case SLEEPING -> s.request(p) instanceof Request.Sleep ? new Move.Wake(p) : new Move.Fire(p);
            default -> null;
        };
    }

    /** A sequence of moves to try, and how many of its buffer events the trace folds into the next. */
    private record Candidate(List<Move> moves, int absorb) {
    }

    /** A move to make and the clock to set before it (the recorded time of its line), or -1. */
    private record Planned(Move move, long clock) {
    }

    /** Applies the candidate on a copy; plans it when the events fit. Null when it fits, else why not. */
    private String attempt(Semantics sem, State s, Candidate c, long clock) {
        State copy = s.copy();
        EventQueueOf made = new EventQueueOf();
        Move main = c.moves.getLast();
        for (Move m : c.moves) {
            List<Move> now = new ArrayList<>();
            sem.possible(copy, now::add);
            if (!now.contains(m)) {
                return "it cannot happen yet";
            }
            if (m == main) {
                sem.clock(copy, clock);
            }
            sem.apply(copy, m, made);
        }
        if (!check(made.events, c.absorb)) {
            return madeInstead(made.events, main);
        }
        for (Move m : c.moves) {
            planned.add(new Planned(m, m == main ? clock : -1));
        }
        return null;
    }

    private String madeInstead(List<RunEvent> made, Move main) {
        if (made.isEmpty()) {
            return "the move shows nothing";
        }
        String who = switch (main) {
            case Move.Step st -> semantics.processId(st.process()) + "'s next step makes ";
            case Move.Wake w -> semantics.processId(w.process()) + " wakes and makes ";
            case Move.Fire f -> semantics.processId(f.process()) + "'s after fires and makes ";
            default -> "the replay made ";
        };
        return who + made.stream().map(TraceFollower::describe).collect(Collectors.joining(", then "));
    }

    /**
     * The candidates for line i, each with the silent steps its parties need first. Returns why there are none
     * (null when there are some, or when the line is not one a move starts with).
     */
    private String candidates(Semantics sem, State s, int i, RunEvent e, List<Candidate> out) {
        switch (e) {
            case RunEvent.Transfer t -> {
                int c = sem.channelIndex(t.channel());
                if (c < 0) {
                    return "the network has no channel " + t.channel();
                }
                if (t.from() == null || t.to() == null) {
                    return "the transfer names no " + (t.from() == null ? "writer" : "reader");
                }
                int w = sem.processIndex(t.from().process());
                int r = sem.processIndex(t.to().process());
                if (w < 0 || r < 0) {
                    return "the network has no process " + (w < 0 ? t.from().process() : t.to().process());
                }
                if (sem.capacity(c) > 0) {
                    if (matching == Matching.STRICT || !s.buffer(c).isEmpty()) {
                        return "a message leaves a buffer only after its buffer line";
                    }
                    // A writer that finds a reader waiting at an empty buffer hands over directly: the same as a
                    // put and a take at once, without the buffer lines.
                    List<Move> pre = reach(sem, s, w);
                    pre.addAll(reach(sem, s, r));
                    State at = after(sem, s, pre);
                    if (at == null) {
                        return "its parties cannot reach it";
                    }
                    for (State.Offer wo : at.writers(c)) {
                        for (State.Offer ro : at.readers(c)) {
                            if (wo.process() == w && ro.process() == r && wo.port().equals(t.from().port())
                                    && ro.port().equals(t.to().port())) {
                                List<Move> seq = new ArrayList<>(pre);
                                seq.add(new Move.Put(c, w, wo.guard()));
                                seq.add(new Move.Take(c, r, ro.guard()));
                                out.add(new Candidate(seq, 2));
                            }
                        }
                    }
                    return out.isEmpty() ? t.from().process() + " and " + t.to().process()
                            + " are not both ready on " + t.channel() : null;
                }
                if (isReplyEnd(sem, w, t.from(), c)) {
                    List<Move> pre = reach(sem, s, w);
                    State at = after(sem, s, pre);
                    if (at == null || !(at.request(w) instanceof Request.Reply)) {
                        return t.from().process() + " is not ready to reply";
                    }
                    pre.add(new Move.Reply(w, r));
                    out.add(new Candidate(pre, 0));
                    return null;
                }
                List<Move> pre = reach(sem, s, w);
                pre.addAll(reach(sem, s, r));
                State at = after(sem, s, pre);
                if (at == null) {
                    return "its parties cannot reach it";
                }
                List<State.Offer> ws = at.writers(c).stream()
                        .filter(o -> o.process() == w && o.port().equals(t.from().port())).toList();
                List<State.Offer> rs = at.readers(c).stream()
                        .filter(o -> o.process() == r && o.port().equals(t.to().port())).toList();
                if (ws.isEmpty()) {
                    return t.from().process() + " is not ready to send";
                }
                if (rs.isEmpty()) {
                    return t.to().process() + " is not ready to receive";
                }
                for (State.Offer wo : ws) {
                    for (State.Offer ro : rs) {
                        List<Move> seq = new ArrayList<>(pre);
                        seq.add(new Move.HandOver(c, w, wo.guard(), r, ro.guard()));
                        out.add(new Candidate(seq, 0));
                    }
                }
                return "the message or the buffer on " + t.channel() + " differs";
            }
            case RunEvent.Buffer b -> {
                int c = sem.channelIndex(b.channel());
                if (c < 0) {
                    return "the network has no channel " + b.channel();
                }
                int size = s.buffer(c).size();
                if (b.held() == size + 1) {
                    puts(sem, s, i, c, b, List.of(), 0, out);
                    List<Move> direct = matching == Matching.PER_PROCESS && size == 0 ? directFirst(sem, s, i, c)
                            : List.of();
                    if (!direct.isEmpty()) {
                        puts(sem, s, i, c, b, direct, 2, out); // if the plain put does not fit
                    }
                } else if (b.held() == size - 1 && size > 0) {
                    takes(sem, s, i, c, out, false);
                } else if (b.held() == size && size > 0 && matching == Matching.PER_PROCESS) {
                    takes(sem, s, i, c, out, true); // a take whose freed slot a waiting writer filled at once
                } else {
                    return "the buffer of " + b.channel() + " holds " + size;
                }
                return out.isEmpty() ? "no process is ready to " + (b.held() > size ? "put into " : "take from ")
                        + b.channel() : null;
            }
            case RunEvent.Drawn d -> {
                int p = sem.processIndex(d.process());
                if (p < 0) {
                    return "the network has no process " + d.process();
                }
                List<Move> pre = reach(sem, s, p);
                State at = after(sem, s, pre);
                if (at == null || !(at.request(p) instanceof Request.Choose ch)) {
                    return d.process() + " does not call random now";
                }
                if (d.value() < ch.lo() || d.value() > ch.hi()) {
                    return d.process() + " calls random(" + ch.lo() + ", " + ch.hi() + ")";
                }
                pre.add(new Move.Choose(p, d.value()));
                out.add(new Candidate(pre, 0));
                return null;
            }
            case RunEvent.Started st -> {
                return "every process started already";
            }
            case RunEvent.Received r -> {
                return r.process() + " receives only in a transfer";
            }
            default -> {
                String who = owner(e);
                int p = who == null ? -1 : sem.processIndex(who);
                if (p < 0) {
                    return "the network has no process " + who;
                }
                switch (s.status(p)) {
                    case RUNNABLE -> out.add(new Candidate(List.of(new Move.Step(p)), 0));
                    case SLEEPING -> out.add(new Candidate(List.of(s.request(p) instanceof Request.Sleep
                            ? new Move.Wake(p) : new Move.Fire(p)), 0));
                    case WAITING -> {
                        if (s.request(p) instanceof Request.Select sel && sel.afterIndex() >= 0) {
                            out.add(new Candidate(List.of(new Move.Fire(p)), 0));
                        } else {
                            return who + " still waits " + sem.waits(s, p).stream().map(WaitOn::describe)
                                    .collect(Collectors.joining(" or "));
                        }
                    }
                    case ENDED, FAILED -> {
                        return who + " has ended";
                    }
                }
                return null;
            }
        }
    }

    private static boolean isReplyEnd(Semantics sem, int server, Endpoint from, int c) {
        return sem.kind(c) == ChannelKind.CALL && sem.channelOf(server, from.port()) == c
                && sem.plan().processes().get(server).ports().get(from.port()).direction()
                == org.chanvas.model.script.PortDirection.INBOUND;
    }

    /** Puts into channel c, the writer told by the line, or else by the take that will give its message. */
    private void puts(Semantics sem, State s, int i, int c, RunEvent.Buffer b, List<Move> before, int absorb,
                      List<Candidate> out) {
        State base = after(sem, s, before);
        if (base == null) {
            return;
        }
        int fifo = base.buffer(c).size(); // the put message is the (fifo+1)-th the channel gives from now on
        Endpoint told = b.from();
        Endpoint taker = nthTransfer(sem.channelId(c), i, fifo + 1 - (before.isEmpty() ? 0 : 1));
        List<Integer> writers = new ArrayList<>();
        for (String id : sem.plan().network().channels().get(c).writers().stream().map(Endpoint::process).toList()) {
            int w = sem.processIndex(id);
            if (w >= 0 && !writers.contains(w)) {
                writers.add(w);
            }
        }
        Endpoint prefer = told != null ? told : taker;
        // Without a line that names it, the likely writer is the one that offered first (the earliest send line).
        writers.sort(java.util.Comparator.comparingInt(x -> offeredAt(sem, (int) x, c, i)));
        if (prefer != null) {
            writers.sort((x, y) -> Boolean.compare(!sem.processId(x).equals(prefer.process()),
                    !sem.processId(y).equals(prefer.process())));
        }
        for (int w : writers) {
            if (told != null && !sem.processId(w).equals(told.process())) {
                continue;
            }
            List<Move> pre = new ArrayList<>(before);
            pre.addAll(reach(sem, base, w));
            State at = after(sem, s, pre);
            if (at == null) {
                continue;
            }
            for (State.Offer o : at.writers(c)) {
                if (o.process() == w) {
                    List<Move> seq = new ArrayList<>(pre);
                    seq.add(new Move.Put(c, w, o.guard()));
                    out.add(new Candidate(seq, absorb));
                }
            }
        }
    }

    /**
     * A writer of the concurrent engine puts into an empty buffer only when no reader waits there: with one
     * waiting, a hand-over that the trace shows later (its transfer line is written after the channel's lock is
     * let go) must have come first. Its put and take, or nothing when there is none such.
     */
    private List<Move> directFirst(Semantics sem, State s, int i, int c) {
        if (s.readers(c).isEmpty()) {
            return List.of();
        }
        int[] lines = transfersOf.get(sem.channelId(c));
        if (lines == null) {
            return List.of();
        }
        for (int at : lines) {
            if (at <= i || consumed[at]) {
                continue;
            }
            RunEvent.Transfer t = (RunEvent.Transfer) trace.get(at).event();
            if (t.from() == null || t.to() == null) {
                continue;
            }
            for (State.Offer wo : s.writers(c)) {
                for (State.Offer ro : s.readers(c)) {
                    if (sem.processId(wo.process()).equals(t.from().process()) && wo.port().equals(t.from().port())
                            && sem.processId(ro.process()).equals(t.to().process()) && ro.port().equals(t.to().port())
                            && json(wo.value()).equals(json(t.value()))) {
                        return List.of(new Move.Put(c, wo.process(), wo.guard()),
                                new Move.Take(c, ro.process(), ro.guard()));
                    }
                }
            }
        }
        return List.of();
    }

    /** The line of the send the writer offers now on the channel, if before line i; else after all lines. */
    private int offeredAt(Semantics sem, int w, int c, int i) {
        int[] lines = ofProcess.get(sem.processId(w));
        int best = Integer.MAX_VALUE;
        if (lines != null) {
            for (int at : lines) {
                if (consumed[at] && trace.get(at).event() instanceof RunEvent.SendOffered so
                        && so.channel().equals(sem.channelId(c))) {
                    best = at; // the send line of its current offer is the last one matched
                }
            }
        }
        return best < i ? best : Integer.MAX_VALUE;
    }

    /** The writer endpoint of the n-th transfer (1-based) on the channel after line i not yet matched. */
    private Endpoint nthTransfer(String channel, int i, int n) {
        int[] lines = transfersOf.get(channel);
        if (lines == null || n < 1) {
            return null;
        }
        int k = 0;
        for (int at : lines) {
            if (at > i && !consumed[at] && ++k == n) {
                return ((RunEvent.Transfer) trace.get(at).event()).from();
            }
        }
        return null;
    }

    /** Takes from channel c by the reader the following transfer names (then, when refilled, a put). */
    private void takes(Semantics sem, State s, int i, int c, List<Candidate> out, boolean refill) {
        State.Held head = s.buffer(c).getFirst();
        Endpoint from = new Endpoint(sem.processId(head.writer()), head.port());
        List<Integer> readers = new ArrayList<>();
        int[] lines = transfersOf.get(sem.channelId(c));
        if (lines != null) {
            for (int at : lines) {
                RunEvent.Transfer t = (RunEvent.Transfer) trace.get(at).event();
                if (at > i && !consumed[at] && from.equals(t.from()) && t.to() != null
                        && json(t.value()).equals(json(head.value()))) {
                    int r = sem.processIndex(t.to().process());
                    if (r >= 0) {
                        readers.add(r);
                    }
                    break;
                }
            }
        }
        if (readers.isEmpty()) {
            return;
        }
        int r = readers.getFirst();
        List<Move> pre = reach(sem, s, r);
        State at = after(sem, s, pre);
        if (at == null) {
            return;
        }
        for (State.Offer o : at.readers(c)) {
            if (o.process() == r) {
                List<Move> seq = new ArrayList<>(pre);
                seq.add(new Move.Take(c, r, o.guard()));
                if (refill) {
                    puts(sem, s, i, c, new RunEvent.Buffer(0, sem.channelId(c), at.buffer(c).size(), null), seq, 1, out);
                } else {
                    out.add(new Candidate(seq, 0));
                }
            }
        }
    }

    private static String json(Object v) {
        StringBuilder sb = new StringBuilder();
        Values.appendJson(sb, v);
        return sb.toString();
    }

    /** The silent steps that bring a runnable or sleeping process to its next communication. */
    private List<Move> reach(Semantics sem, State s, int p) {
        List<Move> pre = new ArrayList<>();
        State copy = null;
        while (pre.size() < SILENT_LIMIT) {
            State at = copy == null ? s : copy;
            Move own = silentOwn(sem, at, p);
            if (own == null) {
                break;
            }
            State next = (copy == null ? s : copy).copy();
            EventQueueOf made = new EventQueueOf();
            sem.apply(next, own, made);
            if (!silent(made.events)) {
                break; // it shows something: that is a line of its own, not a step on the way
            }
            copy = next;
            pre.add(own);
        }
        return pre;
    }

    /** The state after the moves (on a copy), or null when one of them cannot happen. */
    private static State after(Semantics sem, State s, List<Move> moves) {
        if (moves.isEmpty()) {
            return s;
        }
        State copy = s.copy();
        for (Move m : moves) {
            try {
                sem.apply(copy, m, EventSink.NONE);
            } catch (IllegalArgumentException notEnabled) {
                return null;
            }
        }
        return copy;
    }

    // ---- matching made events against lines ----

    private boolean matches(List<RunEvent> made, int absorb) {
        int skip = absorb;
        int at = cursor;
        for (RunEvent e : made) {
            if (skip > 0 && e instanceof RunEvent.Buffer) {
                skip--;
                continue;
            }
            if (matching == Matching.STRICT) {
                while (at < trace.size() && consumed[at]) {
                    at++;
                }
                if (at >= trace.size() || !same(at, e)) {
                    return false;
                }
                mark(at);
                at++;
                continue;
            }
            if (!matchPerProcess(e)) {
                return false;
            }
        }
        return true;
    }

    private void mark(int i) {
        tried[i] = attempt;
        triedLines.add(i);
    }

    private boolean taken(int i) {
        return consumed[i] || tried[i] == attempt;
    }

    private boolean same(int i, RunEvent e) {
        RunEvent line = trace.get(i).event();
        if (line instanceof RunEvent.Buffer lb && e instanceof RunEvent.Buffer mb) {
            return lb.channel().equals(mb.channel()) && lb.held() == mb.held()
                    && (lb.from() == null || lb.from().equals(mb.from()));
        }
        return keys[i].equals(key(e));
    }

    private boolean matchPerProcess(RunEvent e) {
        switch (e) {
            case RunEvent.Transfer t -> {
                for (int i : transfersOf.getOrDefault(t.channel(), new int[0])) {
                    if (!taken(i) && same(i, e)) {
                        mark(i);
                        return true;
                    }
                }
                return false;
            }
            case RunEvent.Buffer b -> {
                for (int i : buffersOf.getOrDefault(b.channel(), new int[0])) {
                    if (!taken(i)) {
                        if (same(i, e)) {
                            mark(i);
                            return true;
                        }
                        return false;
                    }
                }
                return false;
            }
            default -> {
                String who = owner(e);
                int[] lines = who == null ? null : ofProcess.get(who);
                if (lines == null) {
                    return e instanceof RunEvent.Blocked;
                }
                for (int i : lines) {
                    if (taken(i)) {
                        continue;
                    }
                    if (same(i, e)) {
                        mark(i);
                        return true;
                    }
                    if (e instanceof RunEvent.Blocked) {
                        return true; // whether a thread found its peer before parking is timing: not a divergence
                    }
                    if (trace.get(i).event() instanceof RunEvent.Blocked) {
                        mark(i); // the recorded thread parked where the replay found its peer ready
                        continue;
                    }
                    return false;
                }
                return e instanceof RunEvent.Blocked;
            }
        }
    }

    /** An event in a few words for a divergence message. */
    static String describe(RunEvent e) {
        return switch (e) {
            case RunEvent.Started s -> "start of " + s.process();
            case RunEvent.SendOffered s -> s.process() + " offering " + Values.literal(s.value()) + " on " + s.port();
            case RunEvent.Transfer t -> "transfer on " + t.channel() + " from " + t.from() + " to " + t.to() + " of "
                    + Values.literal(t.value());
            case RunEvent.Buffer b -> "buffer of " + b.channel() + " holding " + b.held();
            case RunEvent.Received r -> r.process() + " receiving " + Values.literal(r.value()) + " on " + r.port();
            case RunEvent.Blocked b -> b.process() + " waiting "
                    + b.on().stream().map(WaitOn::describe).collect(Collectors.joining(" or "));
            case RunEvent.Printed p -> p.process() + " printing \"" + p.text() + "\"";
            case RunEvent.Slept s -> s.process() + " sleeping " + s.millis() + " ms";
            case RunEvent.Ended en -> "end of " + en.process();
            case RunEvent.Failed f -> "error in " + f.process() + " at " + f.line() + ":" + f.column();
            case RunEvent.Deadlock d -> d.diagnosis().kind() + " " + d.diagnosis().cycle();
            case RunEvent.Drawn d -> d.process() + " drawing " + d.value();
            case RunEvent.Timeout t -> "timeout";
        };
    }

    /** Collects the events of a trial move. */
    static final class EventQueueOf implements EventSink {
        final List<RunEvent> events = new ArrayList<>(4);

        @Override
        public void accept(RunEvent event) {
            events.add(event);
        }
    }

    @Override
    public String toString() {
        return "TraceFollower" + Arrays.toString(new int[] {cursor, matched});
    }
}
