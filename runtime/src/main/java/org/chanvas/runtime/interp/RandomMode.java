package org.chanvas.runtime.interp;

/** How a {@link ProcessMachine} answers {@code random(lo, hi)}: draw from its seed, or ask the engine. */
public enum RandomMode {
    /** Draw from the machine's seeded SplitMix generator (runs: the same seed gives the same values). */
    DRAW,
    /**
     * Stop with {@link Request.Choose} and take the value from {@link ProcessMachine#resumeChoice(long)}, so an
     * explorer can try every value (SPEC §5).
     */
    ASK
}
