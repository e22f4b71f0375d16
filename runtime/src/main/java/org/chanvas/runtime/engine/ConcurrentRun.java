package org.chanvas.runtime.engine;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.runtime.channel.CallChannel;
import org.chanvas.runtime.channel.ChannelMonitor;
import org.chanvas.runtime.channel.ParkingChannel;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.interp.MachineOptions;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitForGraph;
import org.chanvas.runtime.watch.WaitOn;
import org.chanvas.runtime.watch.Watch;

/**
 * A run of the {@link ConcurrentEngine}: owns its channels, its virtual threads, its watch, its timers and
 * its clock. The first of finish, failure, deadlock, timeout, internal error or stop claims the outcome (a
 * {@link RunLifecycle}); only the claimer emits the terminal event; then every thread is interrupted and
 * {@link #await()} returns once all have ended.
 */
final class ConcurrentRun implements Run, ChannelMonitor {

    /** A port of a process, bound to its runtime channel. */
    record Port(String name, String channelId, ParkingChannel<Object> channel, CallChannel<Object, Object> call,
                Endpoint endpoint) {

        /** Made when needed rather than kept: a million-process run should not hold four lists per process. */
        List<WaitOn> sendWait() {
            return List.of(WaitOn.send(channelId, name));
        }

        List<WaitOn> recvWait() {
            return List.of(WaitOn.recv(channelId, name));
        }
    }

    /** Internal faults (bugs, not script errors) go here with their stack trace. */
    private static final System.Logger LOG = System.getLogger(ConcurrentRun.class.getName());

    /** The longest wait a run takes literally (about 146 years): longer ones would overflow nanoTime arithmetic. */
    static final long MAX_WAIT_NANOS = 1L << 62;

    /** Least time between two yields of a process that keeps its carrier busy, so that others get a turn. */
    static final long YIELD_NANOS = 1_000_000;

    /** Least time between two drains of the carriers' local queues (see {@link #tick}). */
    static final long DRAIN_NANOS = 2_000_000;

    private final RunPlan plan;
    private final RunOptions options;
    /** The machines' options: one print budget for the whole run. */
    final MachineOptions machines;
    private final EventSink sink;
    private final Watch watch;
    private final List<ProcessRunner> runners = new ArrayList<>();
    private final RunLifecycle lifecycle = new RunLifecycle();
    private final RunTimers timers = new RunTimers();
    /** Whom each process last exchanged a message with: the diagnosis follows it to the likely holder. */
    private final Map<String, String> lastPartner = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger ended = new AtomicInteger();
    /** The processes' threads, published before any is started, so that a claim racing start() reaches all. */
    private volatile List<Thread> threads = List.of();
    /** The timer thread (see {@link RunTimers#serve}), the one thread of the run that is not a process. */
    private volatile Thread timerThread;
    private volatile long startNanos;
    /** Processes whose thread is started but has not run yet: they wait in a queue busy carriers neglect. */
    private final AtomicInteger unstarted = new AtomicInteger();
    /** Processes inside Thread.yield(), which may have queued them where busy carriers neglect them. */
    private final AtomicInteger yielding = new AtomicInteger();
    /** Each new drain round asks every busy process to step off its carrier once (see {@link #tick}). */
    private final AtomicInteger drainRound = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong lastDrain = new java.util.concurrent.atomic.AtomicLong();

