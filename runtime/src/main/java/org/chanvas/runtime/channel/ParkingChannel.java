package org.chanvas.runtime.channel;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A channel built on one short lock and a park/unpark hand-off: rendezvous (capacity 0), buffered
 * (capacity n) or unbounded (no waiting for writers, but a hard limit on held messages). Blocked readers and
 * writers wait in FIFO queues of {@link Offer}s, which a {@link Select} may register on several channels
 * at once; a message goes from a writer to exactly one reader.
 *
 * <p>Operations take a {@link Party} (who to tell about blocking, for deadlock detection) and a tag (the
 * endpoint, reported to the {@link ChannelMonitor} with each transfer); both may be null.
 */
public final class ParkingChannel<T> implements MessageChannel<T> {

    /** A message held in the buffer, with the tag of its writer. */
    private record Held(Object value, Object tag) {
    }

    private final String name;
    private final int capacity;
    private final boolean unbounded;
    private final ChannelMonitor monitor;
    final ReentrantLock lock = new ReentrantLock();
    // Small to start with: a ring of a million processes has a million channels, most with one waiter at most.
    private final ArrayDeque<Offer> readers = new ArrayDeque<>(1);
    private final ArrayDeque<Offer> writers = new ArrayDeque<>(1);
    private final ArrayDeque<Held> buffer;

    /**
     * @param capacity 0 for rendezvous, n for buffered; for unbounded, the limit past which a send fails
     * @param unbounded whether a full buffer is an error ({@link ChannelOverflowException}) instead of a wait
     */
    public ParkingChannel(String name, int capacity, boolean unbounded, ChannelMonitor monitor) {
        if (capacity < 0 || (unbounded && capacity < 1)) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.name = name;
        this.capacity = capacity;
        this.unbounded = unbounded;
        this.monitor = monitor == null ? ChannelMonitor.NONE : monitor;
        this.buffer = capacity == 0 ? null : new ArrayDeque<>(Math.min(capacity, 4));
    }

    @Override
    public String name() {
        return name;
    }

