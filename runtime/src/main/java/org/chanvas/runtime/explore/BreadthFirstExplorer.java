package org.chanvas.runtime.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.interp.ProcessMachine;
import org.chanvas.runtime.semantics.Move;
import org.chanvas.runtime.semantics.Semantics;
import org.chanvas.runtime.semantics.State;
import org.chanvas.runtime.watch.Diagnosis;

/**
 * Breadth-first search over the network's states: the first bad state met is one of the fewest moves from
 * the start, so its path back through the stored parents is a shortest counterexample. States are stored as
 * compact canonical bytes ({@link StateStore}); only the current and next levels are held as objects.
 */
public final class BreadthFirstExplorer implements Explorer {

    /** States sampled per level to see what keeps growing when the bound is hit. */
    private static final int SAMPLE = 256;

    @Override
    public ExploreResult explore(RunPlan plan, long maxStates, ExploreListener listener) {
        long t0 = System.nanoTime();
        Transitions t = new Transitions(plan);
        StateStore store = new StateStore();
        CompactOutput out = new CompactOutput();
        Transitions.State init = t.initial(null);
        t.encode(init, out);
        init.id = store.add(out.buf, out.size, -1, -1);
        long transitions = 0;
        List<Transitions.Move> moves = new ArrayList<>();
        List<Map<String, Long>> levelMax = new ArrayList<>();
        if (init.failure != null) {
            return bad(t, store, init.id, Verdict.ERROR, transitions, t0);
        }
        ArrayList<Transitions.State> level = new ArrayList<>();
        level.add(init);
        long nextProgress = t0 + 1_000_000_000L;
        while (!level.isEmpty()) {
            levelMax.add(measure(t, level));
            ArrayList<Transitions.State> next = new ArrayList<>();
            for (Transitions.State s : level) {
                t.moves(s, moves);
                if (moves.isEmpty()) {
                    if (!t.allDone(s)) {
                        Diagnosis d = t.diagnose(s, Map.of());
                        return bad(t, store, s.id, d.stuck() ? Verdict.STUCK : Verdict.DEADLOCK, transitions, t0);
                    }
                    continue;
                }
                for (int i = 0; i < moves.size(); i++) {
                    transitions++;
                    Transitions.State n = t.apply(s, moves.get(i), null);
                    t.encode(n, out);
                    int id = store.add(out.buf, out.size, s.id, i);
                    if (id < 0) {
                        continue;
                    }
                    n.id = id;
                    if (n.failure != null) {
                        return bad(t, store, id, Verdict.ERROR, transitions, t0);
                    }
                    if (store.size() >= maxStates) {
                        next.add(n);
                        return inconclusive(t, store, transitions, t0, levelMax, next,
                                List.of("the state bound of " + maxStates + " states was reached"));
                    }
                    next.add(n);
                }
                if ((transitions & 0xFFF) == 0) {
                    if (listener.cancelled()) {
                        return inconclusive(t, store, transitions, t0, levelMax, next, List.of("cancelled"));
                    }
                    long now = System.nanoTime();
                    if (now >= nextProgress) {
                        listener.progress(store.size(), transitions, (now - t0) / 1e9);
                        nextProgress = now + 1_000_000_000L;
                    }
                }
            }
            level = next;
        }
        return result(t, store, Verdict.DEADLOCK_FREE, transitions, t0, List.of(), List.of(), null, null, List.of());
    }

    private ExploreResult result(Transitions t, StateStore store, Verdict v, long transitions, long t0,
                                 List<String> steps, List<RunEvent> events, Diagnosis d, RunEvent.Failed error,
                                 List<String> growing) {
        double bytes = (double) (store.footprint() + interned(t)) / Math.max(1, store.size());
        return new ExploreResult(v, store.size(), transitions, (System.nanoTime() - t0) / 1e9, steps, events, d,
                error, abstractions(t), growing, bytes);
    }

    private static long interned(Transitions t) {
        long b = t.contents.footprint();
        for (Interner i : t.locals) {
            b += i.footprint();
        }
        return b;
    }

