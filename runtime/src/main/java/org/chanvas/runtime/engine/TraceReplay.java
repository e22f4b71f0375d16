package org.chanvas.runtime.engine;

import java.io.StringReader;
import java.util.List;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceReader;

/**
 * Re-runs a network along a recorded trace ({@code run --trace}): the deterministic engine's step machines and
 * moves, but each next move is the one the trace records (transfers in trace order, select choices, the
 * order of local steps) rather than a seeded draw. Every event made is checked against the trace; the first
 * that does not fit ends the replay with a message naming the trace line. The options' seed is used only for
 * the scripts' own {@code random(...)} (the trace does not record those draws), its time limit as in the run.
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

    /** Attempts at most: a replay whose guesses (see below) keep failing gives up with the furthest one. */
    static final int MAX_ATTEMPTS = 256;

    /**
     * Replays read trace lines; waits for the replay to end (bounded by the options' time limit). Which writer's
     * message went into a buffer shows only when it is taken; when the trace ends first the replay guesses,
     * and if a guess leads to a line that does not fit it tries again with the next guess, so the message of a
     * divergence is that of the attempt that went furthest.
     */
    public static Result replay(RunPlan plan, List<TraceReader.Traced> trace, RunOptions options)
            throws InterruptedException {
        List<TraceReader.Traced> lines = List.copyOf(trace);
        List<Integer> forced = List.of();
        Result furthest = null;
        int furthestMatched = -1;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            TraceFollower[] follower = new TraceFollower[1];
            List<Integer> choices = forced;
            Result r = attempt(plan, lines, options, run -> follower[0] = new TraceFollower(run, lines, choices));
            if (r instanceof Replayed) {
                return r;
            }
            if (follower[0].matched() > furthestMatched) {
                furthestMatched = follower[0].matched();
                furthest = r;
            }
            forced = follower[0].nextAttempt();
            if (forced.isEmpty()) {
                break;
            }
        }
        return furthest;
    }

    private static Result attempt(RunPlan plan, List<TraceReader.Traced> trace, RunOptions options,
            java.util.function.Function<DeterministicRun, TraceFollower> follow) throws InterruptedException {
        EventQueue events = new EventQueue();
        TraceFollower[] follower = new TraceFollower[1];
        RunOutcome outcome;
        try (DeterministicRun run = new DeterministicRun(plan, options.withSink(events),
                r -> follower[0] = follow.apply(r))) {
            run.start();
            outcome = run.await();
        }
        List<RunEvent> made = events.drain();
        TraceFollower f = follower[0];
        if (f.divergence() != null) {
            return new Diverged(lineOf(f.divergence()), f.divergence(), made);
        }
        if (f.nextEvent() != null && !(outcome instanceof RunOutcome.Stopped)) {
            String m = "line " + f.nextLine() + ": the trace goes on with " + TraceFollower.describe(f.nextEvent())
                    + ", but the replay ended (" + outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + ")";
            return new Diverged(f.nextLine(), m, made);
        }
        return new Replayed(made, outcome);
    }

    private static int lineOf(String message) {
        return Integer.parseInt(message.substring("line ".length(), message.indexOf(':')));
    }

}