    ConcurrentRun(RunPlan plan, RunOptions options) {
        this.plan = plan;
        this.options = options;
        this.machines = options.machineOptions();
        this.sink = options.sink();
        this.watch = new Watch(plan.size(), this::deadlocked);
        Map<String, Object> channels = new HashMap<>();
        // The model's own endpoint objects, reused as tags: one fewer object per port in a huge network.
        Map<Endpoint, Endpoint> endpoints = new HashMap<>();
        for (Channel c : plan.network().channels()) {
            for (Endpoint e : c.writers()) {
                endpoints.put(e, e);
            }
            for (Endpoint e : c.readers()) {
                endpoints.put(e, e);
            }
            channels.put(c.id(), switch (c.kind()) {
                case RENDEZVOUS -> new ParkingChannel<>(c.id(), 0, false, this);
                case BUFFERED -> new ParkingChannel<>(c.id(), c.capacity(), false, this);
                case UNBOUNDED -> new ParkingChannel<>(c.id(), options.unboundedLimit(), true, this);
                case CALL -> new CallChannel<>(c.id(), this);
            });
        }
        long seed = options.seed();
        for (int i = 0; i < plan.size(); i++) {
            RunPlan.ProcessPlan p = plan.processes().get(i);
            Map<String, Port> ports = new HashMap<>(4);
            for (var b : p.ports().values()) {
                Object ch = channels.get(b.channel());
                @SuppressWarnings("unchecked")
                ParkingChannel<Object> pc = ch instanceof ParkingChannel<?> x ? (ParkingChannel<Object>) x : null;
                @SuppressWarnings("unchecked")
                CallChannel<Object, Object> cc = ch instanceof CallChannel<?, ?> x ? (CallChannel<Object, Object>) x : null;
                Endpoint at = new Endpoint(p.id(), b.port());
                ports.put(b.port(), new Port(b.port(), b.channel(), pc, cc, endpoints.getOrDefault(at, at)));
            }
            runners.add(new ProcessRunner(this, i, p, ports, seed));
        }
    }

    RunOptions options() {
        return options;
    }

    EventSink sink() {
        return sink;
    }

    Watch watch() {
        return watch;
    }

    long now() {
        return System.nanoTime() - startNanos;
    }

    RunTimers timers() {
        return timers;
    }

    @Override
    public synchronized void start() {
        if (lifecycle.started()) {
            throw new IllegalStateException("a run starts once");
        }
        startNanos = System.nanoTime();
        lastDrain.set(startNanos - DRAIN_NANOS); // the first tick may drain at once: processes wait to start
        List<Thread> ts = new ArrayList<>(runners.size());
        for (ProcessRunner r : runners) {
            // Unnamed: a name is two more objects per process; a dump still shows ProcessRunner and its id field.
            ts.add(Thread.ofVirtual().unstarted(r));
        }
        Thread tt = ts.isEmpty() ? null : Thread.ofVirtual().name("chanvas-timers").unstarted(timers::serve);
        // Published before the outcome can be claimed as started, so a claim racing this start reaches them.
        threads = ts;
        timerThread = tt;
        unstarted.set(ts.size());
        if (!lifecycle.start()) {
            return; // stopped before it started: over already, nothing to launch
        }
        if (ts.isEmpty()) {
            finish(new RunOutcome.Finished(), null);
            lifecycle.over();
            return;
        }
        if (options.timeoutMillis() > 0) {
            timers.at(startNanos + waitNanos(options.timeoutMillis()), this::timedOut);
        }
        int launched = 0;
        try {
            tt.start();
            for (Thread t : ts) {
                t.start();
                launched++;
            }
        } catch (RuntimeException | Error bug) {
            internalError("the start of the run", bug);
            for (int i = launched; i < ts.size(); i++) {
                runnerEnded(); // never started, so never ends by itself
            }
        }
    }

    /** Milliseconds as nanoseconds, clamped to {@link #MAX_WAIT_NANOS}. */
    static long waitNanos(long millis) {
        return millis >= MAX_WAIT_NANOS / 1_000_000 ? MAX_WAIT_NANOS : Math.max(0, millis) * 1_000_000;
    }

    private void timedOut() {
        finish(new RunOutcome.TimedOut(options.timeoutMillis()), new RunEvent.Timeout(now()));
    }

    /** A runner's thread runs for the first time. */
    void began() {
        unstarted.decrementAndGet();
    }

