package org.chanvas.runtime.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The life of one run, safe in every order of start, stop, await and close: the outcome is claimed once
 * (the first claimer wins, and only the winner may emit the terminal event that says so, so the editor,
 * which believes the first terminal event, and the command line, which believes the outcome, agree); the
 * run is over once its threads are gone, or at once when it is stopped before it started.
 *
 * <p>An engine calls {@link #start()} from its own start and launches its threads only when that says so;
 * calls {@link #claim} wherever something may decide the outcome; calls {@link #over()} once its last thread
 * has ended (or when start said not to launch, which this class does itself).
 */
final class RunLifecycle {

    private final AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    private final CountDownLatch over = new CountDownLatch(1);
    private boolean started;

    /**
     * Marks the run started; says whether the engine should launch its threads. A run whose outcome is
     * already claimed (stopped before it started) launches nothing and is over already.
     *
     * @throws IllegalStateException on a second start
     */
    synchronized boolean start() {
        if (started) {
            throw new IllegalStateException("a run starts once");
        }
        started = true;
        if (outcome.get() != null) {
            over.countDown(); // claimed before: nothing will be launched, nothing to wait for
            return false;
        }
        return true;
    }

    /**
     * Decides the outcome if nobody has yet. True for the one caller that won: it, and nobody else, emits the
     * terminal event and ends the run's threads. A claim before {@link #start()} ends the run at once, since
     * no thread exists to wait for.
     */
    boolean claim(RunOutcome o) {
        if (!outcome.compareAndSet(null, o)) {
            return false;
        }
        synchronized (this) {
            if (!started) {
                over.countDown(); // nothing was launched, nothing to wait for; a later start() launches nothing
            }
        }
        return true;
    }

    /** Whether {@link #start()} was called. */
    synchronized boolean started() {
        return started;
    }

    /** Whether the outcome is decided (the run may still be winding down). */
    boolean claimed() {
        return outcome.get() != null;
    }

    /** The engine's last thread has ended: the run is over. */
    void over() {
        over.countDown();
    }

    /** Whether the run is over (outcome decided and no thread left). */
    boolean isOver() {
        return over.getCount() == 0;
    }

    /** Waits until the run is over and gives its outcome. */
    RunOutcome await() throws InterruptedException {
        over.await();
        return outcome.get();
    }

    /** Waits at most {@code timeout}; empty if the run is not over by then. */
    Optional<RunOutcome> await(Duration timeout) throws InterruptedException {
        return over.await(timeout.toNanos(), TimeUnit.NANOSECONDS) ? Optional.of(outcome.get()) : Optional.empty();
    }

    /** Waits until over, keeping (not throwing) an interrupt: for close(), which must not give up half way. */
    void awaitUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                over.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The outcome once the run is over, without waiting. */
    Optional<RunOutcome> outcome() {
        return isOver() ? Optional.of(outcome.get()) : Optional.empty();
    }
}