    /** Messages sent but not yet received. */
    public int held() {
        lock.lock();
        try {
            return buffer == null ? 0 : buffer.size();
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public void send(T value) throws InterruptedException {
        send(value, null, null);
    }

    @Override
    public T recv() throws InterruptedException {
        return recv(null, null);
    }

    /** Sends on behalf of a party, tagging the message with the writer's endpoint. */
    public void send(T value, Party party, Object tag) throws InterruptedException {
        Wait w;
        Match m;
        lock.lock();
        try {
            m = matchSend(value, tag);
            if (m == null) {
                w = new Wait(party, false);
                writers.add(new Offer(w, 0, value, tag));
            } else {
                w = null;
            }
        } finally {
            lock.unlock();
        }
        if (m != null) {
            finishSend(m, value, tag);
            return;
        }
        park(w, party);
    }

    /** Receives on behalf of a party, tagged with the reader's endpoint. */
    @SuppressWarnings("unchecked")
    public T recv(Party party, Object tag) throws InterruptedException {
        Wait w;
        Match m;
        lock.lock();
        try {
            m = matchRecv();
            if (m == null) {
                w = new Wait(party, false);
                readers.add(new Offer(w, 0, null, tag));
            } else {
                w = null;
            }
        } finally {
            lock.unlock();
        }
        if (m != null) {
            return (T) finishRecv(m, tag);
        }
        park(w, party);
        return (T) w.value;
    }

    private void park(Wait w, Party party) throws InterruptedException {
        if (party != null) {
            party.blocking();
        }
        try {
            w.await(0);
        } catch (InterruptedException e) {
            withdraw(w);
            throw e;
        }
    }

    /** Removes the offers of a wait that ended otherwise (cancelled, or fired elsewhere in a select). */
    void withdraw(Wait w) {
        lock.lock();
        try {
            readers.removeIf(o -> o.pending() == w);
            writers.removeIf(o -> o.pending() == w);
        } finally {
            lock.unlock();
        }
    }

    // ---- matching, under the lock ----

    /**
     * What a ready operation found under the lock; completed by {@link #finishSend}/{@link #finishRecv}
     * outside it.
     *
     * @param peer the waiting counterpart to complete (claimed), or null
     * @param value for a recv: the message; @param fromTag its writer's tag
     * @param refilled for a recv from the buffer: a waiting writer whose message moved into the freed slot
     */
    record Match(Offer peer, Object value, Object fromTag, Offer refilled) {
    }

    /** Sentinel for a send whose message went into the buffer. */
    private static final Match BUFFERED = new Match(null, null, null, null);

    Match matchSend(Object value, Object tag) {
        Offer r = claim(readers);
        if (r != null) {
            return new Match(r, null, null, null);
        }
        if (buffer != null) {
            if (buffer.size() < capacity) {
                buffer.add(new Held(value, tag));
                monitor.held(this, buffer.size(), tag);
                return BUFFERED;
            }
            if (unbounded) {
                throw new ChannelOverflowException(name, capacity);
            }
        }
        return null;
    }

    Match matchRecv() {
        if (buffer != null && !buffer.isEmpty()) {
            Held h = buffer.poll();
            Offer refill = claim(writers);
            if (refill != null) {
                buffer.add(new Held(refill.value(), refill.tag()));
            }
            monitor.held(this, buffer.size(), refill == null ? null : refill.tag());
            return new Match(null, h.value(), h.tag(), refill);
        }
        Offer s = claim(writers);
        if (s != null) {
            return new Match(s, s.value(), s.tag(), null);
        }
        return null;
    }

    /** Whether a recv would find a message now (for select's ready check without taking it). */
    private static Offer claim(ArrayDeque<Offer> queue) {
        Offer o;
        while ((o = queue.poll()) != null) {
            if (o.pending().tryClaim()) {
                return o;
            }
        }
        return null;
    }

    void addReader(Offer o) {
        purgeIfLong(readers);
        readers.add(o);
    }

    void addWriter(Offer o) {
        purgeIfLong(writers);
        writers.add(o);
    }

    /**
     * Drops offers of waits that ended elsewhere (a select that fired on another channel) once a queue is long
     * enough for it to matter; the threshold doubles with the live offers so the cost stays amortised.
     */
    private void purgeIfLong(ArrayDeque<Offer> queue) {
        int threshold = queue == readers ? readerPurgeAt : writerPurgeAt;
        if (queue.size() < threshold) {
            return;
        }
        queue.removeIf(o -> o.pending().state() != Wait.WAITING);
        int next = Math.max(16, queue.size() * 2);
        if (queue == readers) {
            readerPurgeAt = next;
        } else {
            writerPurgeAt = next;
        }
    }

    private int readerPurgeAt = 16;
    private int writerPurgeAt = 16;

    // ---- completing, outside the lock ----

    void finishSend(Match m, Object value, Object tag) throws InterruptedException {
        if (m == BUFFERED) {
            return;
        }
        InterruptedException gateInterrupted = gate();
        if (gateInterrupted == null) { // stopped at the gate: the peer is still released, but nothing is reported
            monitor.transferred(this, tag, m.peer().tag(), value);
        }
        m.peer().pending().complete(m.peer().index(), value);
        if (gateInterrupted != null) {
            throw gateInterrupted;
        }
    }

    Object finishRecv(Match m, Object tag) throws InterruptedException {
        if (m.refilled() != null) {
            m.refilled().pending().complete(m.refilled().index(), null);
        }
        InterruptedException gateInterrupted = gate();
        if (gateInterrupted == null) {
            monitor.transferred(this, m.fromTag(), tag, m.value());
        }
        if (m.peer() != null) {
            m.peer().pending().complete(m.peer().index(), null);
        }
        if (gateInterrupted != null) {
            Thread.currentThread().interrupt(); // the message is ours; stop at the next operation
        }
        return m.value();
    }

    /** Consults the pacing gate; a claimed peer must still be completed if we are interrupted meanwhile. */
    private InterruptedException gate() {
        try {
            monitor.beforeTransfer(this);
            return null;
        } catch (InterruptedException e) {
            return e;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
