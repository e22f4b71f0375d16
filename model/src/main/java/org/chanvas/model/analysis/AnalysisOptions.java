package org.chanvas.model.analysis;

/**
 * How much analysis to do.
 *
 * @param cycleLimit the most cycles to list; past it the result says {@code truncated}
 */
public record AnalysisOptions(int cycleLimit) {

    /** The cap the CLI and the editor use unless told otherwise. */
    public static final int DEFAULT_CYCLE_LIMIT = 1000;

    public AnalysisOptions {
        if (cycleLimit < 0) {
            throw new IllegalArgumentException("cycle limit must be >= 0, got " + cycleLimit);
        }
    }

    /** The defaults: at most {@value #DEFAULT_CYCLE_LIMIT} cycles. */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(DEFAULT_CYCLE_LIMIT);
    }
}
