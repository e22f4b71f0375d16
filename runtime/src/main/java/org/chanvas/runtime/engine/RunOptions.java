package org.chanvas.runtime.engine;

import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.interp.Limits;
import org.chanvas.runtime.interp.MachineOptions;
import org.chanvas.runtime.interp.ProcessMachine;

/**
 * How to run: the seed of {@code random} and of fair choices, a time limit (0 for none), the limit on
 * messages an unbounded channel may hold, the step budget between yields, where events go, the pacing,
 * who hears that processes compute (the concurrent engine only), and what scripts may build and print.
 */
public record RunOptions(long seed, long timeoutMillis, int unboundedLimit, int stepBudget, EventSink sink,
                         Pacing pacing, ComputeObserver compute, Limits limits) {

    public static final int DEFAULT_UNBOUNDED_LIMIT = 1_000_000;

    public RunOptions {
        sink = sink == null ? EventSink.NONE : sink;
        pacing = pacing == null ? new Pacing() : pacing;
        compute = compute == null ? ComputeObserver.NONE : compute;
        limits = limits == null ? Limits.defaults() : limits;
        if (unboundedLimit < 1 || stepBudget < 1 || timeoutMillis < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Seed 0, no time limit, default limits, no events, instant, nobody told about computing. */
    public static RunOptions defaults() {
        return new RunOptions(0, 0, DEFAULT_UNBOUNDED_LIMIT, ProcessMachine.DEFAULT_STEP_BUDGET, EventSink.NONE, null,
                null, null);
    }

    public RunOptions withSeed(long s) {
        return new RunOptions(s, timeoutMillis, unboundedLimit, stepBudget, sink, pacing, compute, limits);
    }

    public RunOptions withTimeout(long millis) {
        return new RunOptions(seed, millis, unboundedLimit, stepBudget, sink, pacing, compute, limits);
    }

    public RunOptions withSink(EventSink s) {
        return new RunOptions(seed, timeoutMillis, unboundedLimit, stepBudget, s, pacing, compute, limits);
    }

    public RunOptions withUnboundedLimit(int limit) {
        return new RunOptions(seed, timeoutMillis, limit, stepBudget, sink, pacing, compute, limits);
    }

    public RunOptions withPacing(Pacing p) {
        return new RunOptions(seed, timeoutMillis, unboundedLimit, stepBudget, sink, p, compute, limits);
    }

    public RunOptions withCompute(ComputeObserver c) {
        return new RunOptions(seed, timeoutMillis, unboundedLimit, stepBudget, sink, pacing, c, limits);
    }

    /** What scripts may build and print (strings, lists, nesting, printed bytes, sleeps). */
    public RunOptions withLimits(Limits l) {
        return new RunOptions(seed, timeoutMillis, unboundedLimit, stepBudget, sink, pacing, compute, l);
    }

    /**
     * The options for this run's machines: its step budget and limits, and one print budget that all the
     * run's machines share; call once per run.
     */
    public MachineOptions machineOptions() {
        return MachineOptions.defaults().withStepBudget(stepBudget).withLimits(limits);
    }

    public RunOptions withStepBudget(int budget) {
        return new RunOptions(seed, timeoutMillis, unboundedLimit, budget, sink, pacing, compute, limits);
    }
}
