package org.chanvas.runtime.interp;

/**
 * How a {@link ProcessMachine} runs: statements per {@link ProcessMachine#advance()} and how {@code random}
 * is answered. Build from {@link #defaults()} with the {@code with…} methods, which keep working as fields
 * are added.
 */
public record MachineOptions(int stepBudget, RandomMode randomMode) {

    public MachineOptions {
        if (stepBudget < 1) {
            throw new IllegalArgumentException("step budget must be positive: " + stepBudget);
        }
        if (randomMode == null) {
            throw new IllegalArgumentException("random mode missing");
        }
    }

    /** The default step budget, random drawn from the seed. */
    public static MachineOptions defaults() {
        return new MachineOptions(ProcessMachine.DEFAULT_STEP_BUDGET, RandomMode.DRAW);
    }

    public MachineOptions withStepBudget(int budget) {
        return new MachineOptions(Math.max(1, budget), randomMode);
    }

    public MachineOptions withRandomMode(RandomMode mode) {
        return new MachineOptions(stepBudget, mode);
    }
}
