package org.chanvas.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A run's timed waits (sleeps, selects with {@code after}, the run's own time limit), fired by whichever of
 * its processes is busy, or by the run's timer thread when none is: each busy process calls
 * {@link #fireDue} every few requests, which costs one volatile read while nothing is due.
 *
 * <p>Why not the JDK's timers: they wake a virtual thread through the scheduler's external queue, and a
 * carrier serves that queue only once its own local queue is empty. Two processes exchanging messages on
 * one carrier keep the local queue from ever emptying (each hand-off pushes the partner onto it), so a
 * sleeper, an {@code after} or the time limit waited for ever. A timer fired here unparks its thread from a
 * carrier, onto that carrier's local queue behind the partner just woken: its turn comes within one round.
 * So the waits here park without a JDK timer; the timer thread ({@link #serve}) stands in when nobody is
 * busy, which is exactly when the carrier is free to run it.
 */
final class RunTimers {

    /** One timed wait: a thread to unpark or an action to run, at a {@link System#nanoTime()} deadline. */
    static final class Timer implements Comparable<Timer> {
        final long deadline;
        private final long order;
        private final Thread thread;
        private final Runnable action;

        private Timer(long deadline, long order, Thread thread, Runnable action) {
            this.deadline = deadline;
            this.order = order;
            this.thread = thread;
            this.action = action;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline - o.deadline, 0); // nanoTime values compare by their difference
            return c != 0 ? c : Long.compare(order, o.order);
        }

        private void fire() {
            if (thread != null) {
                LockSupport.unpark(thread);
            } else {
                action.run();
            }
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final TreeSet<Timer> pending = new TreeSet<>();
    private long added;
    /** The earliest pending deadline while {@link #any}; may be earlier than the truth (after a cancel). */
    private volatile long earliest;
    private volatile boolean any;
    /** The timer thread, once serving, and the deadline it sleeps until (when {@link #armed}); under the lock. */
    private Thread server;
    private long armedFor;
    private boolean armed;

    /** Wakes {@code thread} at {@code deadline}; the thread parks without a timeout and cancels this when it wakes. */
    Timer wake(Thread thread, long deadline) {
        return add(deadline, thread, null);
    }

    /** Runs {@code action} at {@code deadline}, on a process's thread or the timer thread (it must be quick). */
    Timer at(long deadline, Runnable action) {
        return add(deadline, null, action);
    }

    private Timer add(long deadline, Thread thread, Runnable action) {
        Thread rearm = null;
        lock.lock();
        try {
            Timer t = new Timer(deadline, added++, thread, action);
            pending.add(t);
            if (!any || deadline - earliest < 0) {
                earliest = deadline;
                any = true;
            }
            if (server != null && (!armed || deadline - armedFor < 0)) {
                rearm = server;
                armed = false; // until it has looked again: more adds need not unpark it twice
                armedFor = deadline;
            }
            return t;
        } finally {
            lock.unlock();
            if (rearm != null) {
                LockSupport.unpark(rearm);
            }
        }
    }

    /** Forgets a timer that is no longer needed (its wait ended otherwise); harmless if it fired. */
    void cancel(Timer t) {
        lock.lock();
        try {
            pending.remove(t);
            // earliest may now be too early: the next fireDue finds nothing due and corrects it
        } finally {
            lock.unlock();
        }
    }

    /** Fires every timer whose deadline is not after {@code now}; cheap when none is due. */
    void fireDue(long now) {
        if (!any || now - earliest < 0) {
            return;
        }
        List<Timer> due = new ArrayList<>(2);
        lock.lock();
        try {
            Timer t;
            while ((t = pending.isEmpty() ? null : pending.first()) != null && now - t.deadline >= 0) {
                pending.pollFirst();
                due.add(t);
            }
            if (pending.isEmpty()) {
                any = false;
            } else {
                earliest = pending.first().deadline;
            }
        } finally {
            lock.unlock();
        }
        for (Timer t : due) {
            t.fire();
        }
    }

    /**
     * The timer thread's loop: fires timers as they fall due, sleeping in between; returns when interrupted
     * (the run is over).
     */
    void serve() {
        lock.lock();
        try {
            server = Thread.currentThread();
        } finally {
            lock.unlock();
        }
        while (!Thread.interrupted()) {
            fireDue(System.nanoTime());
            boolean timed;
            long wait;
            lock.lock();
            try {
                timed = armed = !pending.isEmpty();
                armedFor = timed ? pending.first().deadline : 0;
                wait = armedFor - System.nanoTime();
            } finally {
                lock.unlock();
            }
            // An add with an earlier deadline unparks us (see add), so neither park misses it.
            if (!timed) {
                LockSupport.park(this);
            } else if (wait > 0) {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    /** Sleeps until {@code deadline}, woken by a timer of this set rather than by the JDK. */
    void sleepUntil(long deadline) throws InterruptedException {
        Timer t = wake(Thread.currentThread(), deadline);
        try {
            while (deadline - System.nanoTime() > 0) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            cancel(t);
        }
    }

    /** How many timers are pending, for tests. */
    int pending() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }
}
