package org.chanvas.runtime.channel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Waits on several channel operations at once; exactly one fires. All channels involved are locked together
 * (in a fixed order) while the guards are checked and, if none is ready, while the offers are registered, so
 * no wake-up is lost between the check and the wait. Among ready guards the check starts at a random one,
 * so every ready guard fires with probability at least 1/n: none starves.
 */
public final class Select {

    private Select() {
    }

    /** One alternative of a select. */
    public sealed interface Guard permits RecvGuard, SendGuard {
        ParkingChannel<?> channel();
    }

    /** Receive from a channel; tag as in {@link ParkingChannel#recv(Party, Object)}. */
    public record RecvGuard(ParkingChannel<?> channel, Object tag) implements Guard {
    }

    /** Send a value on a channel. */
    public record SendGuard(ParkingChannel<?> channel, Object value, Object tag) implements Guard {
    }

    /** The guard that fired (its index in the list, or -1 for the timeout) and, for a receive, the message. */
    public record Fired(int index, Object value) {
    }

    /**
     * Waits until one guard fires.
     *
     * @param timeoutNanos negative for no timeout, 0 to only check what is ready now
     * @param random picks where the fair scan starts
     * @param party told about blocking (untimed) or timed waiting; may be null
     * @return the guard that fired, or index -1 when the timeout passed first
     */
    public static Fired select(List<? extends Guard> guards, long timeoutNanos, RandomGenerator random, Party party)
            throws InterruptedException {
        int n = guards.size();
        if (n == 0) {
            throw new IllegalArgumentException("select needs at least one guard");
        }
        List<ParkingChannel<?>> channels = distinctInLockOrder(guards);
        int start = n > 1 ? random.nextInt(n) : 0;
        int firedIndex = -1;
        ParkingChannel.Match match = null;
        Wait w = null;
        boolean timed = timeoutNanos > 0;
        lockAll(channels);
        try {
            for (int k = 0; k < n && match == null; k++) {
                int i = (start + k) % n;
                match = switch (guards.get(i)) {
                    case RecvGuard g -> g.channel().matchRecv();
                    case SendGuard g -> g.channel().matchSend(g.value(), g.tag());
                };
                if (match != null) {
                    firedIndex = i;
                }
            }
            if (match == null && timeoutNanos != 0) {
                w = new Wait(party, timed);
                for (int i = 0; i < n; i++) {
                    switch (guards.get(i)) {
                        case RecvGuard g -> g.channel().addReader(new Offer(w, i, null, g.tag()));
                        case SendGuard g -> g.channel().addWriter(new Offer(w, i, g.value(), g.tag()));
                    }
                }
            }
        } finally {
            for (ParkingChannel<?> c : channels) {
                c.lock.unlock();
            }
        }
        if (match != null) {
            return switch (guards.get(firedIndex)) {
                case RecvGuard g -> new Fired(firedIndex, g.channel().finishRecv(match, g.tag()));
                case SendGuard g -> {
                    g.channel().finishSend(match, g.value(), g.tag());
                    yield new Fired(firedIndex, null);
                }
            };
        }
        if (w == null) {
            return new Fired(-1, null);
        }
        boolean completed;
        try {
            if (timed) {
                long deadline = System.nanoTime() + timeoutNanos;
                boolean woken = party != null && party.timedWaiting(deadline);
                try {
                    completed = w.await(deadline, woken);
                } finally {
                    if (party != null) {
                        party.timedWoke();
                    }
                }
            } else {
                if (party != null) {
                    party.blocking();
                }
                completed = w.await(0);
            }
        } catch (InterruptedException e) {
            for (ParkingChannel<?> c : channels) {
                c.withdraw(w);
            }
            throw e;
        }
        // The other offers stay queued but can no longer be claimed: claimers skip them, and a channel purges
        // such dead offers when its queue grows (ParkingChannel.addReader), so they cannot pile up.
        return completed ? new Fired(w.fired, w.value) : new Fired(-1, null);
    }

    private static List<ParkingChannel<?>> distinctInLockOrder(List<? extends Guard> guards) {
        List<ParkingChannel<?>> channels = new ArrayList<>(guards.size());
        for (Guard g : guards) {
            boolean seen = false;
            for (ParkingChannel<?> c : channels) {
                seen |= c == g.channel();
            }
            if (!seen) {
                channels.add(g.channel());
            }
        }
        channels.sort(Comparator.comparingInt(System::identityHashCode));
        return channels;
    }

    /** Locks in identity-hash order; if two hashes collide, falls back to all-or-nothing tryLock rounds. */
    private static void lockAll(List<ParkingChannel<?>> channels) {
        boolean distinct = true;
        for (int i = 1; i < channels.size(); i++) {
            distinct &= System.identityHashCode(channels.get(i - 1)) != System.identityHashCode(channels.get(i));
        }
        if (distinct) {
            for (ParkingChannel<?> c : channels) {
                c.lock.lock();
            }
            return;
        }
        while (true) {
            int got = 0;
            while (got < channels.size() && channels.get(got).lock.tryLock()) {
                got++;
            }
            if (got == channels.size()) {
                return;
            }
            for (int i = 0; i < got; i++) {
                channels.get(i).lock.unlock();
            }
            Thread.yield();
        }
    }
}