    /**
     * Sleeps {@code nanos} (clamped to {@link #MAX_WAIT_NANOS}) on the run's timers, which wake the sleeper
     * from a carrier when it is due (see {@link RunTimers}). Zero only gives others a turn.
     */
    void sleep(long nanos) throws InterruptedException {
        if (nanos <= 0) {
            timers.fireDue(System.nanoTime());
            yieldCarrier();
        } else {
            timers.sleepUntil(System.nanoTime() + Math.min(nanos, MAX_WAIT_NANOS));
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /** Thread.yield(), counted: while a yielder may wait in a neglected queue, busy processes drain. */
    void yieldCarrier() {
        yielding.incrementAndGet();
        try {
            Thread.yield();
        } finally {
            yielding.decrementAndGet();
        }
    }

    /** What a process remembers between its {@link #tick}s. */
    static final class Turn {
        private int served;
        private long lastYield;
        private int drainRound;

        /** @param stagger spreads the ticks of processes that move in lockstep (a ring) over the rounds */
        Turn(int stagger) {
            this.served = stagger;
        }

        /** Counts a request; true every {@link #EVERY}th, when the process should tick. */
        boolean due() {
            return (++served & (EVERY - 1)) == 0;
        }

        /** A power of two: a tick reads the clock, so not every request pays for it. */
        static final int EVERY = 64;
    }

    /**
     * Called by every process every {@link Turn#EVERY} requests, so that however busy the hand-offs are,
     * every thread of the run gets its turn within a bounded delay:
     * <ul>
     * <li>ends the process if the run is over (a process that never parks never sees its interrupt);
     * <li>fires due timers (sleep, after, the time limit), which land on this carrier's local queue;
     * <li>every {@link #YIELD_NANOS}, yields, so a process that never parks (polling with {@code after 0})
     *     lets the local queue move;
     * <li>while some thread may wait in the scheduler's external queue (a process not yet started, one that
     *     yielded when its carrier's local queue was empty), starts a drain round every {@link #DRAIN_NANOS}:
     *     each busy process then steps off its carrier once, through a JDK timer of a nanosecond. A carrier
     *     serves the external queue only when its local queue is empty, and this empties it: the processes
     *     exchanging hand-offs are exactly the ones on it.
     * </ul>
     */
    void tick(Turn turn) throws InterruptedException {
        if (Thread.interrupted() || lifecycle.claimed()) {
            throw new InterruptedException();
        }
        long now = System.nanoTime();
        timers.fireDue(now);
        long last = lastDrain.get();
        if ((unstarted.get() > 0 || yielding.get() > 0) && now - last >= DRAIN_NANOS
                && lastDrain.compareAndSet(last, now)) {
            drainRound.incrementAndGet();
        }
        int round = drainRound.get();
        if (round != turn.drainRound) {
            turn.drainRound = round;
            turn.lastYield = now;
            LockSupport.parkNanos(1); // back through the external queue, behind whoever waits there
        } else if (now - turn.lastYield >= YIELD_NANOS) {
            turn.lastYield = now;
            yieldCarrier();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /**
     * Claims the outcome if nobody has yet; the winner emits {@code terminal} (if any) and ends every thread.
     *
     * @return whether this call decided the outcome
     */
    boolean finish(RunOutcome o, RunEvent terminal) {
        if (!lifecycle.claim(o)) {
            return false;
        }
        watch.disarm();
        if (terminal != null) {
            emit(terminal);
        }
        // The caller too: the watch fires in the thread of the last process to block, just before it parks.
        for (Thread t : threads) {
            t.interrupt();
        }
        Thread tt = timerThread;
        if (tt != null) {
            tt.interrupt();
        }
        return true;
    }

    /** A bug, not a script error: logged with its stack trace, and the run ends as an internal error. */
    void internalError(String where, Throwable bug) {
        LOG.log(Level.ERROR, "internal error in " + where + " (a bug in Chanvas, not in the script)", bug);
        finish(new RunOutcome.InternalError(where, String.valueOf(bug)), null);
    }

    boolean decided() {
        return lifecycle.claimed();
    }

    /** Called by a runner as its thread ends, whatever the reason; the last one ends the run. */
    void runnerEnded() {
        if (ended.incrementAndGet() == runners.size()) {
            finish(new RunOutcome.Finished(), null);
            lifecycle.over();
        }
    }

    void emit(RunEvent e) {
        sink.accept(e);
    }

    private void deadlocked(Watch.Snapshot s) {
        Map<String, List<WaitOn>> waits = new LinkedHashMap<>();
        for (int i = 0; i < s.blocked().size(); i++) {
            ProcessRunner r = runners.get(s.blocked().get(i));
            waits.put(r.id(), r.resolve(s.waits().get(i)));
        }
        Set<String> endedIds = new java.util.HashSet<>();
        for (int i : s.ended()) {
            endedIds.add(runners.get(i).id());
        }
        Diagnosis d = new WaitForGraph(plan.network()).diagnose(waits, endedIds, lastPartner);
        finish(new RunOutcome.Deadlocked(d), new RunEvent.Deadlock(now(), d));
    }

    // ---- ChannelMonitor: pacing and transfer events ----

    @Override
    public void beforeTransfer(ParkingChannel<?> channel) throws InterruptedException {
        options.pacing().awaitTransfer();
    }

    @Override
    public void transferred(ParkingChannel<?> channel, Object fromTag, Object toTag, Object value) {
        String from = ((Endpoint) fromTag).process();
        String to = ((Endpoint) toTag).process();
        // Mostly the same pair talks again (rings, pipelines): a read is cheaper than a write on this hot path.
        if (!to.equals(lastPartner.get(from))) {
            lastPartner.put(from, to);
        }
        if (!from.equals(lastPartner.get(to))) {
            lastPartner.put(to, from);
        }
        if (sink.enabled()) {
            // A call's request travels wrapped with the way back to its client; the trace shows what was sent.
            Object shown = value instanceof org.chanvas.runtime.channel.CallRequest<?, ?> req ? req.value() : value;
            emit(new RunEvent.Transfer(now(), channel.name(), (Endpoint) fromTag, (Endpoint) toTag, shown));
        }
    }

    @Override
    public void held(ParkingChannel<?> channel, int held, Object fromTag) {
        if (sink.enabled()) {
            emit(new RunEvent.Buffer(now(), channel.name(), held, (Endpoint) fromTag));
        }
    }

    // ---- Run ----

    @Override
    public void stop() {
        finish(new RunOutcome.Stopped(), null);
    }

    @Override
    public RunOutcome await() throws InterruptedException {
        RunOutcome o = lifecycle.await();
        joinThreads(Long.MAX_VALUE);
        return o;
    }

    @Override
    public Optional<RunOutcome> await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<RunOutcome> o = lifecycle.await(timeout);
        if (o.isPresent() && joinThreads(deadline - System.nanoTime())) {
            return o;
        }
        return Optional.empty();
    }

    /**
     * A runner says it ended a moment before its thread is gone; joining makes "the run is over" mean that
     * no thread of it is alive any more.
     */
    private boolean joinThreads(long nanos) throws InterruptedException {
        long deadline = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + nanos;
        for (Thread t : threads()) {
            if (t.getState() == Thread.State.NEW) {
                continue; // never started: stopped before start, or a start that failed
            }
            if (deadline == Long.MAX_VALUE) {
                t.join();
            } else if (!t.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<RunOutcome> outcome() {
        return lifecycle.outcome();
    }

    @Override
    public Pacing pacing() {
        return options.pacing();
    }

    @Override
    public void close() {
        stop();
        lifecycle.awaitUninterruptibly();
        boolean interrupted = false;
        while (true) {
            try {
                joinThreads(Long.MAX_VALUE);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The threads of this run, processes first, for tests that check nothing is left behind. */
    List<Thread> threads() {
        List<Thread> all = new ArrayList<>(threads);
        Thread tt = timerThread;
        if (tt != null) {
            all.add(tt);
        }
        return all;
    }
}
