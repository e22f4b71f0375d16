package org.chanvas.runtime.event;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded queue of events from a run to one consumer (the command line's printer): a process that emits
 * while {@link #capacity()} events wait is held until the consumer takes one, so a script printing in a tight
 * loop runs at the speed of the terminal with flat memory, instead of queueing gigabytes and outliving its
 * time limit.
 *
 * <p>The wait is the only exception to "a sink never blocks" and is made safe thus: it is interruptible (an
 * interrupted emitter drops its event and keeps the interrupt, so stop and time limits still end it; the run
 * is over, so the event is a consequence), and the events that end a run ({@link RunEvent.Failed},
 * {@link RunEvent.Deadlock}, {@link RunEvent.Timeout}) never wait and are never dropped: at most one of them
 * decides a run, so they cannot pile up. Whoever emits must not hold anything the consumer needs.
 */
public final class EventPipe implements EventSink {

    private final int capacity;
    private final boolean enabled;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<RunEvent> queue;
    private boolean closed;

    /**
     * @param capacity events held at most (plus the run's final one)
     * @param enabled  whether the consumer wants every move (a trace), or only what a run says (see
     *                 {@link EventSink#enabled()})
     */
    public EventPipe(int capacity, boolean enabled) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.enabled = enabled;
        this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    /** Queues the event, waiting while the pipe is full (see the class comment for what an interrupt does). */
    @Override
    public void accept(RunEvent event) {
        boolean terminal = event instanceof RunEvent.Failed || event instanceof RunEvent.Deadlock
                || event instanceof RunEvent.Timeout;
        lock.lock();
        try {
            while (!terminal && !closed && queue.size() >= capacity) {
                try {
                    notFull.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (closed) {
                return;
            }
            queue.add(event);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the oldest event, waiting for one; null once the pipe is closed and drained. */
    public RunEvent take() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                notEmpty.await();
            }
            RunEvent e = queue.poll();
            if (e != null) {
                notFull.signal();
            }
            return e;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the stream: the consumer gets what is queued, then null; emitters no longer wait (what they emit
     * from now on is dropped).
     */
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many events wait now. */
    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }
}
