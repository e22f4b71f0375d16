package org.chanvas.runtime.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One waiting thread's wait, shared by all the offers of a select; the owner spins briefly, then parks.
 * Exactly one other thread wins {@link #tryClaim()}; it fills in the result and calls {@link #complete},
 * which wakes the owner.
 */
final class Wait {

    static final int WAITING = 0;
    static final int CLAIMED = 1;
    static final int DONE = 2;
    static final int CANCELLED = 3;

    private static final VarHandle STATE;

    /** Longest a virtual thread spins before parking: a few hand-offs' worth, so an idle wait soon parks. */
    private static final long SPIN_NANOS = 20_000;
    /** Spins between looks at the clock and the scheduler queue, which cost more than a spin. */
    private static final int SPINS_PER_CHECK = 64;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Wait.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Thread owner;
    final Party party;
    final boolean timed;
    private volatile int state;
    /** Set by the owner before its first park; a completer unparks only then. */
    private volatile boolean parked;
    /** Written by the claimer before DONE, read by the owner after it. */
    int fired;
    Object value;

    Wait(Party party, boolean timed) {
        this.owner = Thread.currentThread();
        this.party = party;
        this.timed = timed;
    }

    int state() {
        return state;
    }

    /**
     * Spins while the partner is likely running on another carrier, and says whether the wait completed
     * meanwhile. A platform thread spins briefly; a virtual thread only while no other virtual thread is queued
     * (else the partner may be queued behind us, on our own carrier), and at most {@link #SPIN_NANOS} or until
     * the deadline. Spinning is what lets a completer skip the unpark (see {@link #complete}).
     */
    private boolean spin(long deadline) {
        if (!owner.isVirtual()) {
            return spinRound();
        }
        if (SchedulerLoad.othersQueued()) {
            return false; // the common case on one carrier: park at once, without even reading the clock
        }
        long start = System.nanoTime();
        long end = deadline != 0 && deadline - start < SPIN_NANOS ? deadline : start + SPIN_NANOS;
        while (!spinRound()) {
            if (SchedulerLoad.othersQueued() || System.nanoTime() - end > 0) {
                return false;
            }
        }
        return true;
    }

    /** Spins {@link #SPINS_PER_CHECK} times unless completed first; says whether it is. */
    private boolean spinRound() {
        for (int i = 0; i < SPINS_PER_CHECK && state != DONE; i++) {
            Thread.onSpinWait();
        }
        return state == DONE;
    }

    /** Wins this wait for the caller; tells the party it will wake (untimed waits count as blocked). */
    boolean tryClaim() {
        if (STATE.compareAndSet(this, WAITING, CLAIMED)) {
            if (party != null && !timed) {
                party.claimed();
            }
            return true;
        }
        return false;
    }

    /** The owner gives up (interrupt or timeout); false when someone claimed it first. */
    boolean tryCancel() {
        return STATE.compareAndSet(this, WAITING, CANCELLED);
    }

    void complete(int firedIndex, Object v) {
        this.fired = firedIndex;
        this.value = v;
        state = DONE;
        // Dekker with await: the owner writes parked then reads state, we write state then read parked, so
        // either it sees DONE or we see it parked. An owner still spinning needs no unpark at all.
        if (parked) {
            LockSupport.unpark(owner);
        }
    }

    boolean await(long deadline) throws InterruptedException {
        return await(deadline, false);
    }

    /**
     * Parks until completed. On interrupt, cancels if still possible and throws; if already claimed, waits
     * for the (imminent) completion and keeps the interrupt flag set for the caller's next operation.
     *
     * @param deadline System.nanoTime() to give up at, or 0 for none
     * @param wokenAtDeadline whether someone (the engine's timers) unparks the owner at the deadline: then
     *                        it parks without a JDK timer, whose wake-up a busy carrier would neglect
     * @return true when completed, false when the deadline passed and the wait was cancelled
     */
    boolean await(long deadline, boolean wokenAtDeadline) throws InterruptedException {
        boolean interrupted = false;
        if (spin(deadline)) {
            return true;
        }
        parked = true;
        while (true) {
            int s = state;
            if (s == DONE) {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
            if (deadline != 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 && s == WAITING && tryCancel()) {
                    return false;
                }
                if (left > 0 && !wokenAtDeadline) {
                    LockSupport.parkNanos(this, left);
                } else {
                    LockSupport.park(this);
                }
            } else {
                LockSupport.park(this);
            }
            if (Thread.interrupted()) {
                if (state == WAITING && tryCancel()) {
                    throw new InterruptedException();
                }
                interrupted = true;
            }
        }
    }
}
