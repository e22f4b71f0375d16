package org.chanvas.runtime.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One parked thread's wait, shared by all the offers of a select. Exactly one other thread wins
 * {@link #tryClaim()}; it fills in the result and calls {@link #complete}, which wakes the owner.
 */
final class Wait {

    static final int WAITING = 0;
    static final int CLAIMED = 1;
    static final int DONE = 2;
    static final int CANCELLED = 3;

    private static final VarHandle STATE;

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
        LockSupport.unpark(owner);
    }

    /**
     * Parks until completed. On interrupt, cancels if still possible and throws; if already claimed, waits
     * for the (imminent) completion and keeps the interrupt flag set for the caller's next operation.
     *
     * @param deadline System.nanoTime() to give up at, or 0 for none
     * @return true when completed, false when the deadline passed and the wait was cancelled
     */
    boolean await(long deadline) throws InterruptedException {
        boolean interrupted = false;
        // Spinning only pays on platform threads: a spinning virtual thread keeps its carrier from running the
        // very peer that would complete it (there are as few carriers as cores).
        int spins = owner.isVirtual() ? 0 : 64;
        if (owner.isVirtual() && state != DONE) {
            // One yield first: it lets the peer we just woke run on this carrier, and often it answers before
            // we would have parked, which saves a park/unpark pair (most of a hand-off's cost).
            Thread.yield();
        }
        while (true) {
            int s = state;
            if (s == DONE) {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
            if (spins > 0) {
                spins--;
                Thread.onSpinWait();
                continue;
            }
            if (deadline != 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 && s == WAITING && tryCancel()) {
                    return false;
                }
                if (left > 0) {
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
