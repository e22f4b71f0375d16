package org.chanvas.app.editor.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;

/**
 * Chance in numbers: a network run with seeds 1..N, each as the editor runs it (so each row's seed replays
 * in the editor), tallied by outcome (finished, deadlock, stuck, script error, or no end within a bound of
 * moves), with the first seed that gave each and how many different outputs the runs printed.
 */
public final class OutcomeTable {

    /** One outcome: how often, and a seed that gave it. */
    public record Row(String outcome, int count, double percent, long seed) {
    }

    /** The table, and how many different printed outputs the runs gave. */
    public record Result(List<Row> rows, int runs, int distinctOutputs) {
    }

    private OutcomeTable() {
    }

    /**
     * Runs seeds 1..{@code runs}, each for at most {@code maxMoves} moves; stops early (with the rows so far)
     * when {@code cancelled} says so.
     */
    public static Result tally(RunPlan plan, int runs, long maxMoves, BooleanSupplier cancelled) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Long> seeds = new LinkedHashMap<>();
        java.util.Set<List<String>> outputs = new java.util.HashSet<>();
        int done = 0;
        for (long seed = 1; seed <= runs && !cancelled.getAsBoolean(); seed++) {
            RunSession s = new RunSession(plan, seed, new RunSession.Limits(4096, 1, 1000));
            long moves = 0;
            while (moves < maxMoves && s.advance(false) != null) {
                moves++;
            }
            String outcome = s.outcome().map(OutcomeTable::name).orElse("no end within " + maxMoves + " moves");
            counts.computeIfAbsent(outcome, k -> new int[1])[0]++;
            seeds.putIfAbsent(outcome, seed);
            outputs.add(s.prints(-1, s.end(), 1000).stream().map(p -> p.label() + ": " + p.text()).toList());
            done++;
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int c = e.getValue()[0];
            rows.add(new Row(e.getKey(), c, done == 0 ? 0 : 100.0 * c / done, seeds.get(e.getKey())));
        }
        rows.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return new Result(List.copyOf(rows), done, outputs.size());
    }

    /** The word for an outcome, as {@code run --runs} prints it. */
    static String name(RunOutcome o) {
        return switch (o) {
            case RunOutcome.Finished f -> "finished";
            case RunOutcome.Deadlocked d -> d.diagnosis().stuck() ? "stuck" : "deadlock";
            case RunOutcome.ScriptFailed f -> "error";
            case RunOutcome.TimedOut t -> "timeout";
            case RunOutcome.Stopped s -> "stopped";
            case RunOutcome.InternalError e -> "internal";
        };
    }
}
