package org.chanvas.runtime.interp;

/**
 * How a {@link ProcessMachine} runs: statements per {@link ProcessMachine#advance()}, how {@code random} is
 * answered, the limits on values, and the run's shared print budget. Build from {@link #defaults()} with the
 * {@code with…} methods, which keep working as fields are added.
 */
public record MachineOptions(int stepBudget, RandomMode randomMode, Limits limits, OutputBudget output) {

    public MachineOptions {
        if (stepBudget < 1) {
            throw new IllegalArgumentException("step budget must be positive: " + stepBudget);
        }
        if (randomMode == null || limits == null || output == null) {
            throw new IllegalArgumentException("machine options missing");
        }
    }

    /**
     * The default step budget, random drawn from the seed, default limits, and a print budget of its own
     * (a run gives all its machines one shared budget with {@link #withOutput}).
     */
    public static MachineOptions defaults() {
        Limits limits = Limits.defaults();
        return new MachineOptions(ProcessMachine.DEFAULT_STEP_BUDGET, RandomMode.DRAW, limits,
                new OutputBudget(limits.maxPrintedBytes()));
    }

    public MachineOptions withStepBudget(int budget) {
        return new MachineOptions(Math.max(1, budget), randomMode, limits, output);
    }

    public MachineOptions withRandomMode(RandomMode mode) {
        return new MachineOptions(stepBudget, mode, limits, output);
    }

    /** These limits, and a fresh print budget of their size (replace it with the run's by {@link #withOutput}). */
    public MachineOptions withLimits(Limits l) {
        return new MachineOptions(stepBudget, randomMode, l, new OutputBudget(l.maxPrintedBytes()));
    }

    /** The run's print budget, shared by all its machines. */
    public MachineOptions withOutput(OutputBudget o) {
        return new MachineOptions(stepBudget, randomMode, limits, o);
    }
}