    static List<String> abstractions(Transitions t) {
        List<String> a = new ArrayList<>();
        if (t.sawSleep) {
            a.add("sleep: time is not modelled, a sleep does not order anything");
        }
        if (t.sawAfter) {
            a.add("after: a select's timeout may fire whenever the select waits");
        }
        return a;
    }

    /**
     * Re-plays the path from the start through the shared semantics ({@link Semantics}, untimed), which makes
     * the counterexample's events and diagnosis exactly what a run and a replay show; the explorer's own move
     * at each step must be the semantics' move of the same number, or the two disagree and that is a bug.
     */
    private ExploreResult bad(Transitions t, StateStore store, int id, Verdict v, long transitions, long t0) {
        ArrayDeque<Integer> path = new ArrayDeque<>();
        for (int s = id; store.parent(s) >= 0; s = store.parent(s)) {
            path.push(store.move(s));
        }
        List<RunEvent> events = new ArrayList<>();
        EventSink sink = events::add;
        Semantics sem = new Semantics(t.plan, Transitions.OPTIONS);
        State st = sem.initial();
        sem.started(st, sink);
        settle(sem, st, sink);
        Transitions.State s = t.initial(null);
        List<String> steps = new ArrayList<>();
        List<Transitions.Move> moves = new ArrayList<>();
        for (int m : path) {
            t.moves(s, moves);
            Transitions.Move move = moves.get(m);
            List<Move> enabled = sem.enabled(st);
            Move expected = t.toSemantics(s, move);
            if (m >= enabled.size() || !enabled.get(m).equals(expected)) {
                throw new IllegalStateException("the explorer and the semantics disagree at step " + (steps.size() + 1)
                        + ": explorer " + expected + ", semantics " + enabled);
            }
            steps.add(t.describe(s, move));
            s = t.apply(s, move, null);
            sem.apply(st, expected, sink);
            settle(sem, st, sink);
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
        return result(t, store, v, transitions, t0, steps, events, d, failure, List.of());
    }

    /** Lets every runnable process compute (its local steps are not moves of the explorer, SPEC §5). */
    private static void settle(Semantics sem, State st, EventSink sink) {
        boolean again = true;
        while (again) {
            again = false;
            for (int p = 0; p < st.processCount(); p++) {
                if (st.status(p) == State.Status.RUNNABLE) {
                    sem.apply(st, new Move.Step(p), sink);
                    again = true;
                }
            }
        }
    }

    /** Per level: the largest buffer of each channel and the largest integer or list of each variable. */
    private static Map<String, Long> measure(Transitions t, List<Transitions.State> level) {
        Map<String, Long> max = new TreeMap<>();
        int step = Math.max(1, level.size() / SAMPLE);
        for (int i = 0; i < level.size(); i += step) {
            Transitions.State s = level.get(i);
            for (int c = 0; c < t.chans.length; c++) {
                max.merge("channel " + t.chans[c].id() + " holds up to % messages", (long) s.buffers[c].length,
                        Math::max);
            }
            for (int p = 0; p < t.procs; p++) {
                ProcessMachine m = s.machines[p];
                for (String name : t.variables.get(p)) {
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
                    String what = v instanceof Long ? "variable " + name + " of " + t.labels[p] + " reaches %"
                            : "variable " + name + " of " + t.labels[p] + " grows to length %";
                    max.merge(what, size, Math::max);
                }
            }
        }
        return max;
    }

    private ExploreResult inconclusive(Transitions t, StateStore store, long transitions, long t0,
                                       List<Map<String, Long>> levelMax, List<Transitions.State> last,
                                       List<String> why) {
        levelMax.add(measure(t, last));
        List<String> growing = new ArrayList<>(why);
        int n = levelMax.size();
        if (n >= 3) {
            Map<String, Long> now = levelMax.get(n - 1);
            Map<String, Long> before = levelMax.get(n / 2);
            for (var e : now.entrySet()) {
                Long b = before.get(e.getKey());
                if (b != null && e.getValue() > b) {
                    growing.add(e.getKey().replace("%", String.valueOf(e.getValue())) + " and keeps growing");
                }
            }
        }
        return result(t, store, Verdict.INCONCLUSIVE, transitions, t0, List.of(), List.of(), null, null, growing);
    }
}
