package org.chanvas.runtime.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceWriter;
import org.chanvas.runtime.semantics.Move;
import org.chanvas.runtime.semantics.Semantics;
import org.chanvas.runtime.semantics.State;

/**
 * A counterexample as moves of the {@link Semantics} the explorer is held to, so that a driver that walks
 * moves (the editor's run history) can show it move by move and end in exactly the state, and the diagnosis,
 * that {@code verify} printed. The result keeps only the counterexample's events; the moves are found again
 * by following those events from the start: at each step, the enabled move whose events (with the local steps
 * every process then takes, as the explorer settles them) are the next ones of the counterexample.
 *
 * @param semantics the untimed semantics the moves apply to (random values are moves, as in the explorer)
 * @param moves     every move from the initial state to the bad one, local steps included
 * @param stepEnds  for each numbered step of {@link ExploreResult#steps()}: how many moves lead to the state
 *                  right after it (its local steps not yet taken)
 */
public record Counterexample(Semantics semantics, List<Move> moves, List<Integer> stepEnds) {

    /** Tries at most this many moves in all before giving up (events that many moves make alike). */
    private static final int TRY_LIMIT = 200_000;

    public Counterexample {
        moves = List.copyOf(moves);
        stepEnds = List.copyOf(stepEnds);
    }

    /**
     * The moves of a bad verdict's counterexample; empty for a verdict without one, or (a bug) when the events
     * cannot be followed.
     */
    public static Optional<Counterexample> of(RunPlan plan, ExploreResult r) {
        if (!r.verdict().bad()) {
            return Optional.empty();
        }
        List<String> want = new ArrayList<>();
        for (RunEvent e : r.counterexample()) {
            if (!(e instanceof RunEvent.Deadlock)) { // the driver diagnoses the dead state itself
                want.add(TraceWriter.json(e));
            }
        }
        Semantics sem = new Semantics(plan, BreadthFirstExplorer.OPTIONS);
        State st = sem.initial();
        List<RunEvent> made = new ArrayList<>();
        EventSink sink = made::add;
        sem.started(st, sink);
        List<Move> moves = new ArrayList<>();
        settle(sem, st, sink, moves);
        if (!matches(made, want, 0)) {
            return Optional.empty();
        }
        Search s = new Search(sem, want, r.steps().size());
        List<Integer> ends = new ArrayList<>();
        if (!s.follow(st, made.size(), 0, moves, ends)) {
            return Optional.empty();
        }
        return Optional.of(new Counterexample(sem, moves, ends));
    }

    /** A depth-first walk that backtracks only where two moves make the same events. */
    private static final class Search {
        private final Semantics sem;
        private final List<String> want;
        private final int steps;
        private int tries;

        Search(Semantics sem, List<String> want, int steps) {
            this.sem = sem;
            this.want = want;
            this.steps = steps;
        }

        boolean follow(State st, int cursor, int step, List<Move> moves, List<Integer> ends) {
            if (step == steps) {
                return cursor == want.size();
            }
            for (Move m : sem.enabled(st)) {
                if (++tries > TRY_LIMIT) {
                    return false;
                }
                State next = st.copy();
                List<RunEvent> made = new ArrayList<>();
                EventSink sink = made::add;
                int mark = moves.size();
                sem.apply(next, m, sink);
                moves.add(m);
                int end = moves.size();
                settle(sem, next, sink, moves);
                if (matches(made, want, cursor)) {
                    ends.add(end);
                    if (follow(next, cursor + made.size(), step + 1, moves, ends)) {
                        return true;
                    }
                    ends.removeLast();
                }
                moves.subList(mark, moves.size()).clear();
            }
            return false;
        }
    }

    private static boolean matches(List<RunEvent> made, List<String> want, int from) {
        if (from + made.size() > want.size()) {
            return false;
        }
        for (int i = 0; i < made.size(); i++) {
            if (!TraceWriter.json(made.get(i)).equals(want.get(from + i))) {
                return false;
            }
        }
        return true;
    }

    /** The explorer's settling: every runnable process computes up to its next communication, in index order. */
    private static void settle(Semantics sem, State st, EventSink sink, List<Move> moves) {
        boolean again = true;
        while (again) {
            again = false;
            for (int p = 0; p < st.processCount() && st.failed() < 0; p++) {
                if (st.status(p) == State.Status.RUNNABLE) {
                    Move step = new Move.Step(p);
                    sem.apply(st, step, sink);
                    moves.add(step);
                    again = true;
                }
            }
        }
    }
}
