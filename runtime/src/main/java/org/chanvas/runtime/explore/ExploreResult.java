package org.chanvas.runtime.explore;

import java.util.List;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.watch.Diagnosis;

/**
 * What an exploration found: the verdict, how much it explored, and for a bad verdict the shortest path to
 * it as steps in words and as trace events (written with {@code --trace}, replayed by {@code run --replay}).
 *
 * @param steps the counterexample's moves in words, in order; empty when nothing bad was found
 * @param counterexample the events of the counterexample, as a run would show them
 * @param diagnosis the dead state's diagnosis (deadlock or stuck), else null
 * @param error the script error reached (verdict ERROR), else null
 * @param abstractions what the exploration treated abstractly in this network, in words
 * @param growing for INCONCLUSIVE: what kept growing, in words (may be empty)
 * @param bytesPerState memory the visited set took per stored state
 */
public record ExploreResult(Verdict verdict, long states, long transitions, double seconds, List<String> steps,
                            List<RunEvent> counterexample, Diagnosis diagnosis, RunEvent.Failed error,
                            List<String> abstractions, List<String> growing, double bytesPerState) {

    public ExploreResult {
        steps = List.copyOf(steps);
        counterexample = List.copyOf(counterexample);
        abstractions = List.copyOf(abstractions);
        growing = List.copyOf(growing);
    }
}
