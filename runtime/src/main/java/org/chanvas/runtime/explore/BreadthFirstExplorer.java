package org.chanvas.runtime.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.chanvas.model.script.Ast;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.interp.ByteSink;
import org.chanvas.runtime.interp.ProcessMachine;
import org.chanvas.runtime.semantics.Memo;
import org.chanvas.runtime.semantics.Move;
import org.chanvas.runtime.semantics.Semantics;
import org.chanvas.runtime.semantics.State;
import org.chanvas.runtime.semantics.Timing;
import org.chanvas.runtime.watch.Diagnosis;

/**
 * Breadth-first search over the network's states, as the shared {@link Semantics} (untimed) defines them: the
 * first bad state met is one of the fewest moves from the start, so its path back through the stored parents
 * is a shortest counterexample. The search keeps only what a search needs: states are stored as compact
 * canonical bytes ({@link StateStore}, {@link Semantics#encode(State, ByteSink, Memo)}); a level is a range of
 * stored states, each rebuilt from its bytes when it is expanded ({@link Semantics#decode}), and a successor is
 * an {@link State#encodingCopy() encoding copy} that is stored and dropped. So no state object outlives its
 * expansion, and the heap holds the visited set and the {@link Memo}'s local states.
 */
public final class BreadthFirstExplorer implements Explorer {

    /** The semantics the explorer explores: untimed (random values are moves), unbounded channels unbounded. */
    static final Semantics.Options OPTIONS = new Semantics.Options(Timing.UNTIMED, 0L,
            ProcessMachine.DEFAULT_STEP_BUDGET, Integer.MAX_VALUE);

    /** Step budgets a process may use up between two communications before verify gives up on it. */
    static final int YIELD_LIMIT = 100;

    /** States sampled per level to see what keeps growing when the bound is hit. */
    private static final int SAMPLE = 256;

    /** One exploration's semantics, memo and visited set. */
    private static final class Search {
        final RunPlan plan;
        final Semantics sem;
        final Memo memo;
        final StateStore store = new StateStore();
        final ByteSink out = new ByteSink(256);
        /** Per process: the variable names its script may set, for naming what keeps growing. */
        final List<Set<String>> variables = new ArrayList<>();

        Search(RunPlan plan) {
            this.plan = plan;
            this.sem = new Semantics(plan, OPTIONS);
            this.memo = new Memo(plan.size(), YIELD_LIMIT);
            for (RunPlan.ProcessPlan p : plan.processes()) {
                Set<String> names = new java.util.TreeSet<>();
                names(p.body(), names);
                variables.add(names);
            }
        }

        /** Stores the state; its number, or -1 when it was stored before. */
        int store(State s, int parent, int move) {
            out.reset();
            sem.encode(s, out, memo);
            byte[] b = out.toByteArray();
            return store.add(b, b.length, parent, move);
        }

        /** The state the cursor is at, rebuilt from its bytes. */
        State load(StateStore.Cursor at) {
            return sem.decode(at.chunk, at.from, at.to, memo);
        }
    }

