package org.chanvas.runtime.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pacing policy a run consults before each transfer; the editor changes it from its own thread.
 * Instant never waits; Paced makes each transfer take visible time; Paused holds every transfer; Step
 * releases exactly one transfer per {@link #step()}.
 */
public final class Pacing {

    /** How transfers are let through. */
    public sealed interface Policy permits Instant, Paced, Paused, Step {
    }

    /** No waiting (command line, benchmarks). */
    public record Instant() implements Policy {
    }

    /**
     * Each transfer takes {@code baseMillis / speed} ms.
     *
     * @param speed 1 is normal, 2 twice as fast
     */
    public record Paced(double speed, long baseMillis) implements Policy {
        public Paced {
            if (!(speed > 0) || baseMillis < 0) {
                throw new IllegalArgumentException("speed must be positive");
            }
        }

        public Paced(double speed) {
            this(speed, 600);
        }

        long nanos() {
            return (long) (TimeUnit.MILLISECONDS.toNanos(baseMillis) / speed);
        }
    }

    /** Nothing moves until the policy changes. */
    public record Paused() implements Policy {
    }

    /** One transfer per {@link #step()}. */
    public record Step() implements Policy {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile Policy policy;
    private long permits;

    public Pacing() {
        this(new Instant());
    }

    public Pacing(Policy initial) {
        this.policy = initial;
    }

    public Policy policy() {
        return policy;
    }

    public void setPolicy(Policy p) {
        lock.lock();
        try {
            policy = p;
            permits = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** In Step mode, lets exactly one more transfer through. */
    public void step() {
        lock.lock();
        try {
            permits++;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits as the policy says before a transfer. Interruptible so that stopping a paused run works. */
    public void awaitTransfer() throws InterruptedException {
        if (policy instanceof Instant) {
            return; // the common case, without the lock
        }
        lock.lockInterruptibly();
        try {
            long pacedUntil = 0;
            while (true) {
                switch (policy) {
                    case Instant i -> {
                        return;
                    }
                    case Paused p -> changed.await();
                    case Step s -> {
                        if (permits > 0) {
                            permits--;
                            return;
                        }
                        changed.await();
                    }
                    case Paced p -> {
                        long now = System.nanoTime();
                        if (pacedUntil == 0) {
                            pacedUntil = now + p.nanos();
                        }
                        long left = pacedUntil - now;
                        if (left <= 0) {
                            return;
                        }
                        changed.awaitNanos(left);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
