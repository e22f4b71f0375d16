package org.chanvas.runtime.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.semantics.Move;
import org.chanvas.runtime.semantics.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The editor walks a counterexample as moves: the moves found again from its events must make exactly those
 * events, one numbered step per visible communication, and end in the state {@code verify} diagnosed.
 */
class CounterexampleTest {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> table() {
        return VerifyTableTest.table();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theMovesMakeTheCounterexampleAndEndInItsDiagnosis(String name, RunPlan plan, Verdict verdict, int shortest) {
        ExploreResult r = new BreadthFirstExplorer().explore(plan, 1_000_000, ExploreListener.NONE);
        var found = Counterexample.of(plan, r);
        if (!verdict.bad()) {
            assertThat(found).as(name).isEmpty();
            return;
        }
        assertThat(found).as(name).isPresent();
        Counterexample c = found.get();
        assertThat(c.stepEnds()).as(name).hasSize(r.steps().size());
        List<RunEvent> made = new ArrayList<>();
        EventSink sink = made::add;
        State st = c.semantics().initial();
        c.semantics().started(st, sink);
        for (Move m : c.moves()) {
            c.semantics().apply(st, m, sink);
        }
        List<RunEvent> expected = r.counterexample().stream().filter(e -> !(e instanceof RunEvent.Deadlock)).toList();
        assertThat(made).as(name).isEqualTo(expected);
        if (verdict == Verdict.ERROR) {
            assertThat(st.failed()).isGreaterThanOrEqualTo(0);
        } else {
            assertThat(c.semantics().enabled(st)).isEmpty();
            assertThat(c.semantics().diagnose(st)).isEqualTo(r.diagnosis());
        }
        // Each numbered step ends with a move that is not a local step: the communication it names.
        for (int end : c.stepEnds()) {
            assertThat(c.moves().get(end - 1)).isNotInstanceOf(Move.Step.class);
        }
    }

    @Test
    void theNaivePhilosophersAreThreeHandOversAfterTheirFirstSteps() {
        RunPlan plan = VerifyTableTest.philosophers(3, false);
        ExploreResult r = new BreadthFirstExplorer().explore(plan, 1_000_000, ExploreListener.NONE);
        Counterexample c = Counterexample.of(plan, r).orElseThrow();
        assertThat(c.moves().stream().filter(m -> m instanceof Move.HandOver).count()).isEqualTo(3);
        assertThat(c.stepEnds()).hasSize(3).isSorted();
    }
}
