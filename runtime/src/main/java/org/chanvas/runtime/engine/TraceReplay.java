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
        Attempt strict = attempt(plan, trace, options, TraceFollower.Matching.STRICT);
        if (strict.result instanceof Replayed) {
            return strict.result;
        }
        Attempt loose = attempt(plan, trace, options, TraceFollower.Matching.PER_PROCESS);
        if (loose.result instanceof Replayed) {
            return loose.result;
        }
        return seeded(trace) ? strict.result : loose.result;
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

    private record Attempt(Result result, int matched) {
    }

    private static Attempt attempt(RunPlan plan, List<TraceReader.Traced> trace, RunOptions options,
                                   TraceFollower.Matching matching) throws InterruptedException {
        boolean drawn = trace.stream().anyMatch(t -> t.event() instanceof RunEvent.Drawn);
        Semantics semantics = DeterministicRun.seeded(plan, options, drawn ? RandomMode.ASK : RandomMode.DRAW);
        TraceFollower follower = new TraceFollower(trace, matching);
        EventQueue events = new EventQueue();
        RunOutcome outcome;
        // No time limit of its own: a replay ends with its trace. The options' limit still bounds it.
        try (DeterministicRun run = new DeterministicRun(options.withSink(events), semantics, follower)) {
            run.start();
            outcome = run.await();
        }
        List<RunEvent> made = events.drain();
        if (follower.divergence() != null) {
            return new Attempt(new Diverged(follower.divergenceLine(), follower.divergence(), made), follower.matched());
        }
        TraceReader.Traced next = follower.next();
        if (next != null && !(outcome instanceof RunOutcome.Stopped)) {
            String m = "line " + next.line() + ": the trace goes on with " + TraceFollower.describe(next.event())
                    + ", but the replay ended (" + word(outcome) + ")";
            return new Attempt(new Diverged(next.line(), m, made), follower.matched());
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
                return new Attempt(new Diverged(n, m, made), follower.matched());
            }
        }
        return new Attempt(new Replayed(made, outcome), follower.matched() + 1);
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
