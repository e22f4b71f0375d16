package org.chanvas.runtime.explore;

/** What exploring a network's every interleaving found (SPEC §5), with the word and exit code of §4. */
public enum Verdict {
    DEADLOCK_FREE("deadlock-free", 0),
    DEADLOCK("deadlock", 3),
    STUCK("stuck", 3),
    ERROR("error", 5),
    INCONCLUSIVE("inconclusive", 6);

    private final String word;
    private final int exitCode;

    Verdict(String word, int exitCode) {
        this.word = word;
        this.exitCode = exitCode;
    }

    /** The word of {@code verify --json}'s {@code verdict}. */
    public String word() {
        return word;
    }

    public int exitCode() {
        return exitCode;
    }

    /** True for a verdict that comes with a counterexample. */
    public boolean bad() {
        return this == DEADLOCK || this == STUCK || this == ERROR;
    }
}
