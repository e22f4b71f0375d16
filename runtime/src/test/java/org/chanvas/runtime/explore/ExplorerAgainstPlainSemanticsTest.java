package org.chanvas.runtime.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.semantics.Move;
import org.chanvas.runtime.semantics.Semantics;
import org.chanvas.runtime.semantics.State;
import org.junit.jupiter.api.Test;

/**
 * Holds the explorer's shortcuts to the semantics they stand for. The explorer stores states as memo numbers,
 * rebuilds each state it expands from those bytes ({@link Semantics#decode}), looks local computations up,
 * and lets successors skip bookkeeping; none of that may change the state space. So a plain breadth-first
 * search written here, on whole {@link State} objects, the plain {@link Semantics#apply} and the full
 * {@link Semantics#encode(State)}, must give the same verdict, the same shortest length and (where no buffer
 * holds messages whose writers the explorer forgets) the same number of states.
 */
class ExplorerAgainstPlainSemanticsTest {

    /** Verdict, moves to it (bad verdicts) and states of the plain search. */
    private record Plain(Verdict verdict, int depth, int states) {
    }

    private static Plain plainSearch(RunPlan plan) {
        Semantics sem = new Semantics(plan, BreadthFirstExplorer.OPTIONS);
        State init = sem.initial();
        settle(sem, init);
        Set<ByteBuffer> seen = new HashSet<>();
        seen.add(ByteBuffer.wrap(sem.encode(init)));
        if (init.failed() >= 0) {
            return new Plain(Verdict.ERROR, 0, 1);
        }
        List<State> level = List.of(init);
        for (int depth = 0; !level.isEmpty(); depth++) {
            List<State> next = new ArrayList<>();
            for (State s : level) {
                List<Move> moves = sem.enabled(s);
                if (moves.isEmpty() && s.running() > 0) {
                    return new Plain(sem.diagnose(s).stuck() ? Verdict.STUCK : Verdict.DEADLOCK, depth, seen.size());
                }
                for (Move m : moves) {
                    State n = s.copy();
                    sem.apply(n, m, EventSink.NONE);
                    settle(sem, n);
                    if (!seen.add(ByteBuffer.wrap(sem.encode(n)))) {
                        continue;
                    }
                    if (n.failed() >= 0) {
                        return new Plain(Verdict.ERROR, depth + 1, seen.size());
                    }
                    next.add(n);
                }
            }
            level = next;
        }
        return new Plain(Verdict.DEADLOCK_FREE, -1, seen.size());
    }

    /** Local steps are no moves (SPEC §5): a process between two step budgets computes on. */
    private static void settle(Semantics sem, State s) {
        boolean again = true;
        while (again && s.failed() < 0) {
            again = false;
            for (int p = 0; p < s.processCount(); p++) {
                if (s.status(p) == State.Status.RUNNABLE) {
                    sem.apply(s, new Move.Step(p), EventSink.NONE);
                    again = true;
                }
            }
        }
    }

    private static boolean holdsMessages(RunPlan plan) {
        return plan.network().channels().stream()
                .anyMatch(c -> c.kind() == ChannelKind.BUFFERED || c.kind() == ChannelKind.UNBOUNDED);
    }

    @Test
    void theExplorerFindsWhatAPlainSearchOfTheSemanticsFinds() {
        List<RunPlan> plans = new ArrayList<>();
        for (long seed = 1; seed <= ExplorerPropertiesTest.NETWORKS; seed++) {
            plans.add(GeneratedNetworks.network(seed));
        }
        for (String ex : List.of("dining-philosophers", "dining-philosophers-fixed", "echo-three-calls", "ring-safe",
                "pool-with-results", "select-with-kills", "pipeline", "ring-buffered")) {
            plans.add(VerifyTableTest.example(ex));
        }
        int bad = 0;
        int counted = 0;
        for (RunPlan plan : plans) {
            String name = plan.network().title();
            Plain want = plainSearch(plan);
            ExploreResult got = new BreadthFirstExplorer().explore(plan, 200_000, ExploreListener.NONE);
            assertThat(got.verdict()).as(name).isEqualTo(want.verdict());
            if (want.verdict().bad()) {
                bad++;
                assertThat(got.steps()).as(name).hasSize(want.depth());
            } else if (!holdsMessages(plan)) {
                counted++;
                assertThat(got.states()).as(name).isEqualTo(want.states());
            } else {
                // Who put a buffered message is not part of the explorer's state: it may merge some.
                assertThat(got.states()).as(name).isBetween(1L, (long) want.states());
            }
        }
        // Both kinds must be there for the comparison to bite.
        assertThat(bad).isGreaterThan(plans.size() / 4);
        assertThat(counted).isGreaterThanOrEqualTo(5);
    }
}
