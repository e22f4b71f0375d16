package org.chanvas.model.analysis;

/** Receives the cycles a {@link CycleFinder} finds, one by one, and says whether it wants more. */
@FunctionalInterface
public interface CycleSink {

    /**
     * Takes one cycle.
     *
     * @return {@code true} to go on, {@code false} to make the finder stop at once
     */
    boolean accept(Cycle cycle);
}
