package org.chanvas.runtime.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * One run of a network: start it, watch its events (through the options' sink), pace it, stop it, wait
 * for its outcome. {@link #close()} ends every process and frees every thread the run made.
 */
public interface Run extends AutoCloseable {

    /** Starts the processes; once. */
    void start();

    /** Ends every process (within a second, even one computing forever); outcome Stopped unless decided. */
    void stop();

    /** Waits until the run is over and no process is left running. */
    RunOutcome await() throws InterruptedException;

    /** Waits at most {@code timeout}; empty if the run is not over by then. */
    Optional<RunOutcome> await(Duration timeout) throws InterruptedException;

    /** The outcome once decided, without waiting. */
    Optional<RunOutcome> outcome();

    /** The pacing the run consults before each transfer; thread-safe. */
    Pacing pacing();

    /** Stops and waits for every process to end. */
    @Override
    void close();
}