    @Override
    public ExploreResult explore(RunPlan plan, long maxStates, ExploreListener listener) {
        long t0 = System.nanoTime();
        Search x = new Search(plan);
        Semantics sem = x.sem;
        State init = sem.initial();
        settle(sem, init, EventSink.NONE, x.memo);
        int initId = x.store(init, -1, -1);
        long transitions = 0;
        List<Move> moves = new ArrayList<>();
        Consumer<Move> collect = moves::add;
        // Where each level starts: what keeps growing is measured on two levels, only once the bound is hit.
        List<Integer> levelStarts = new ArrayList<>();
        List<Long> levelPositions = new ArrayList<>();
        if (init.failed() >= 0) {
            return bad(x, initId, Verdict.ERROR, transitions, t0);
        }
        // States are numbered in the order they are stored, so each level of the search is a range of numbers:
        // the search holds no state object beyond the one it expands, and rebuilds that one from its bytes.
        int levelStart = initId;
        int levelEnd = initId + 1;
        long levelStartPos = 0;
        long levelEndPos = x.store.end();
        long nextProgress = t0 + 1_000_000_000L;
        int expanded = 0;
        while (levelStart < levelEnd) {
            levelStarts.add(levelStart);
            levelPositions.add(levelStartPos);
            StateStore.Cursor at = x.store.new Cursor(levelStartPos);
            for (int sid = levelStart; sid < levelEnd; sid++) {
                at.next();
                State s = x.load(at);
                moves.clear();
                sem.enabled(s, collect);
                if (moves.isEmpty()) {
                    if (s.running() > 0) {
                        Diagnosis d = sem.diagnose(s);
                        return bad(x, sid, d.stuck() ? Verdict.STUCK : Verdict.DEADLOCK, transitions, t0);
                    }
                    continue;
                }
                for (int i = 0; i < moves.size(); i++) {
                    transitions++;
                    State n = s.encodingCopy(); // only encoded: its own moves come when it is rebuilt and expanded
                    sem.apply(n, moves.get(i), EventSink.NONE, x.memo);
                    int id = x.store(n, sid, i);
                    if (id < 0) {
                        continue;
                    }
                    if (n.failed() >= 0) {
                        return bad(x, id, Verdict.ERROR, transitions, t0);
                    }
                    if (x.store.size() >= maxStates) {
                        return inconclusive(x, transitions, t0, levelStarts, levelPositions, levelEnd, levelEndPos,
                                List.of("the state bound of " + maxStates + " states was reached"));
                    }
                }
                if ((++expanded & 0x3FF) == 0) {
                    if (listener.cancelled()) {
                        return inconclusive(x, transitions, t0, levelStarts, levelPositions, levelEnd, levelEndPos,
                                List.of("cancelled"));
                    }
                    long now = System.nanoTime();
                    if (now >= nextProgress) {
                        listener.progress(x.store.size(), transitions, (now - t0) / 1e9);
                        nextProgress = now + 1_000_000_000L;
                    }
                }
            }
            levelStart = levelEnd;
            levelEnd = x.store.size();
            levelStartPos = levelEndPos;
            levelEndPos = x.store.end();
        }
        return result(x, Verdict.DEADLOCK_FREE, transitions, t0, List.of(), List.of(), null, null, List.of());
    }

    private ExploreResult result(Search x, Verdict v, long transitions, long t0, List<String> steps,
                                 List<RunEvent> events, Diagnosis d, RunEvent.Failed error, List<String> growing) {
        double bytes = (double) (x.store.footprint() + x.memo.footprint()) / Math.max(1, x.store.size());
        return new ExploreResult(v, x.store.size(), transitions, (System.nanoTime() - t0) / 1e9, steps, events, d,
                error, abstractions(x.memo), growing, bytes);
    }

    static List<String> abstractions(Memo memo) {
        List<String> a = new ArrayList<>();
        if (memo.sawSleep()) {
            a.add("sleep: time is not modelled, a sleep does not order anything");
        }
        if (memo.sawAfter()) {
            a.add("after: a select's timeout may fire whenever the select waits");
        }
        return a;
    }

    /**
     * Replays the path from the start with every event, which makes the counterexample's events and diagnosis
     * exactly what a run and a replay show; a move is named by its number among the enabled moves.
     */
    private ExploreResult bad(Search x, int id, Verdict v, long transitions, long t0) {
        ArrayDeque<Integer> path = new ArrayDeque<>();
        for (int s = id; x.store.parent(s) >= 0; s = x.store.parent(s)) {
            path.push(x.store.move(s));
        }
        List<RunEvent> events = new ArrayList<>();
        EventSink sink = events::add;
        Semantics sem = x.sem;
        State st = sem.initial();
        sem.started(st, sink);
        settle(sem, st, sink, x.memo);
        List<String> steps = new ArrayList<>();
        for (int m : path) {
            Move move = sem.enabled(st).get(m);
            steps.add(sem.describe(st, move));
            sem.apply(st, move, sink, x.memo);
        }
        Diagnosis d = null;
        RunEvent.Failed failure = null;
        if (v == Verdict.ERROR) {
            for (RunEvent e : events) {
                if (e instanceof RunEvent.Failed f) {
                    failure = f;
                }
            }
        } else {
            d = sem.diagnose(st);
            events.add(new RunEvent.Deadlock(st.now(), d));
        }
        return result(x, v, transitions, t0, steps, events, d, failure, List.of());
    }

