package org.chanvas.runtime.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.runtime.channel.CallChannel;
import org.chanvas.runtime.channel.ChannelMonitor;
import org.chanvas.runtime.channel.ParkingChannel;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitForGraph;
import org.chanvas.runtime.watch.WaitOn;
import org.chanvas.runtime.watch.Watch;

/**
 * A run of the {@link ConcurrentEngine}: owns its channels, its virtual threads, its watch and its clock.
 * The first of finish, failure, deadlock, timeout or stop decides the outcome; then every thread is
 * interrupted and {@link #await()} returns once all have ended.
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

    private final RunPlan plan;
    private final RunOptions options;
    private final EventSink sink;
    private final Watch watch;
    private final List<ProcessRunner> runners = new ArrayList<>();
    private final AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    /** Whom each process last exchanged a message with: the diagnosis follows it to the likely holder. */
    private final Map<String, String> lastPartner = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger ended = new AtomicInteger();
    private final CountDownLatch terminated;
    private volatile List<Thread> threads = List.of();
    private volatile Thread timer;
    private volatile long startNanos;
    private boolean started;

    ConcurrentRun(RunPlan plan, RunOptions options) {
        this.plan = plan;
        this.options = options;
        this.sink = options.sink();
        this.terminated = new CountDownLatch(plan.size());
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

    @Override
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("a run starts once");
        }
        started = true;
        startNanos = System.nanoTime();
        List<Thread> ts = new ArrayList<>(runners.size());
        for (ProcessRunner r : runners) {
            // Unnamed: a name is two more objects per process; a dump still shows ProcessRunner and its id field.
            ts.add(Thread.ofVirtual().unstarted(r));
        }
        threads = ts;
        if (options.timeoutMillis() > 0) {
            timer = Thread.ofVirtual().name("chanvas-timeout").start(this::timeLimit);
        }
        for (Thread t : ts) {
            t.start();
        }
        if (runners.isEmpty()) {
            finish(new RunOutcome.Finished());
        }
    }

    private void timeLimit() {
        try {
            Thread.sleep(options.timeoutMillis());
        } catch (InterruptedException e) {
            return; // the run ended first
        }
        if (outcome.get() == null) {
            emit(new RunEvent.Timeout(now()));
            finish(new RunOutcome.TimedOut(options.timeoutMillis()));
        }
    }

    /** Decides the outcome if nobody has yet, and ends every process. */
    void finish(RunOutcome o) {
        if (!outcome.compareAndSet(null, o)) {
            return;
        }
        watch.disarm();
        // The caller too: the watch fires in the thread of the last process to block, just before it parks.
        for (Thread t : threads) {
            t.interrupt();
        }
        Thread tm = timer;
        if (tm != null) {
            tm.interrupt();
        }
    }

    boolean decided() {
        return outcome.get() != null;
    }

    /** Called by a runner as its thread ends, whatever the reason. */
    void runnerEnded() {
        if (ended.incrementAndGet() == runners.size()) {
            finish(new RunOutcome.Finished());
        }
        terminated.countDown();
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
        if (outcome.get() == null) {
            emit(new RunEvent.Deadlock(now(), d));
        }
        finish(new RunOutcome.Deadlocked(d));
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
    public void held(ParkingChannel<?> channel, int held) {
        if (sink.enabled()) {
            emit(new RunEvent.Buffer(now(), channel.name(), held));
        }
    }

    // ---- Run ----

    @Override
    public void stop() {
        finish(new RunOutcome.Stopped());
    }

    @Override
    public RunOutcome await() throws InterruptedException {
        terminated.await();
        joinThreads(Long.MAX_VALUE);
        return outcome.get();
    }

    @Override
    public Optional<RunOutcome> await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS)
                && joinThreads(deadline - System.nanoTime())) {
            return Optional.of(outcome.get());
        }
        return Optional.empty();
    }

    /**
     * A runner counts itself down as its last act, a moment before its thread is gone; joining makes
     * "the run is over" mean that no thread of it is alive any more.
     */
    private boolean joinThreads(long nanos) throws InterruptedException {
        long deadline = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + nanos;
        for (Thread t : threads) {
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
        return terminated.getCount() == 0 ? Optional.ofNullable(outcome.get()) : Optional.empty();
    }

    @Override
    public Pacing pacing() {
        return options.pacing();
    }

    @Override
    public void close() {
        stop();
        boolean interrupted = false;
        synchronized (this) {
            if (!started) {
                return;
            }
        }
        while (true) {
            try {
                terminated.await();
                Thread tm = timer;
                if (tm != null) {
                    tm.join();
                }
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The threads of this run, for tests that check nothing is left behind. */
    List<Thread> threads() {
        return threads;
    }
}
