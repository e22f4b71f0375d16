package org.chanvas.runtime.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Counts live, blocked and timed processes under one lock and fires once when every live process waits
 * on a channel and none sleeps or waits with a timeout: the moment nothing can ever wake one. Event-driven
 * (no polling): only a block or an end can complete the condition, and both check it.
 *
 * <p>A process's blocked state is a balance: its own {@link #blocking} adds one, the peer that matches its
 * wait ({@link #claimed}) takes one off, in either order; it counts as blocked while the balance is
 * positive. So a wait matched before its owner parks never counts, and a matched one stops counting at once,
 * before its owner even wakes: no false alarm.
 */
public final class Watch {

    /** What every waiting process waits on when the watch fired, by process index. */
    public record Snapshot(List<Integer> blocked, List<List<WaitOn>> waits, List<Integer> ended) {
    }

    private final int[] balance;
    private final List<List<WaitOn>> waits;
    private final boolean[] ended;
    private final Consumer<Snapshot> onDeadlock;
    private int live;
    private int blocked;
    private int timed;
    private boolean fired;
    private boolean disarmed;

    /** @param onDeadlock called once, outside the lock, by the thread that completed the condition */
    public Watch(int processes, Consumer<Snapshot> onDeadlock) {
        this.balance = new int[processes];
        this.waits = new ArrayList<>(processes);
        for (int i = 0; i < processes; i++) {
            waits.add(List.of());
        }
        this.ended = new boolean[processes];
        this.live = processes;
        this.onDeadlock = onDeadlock;
    }

    /** Process p registered an untimed wait on these and is about to park. */
    public void blocking(int p, List<WaitOn> on) {
        Snapshot s;
        synchronized (this) {
            waits.set(p, on);
            if (++balance[p] == 1) {
                blocked++;
            }
            s = check();
        }
        fire(s);
    }

    /** Another process matched p's wait. */
    public void claimed(int p) {
        synchronized (this) {
            if (balance[p]-- == 1) {
                blocked--;
            }
        }
    }

    /** p sleeps or waits with a timeout: something will wake it. */
    public synchronized void timedWaiting(int p) {
        timed++;
    }

    public synchronized void timedWoke(int p) {
        timed--;
    }

    /** p finished or failed. */
    public void ended(int p) {
        Snapshot s;
        synchronized (this) {
            if (ended[p]) {
                return;
            }
            ended[p] = true;
            live--;
            if (balance[p] > 0) {
                blocked--;
                balance[p] = 0;
            }
            s = check();
        }
        fire(s);
    }

    /** The run is over for another reason: never fire from now on. */
    public synchronized void disarm() {
        disarmed = true;
    }

    public synchronized int live() {
        return live;
    }

    private Snapshot check() {
        if (fired || disarmed || live == 0 || blocked != live || timed != 0) {
            return null;
        }
        fired = true;
        List<Integer> bl = new ArrayList<>();
        List<List<WaitOn>> ws = new ArrayList<>();
        List<Integer> en = new ArrayList<>();
        for (int i = 0; i < balance.length; i++) {
            if (balance[i] > 0) {
                bl.add(i);
                ws.add(waits.get(i));
            }
            if (ended[i]) {
                en.add(i);
            }
        }
        return new Snapshot(bl, ws, en);
    }

    private void fire(Snapshot s) {
        if (s != null) {
            onDeadlock.accept(s);
        }
    }
}