    /**
     * Lets every process compute up to its first communication (local steps are not moves, SPEC §5; with the
     * memo a process that uses up its step budget computes on within its step).
     */
    private static void settle(Semantics sem, State st, EventSink sink, Memo memo) {
        boolean again = true;
        while (again) {
            again = false;
            for (int p = 0; p < st.processCount() && st.failed() < 0; p++) {
                if (st.status(p) == State.Status.RUNNABLE) {
                    sem.apply(st, new Move.Step(p), sink, memo);
                    again = true;
                }
            }
        }
    }

    /** Per level: the largest buffer of each channel and the largest integer or list of each variable. */
    private static Map<String, Long> measure(Search x, int from, int to, long fromPos) {
        Map<String, Long> max = new TreeMap<>();
        int step = Math.max(1, (to - from) / SAMPLE);
        Semantics sem = x.sem;
        StateStore.Cursor at = x.store.new Cursor(fromPos);
        for (int i = from; i < to; i++) {
            at.next();
            if ((i - from) % step != 0) {
                continue;
            }
            State s = x.load(at);
            for (int c = 0; c < s.channelCount(); c++) {
                max.merge("channel " + sem.channelId(c) + " holds up to % messages", (long) s.buffer(c).size(),
                        Math::max);
            }
            for (int p = 0; p < s.processCount(); p++) {
                ProcessMachine m = s.machine(p);
                for (String name : x.variables.get(p)) {
                    Object v = m.variable(name);
                    if (v == null) {
                        continue;
                    }
                    long size = switch (v) {
                        case Long l -> Math.abs(l);
                        case List<?> l -> l.size();
                        case String str -> str.length();
                        default -> 0;
                    };
                    String what = v instanceof Long ? "variable " + name + " of " + sem.label(p) + " reaches %"
                            : "variable " + name + " of " + sem.label(p) + " grows to length %";
                    max.merge(what, size, Math::max);
                }
            }
        }
        return max;
    }

    /**
     * The bound was hit (or the search cancelled) while levels {@code levelStarts} were searched and the next
     * one, {@code [lastFrom, lastTo)}, was being stored: what grew from the middle level to that one is named.
     */
    private ExploreResult inconclusive(Search x, long transitions, long t0, List<Integer> levelStarts,
                                       List<Long> levelPositions, int lastFrom, long lastPos, List<String> why) {
        List<String> growing = new ArrayList<>(why);
        int n = levelStarts.size() + 1;
        if (n >= 3) {
            Map<String, Long> now = measure(x, lastFrom, x.store.size(), lastPos);
            int middle = n / 2;
            int middleEnd = middle + 1 < levelStarts.size() ? levelStarts.get(middle + 1) : lastFrom;
            Map<String, Long> before = measure(x, levelStarts.get(middle), middleEnd, levelPositions.get(middle));
            for (var e : now.entrySet()) {
                Long b = before.get(e.getKey());
                if (b != null && e.getValue() > b) {
                    growing.add(e.getKey().replace("%", String.valueOf(e.getValue())) + " and keeps growing");
                }
            }
        }
        return result(x, Verdict.INCONCLUSIVE, transitions, t0, List.of(), List.of(), null, null, growing);
    }

    private static void names(Ast.Block b, Set<String> out) {
        if (b == null) {
            return;
        }
        for (var st : b.stmts()) {
            switch (st) {
                case Ast.Assign a -> out.add(a.name());
                case Ast.Recv r -> {
                    if (r.target() != null) {
                        out.add(r.target());
                    }
                }
                case Ast.Call c -> {
                    if (c.target() != null) {
                        out.add(c.target());
                    }
                }
                case Ast.If i -> {
                    i.branches().forEach(br -> names(br.body(), out));
                    names(i.otherwise(), out);
                }
                case Ast.While w -> names(w.body(), out);
                case Ast.Forever f -> names(f.body(), out);
                case Ast.Repeat r -> names(r.body(), out);
                case Ast.ForRange fr -> {
                    out.add(fr.variable());
                    names(fr.body(), out);
                }
                case Ast.ForEach fe -> {
                    out.add(fe.variable());
                    names(fe.body(), out);
                }
                case Ast.Select sel -> {
                    for (var g : sel.guards()) {
                        if (g instanceof Ast.RecvGuard rg && rg.as() != null) {
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
}
