package org.chanvas.runtime.engine;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceReader;
import org.chanvas.runtime.interp.RandomMode;
import org.chanvas.runtime.semantics.Semantics;

/**
 * Re-runs a network along a recorded trace ({@code run --trace}, or a counterexample of {@code verify}) move by
 * move through the {@link Semantics}: each next move is the one the trace's next line names. The first line
 * that cannot happen ends the replay with a message naming it. A trace with {@code random} lines gives those
 * values; one without (the concurrent engine's) lets each script draw from the options' seed, as it did.
 * A seeded run's trace is matched in its exact order; a trace whose order is that of racing threads is
 * matched per process and per channel instead (see {@link TraceFollower}).
 */
public final class TraceReplay {

    /** What a replay gave. */
    public sealed interface Result {
    }

    /** The trace fits the network: the events the replay made (equal to the trace's) and how the run ended. */
    public record Replayed(List<RunEvent> events, RunOutcome outcome) implements Result {
        public Replayed {
            events = List.copyOf(events);
        }
    }

    /** The trace does not fit: {@code message} starts with {@code line N:}; {@code events} were made before. */
    public record Diverged(int line, String message, List<RunEvent> events) implements Result {
        public Diverged {
            events = List.copyOf(events);
        }
    }

    /** The trace text itself is malformed. */
    public record Unreadable(TraceReader.Malformed malformed) implements Result {
    }

    private TraceReplay() {
    }

    /** Reads and replays a trace text. */
    public static Result replay(RunPlan plan, String trace, RunOptions options) throws InterruptedException {
        return switch (TraceReader.read(new StringReader(trace))) {
            case TraceReader.Read r -> replay(plan, r.lines(), options);
            case TraceReader.Malformed m -> new Unreadable(m);
        };
    }

    /**
     * Replays read trace lines, in the trace's exact order first and, if that does not fit, per process; the
     * divergence reported is the strict one for a seeded run's trace, the per-process one for any other.
     */
    public static Result replay(RunPlan plan, List<TraceReader.Traced> trace, RunOptions options)
            throws InterruptedException {
        Result strict = null;
        // Each retry makes one more process step early (see TraceFollower.eager), so at most one per process.
        java.util.Set<Integer> eager = new java.util.HashSet<>();
        for (int tries = 0; tries <= plan.size(); tries++) {
            TraceFollower follower = new TraceFollower(trace, TraceFollower.Matching.STRICT, eager);
            Result r = attempt(plan, trace, options, follower);
            if (r instanceof Replayed) {
                return r;
            }
            if (strict == null) {
                strict = r; // the first divergence is the one to report: retries only guess at silent steps
            }
            if (!eager.addAll(follower.late())) {
                break;
            }
        }
        Result loose = attempt(plan, trace, options, new TraceFollower(trace, TraceFollower.Matching.PER_PROCESS));
        if (loose instanceof Replayed) {
            return loose;
        }
        return seeded(trace) ? strict : loose;
    }

    /**
     * Whether the trace was written by a seeded run (every start first, at time 0): then its exact order is
     * what must fit, and the strict divergence is the one to report.
     */
    private static boolean seeded(List<TraceReader.Traced> trace) {
        boolean starting = true;
        for (TraceReader.Traced t : trace) {
            if (t.event() instanceof RunEvent.Started s) {
                if (!starting || s.nanos() != 0) {
                    return false;
                }
            } else {
                starting = false;
            }
        }
        return true;
    }

    private static Result attempt(RunPlan plan, List<TraceReader.Traced> trace, RunOptions options,
                                   TraceFollower follower) throws InterruptedException {
        boolean drawn = trace.stream().anyMatch(t -> t.event() instanceof RunEvent.Drawn);
        Semantics semantics = DeterministicRun.seeded(plan, options, drawn ? RandomMode.ASK : RandomMode.DRAW);
        EventQueue events = new EventQueue();
        RunOutcome outcome;
        // No time limit of its own: a replay ends with its trace. The options' limit still bounds it.
        try (DeterministicRun run = new DeterministicRun(options.withSink(events), semantics, follower)) {
            run.start();
            outcome = run.await();
        }
        List<RunEvent> made = events.drain();
        if (follower.divergence() != null) {
            return new Diverged(follower.divergenceLine(), follower.divergence(), made);
        }
        TraceReader.Traced next = follower.next();
        if (next != null && !(outcome instanceof RunOutcome.Stopped)) {
            String m = "line " + next.line() + ": the trace goes on with " + TraceFollower.describe(next.event())
                    + ", but the replay ended (" + word(outcome) + ")";
            return new Diverged(next.line(), m, made);
        }
        if (outcome instanceof RunOutcome.Deadlocked d) {
            TraceReader.Traced line = lastDeadlock(trace);
            RunEvent mine = made.isEmpty() ? null : made.getLast();
            if (line == null || !(mine instanceof RunEvent.Deadlock)
                    || !TraceFollower.key(line.event()).equals(TraceFollower.key(mine))) {
                int n = line == null ? (trace.isEmpty() ? 1 : trace.getLast().line() + 1) : line.line();
                String m = "line " + n + ": " + (line == null ? "the trace has ended, but the replay ends in "
                        + d.diagnosis().kind() : "the trace says " + TraceFollower.describe(line.event())
                        + ", but the replay ends in " + d.diagnosis().kind() + " " + d.diagnosis().cycle());
                return new Diverged(n, m, made);
            }
        }
        return new Replayed(made, outcome);
    }

    private static TraceReader.Traced lastDeadlock(List<TraceReader.Traced> trace) {
        for (int i = trace.size() - 1; i >= 0; i--) {
            if (trace.get(i).event() instanceof RunEvent.Deadlock) {
                return trace.get(i);
            }
        }
        return null;
    }

    private static String word(RunOutcome o) {
        return switch (o) {
            case RunOutcome.Finished f -> "finished";
            case RunOutcome.Deadlocked d -> d.diagnosis().kind();
            case RunOutcome.TimedOut t -> "timeout";
            case RunOutcome.ScriptFailed s -> "error";
            case RunOutcome.Stopped s -> "stopped";
            default -> o.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        };
    }
}
