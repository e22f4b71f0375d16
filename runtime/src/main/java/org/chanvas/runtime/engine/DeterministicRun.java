package org.chanvas.runtime.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.script.Pos;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.interp.PortBinding;
import org.chanvas.runtime.interp.ProcessMachine;
import org.chanvas.runtime.interp.Request;
import org.chanvas.runtime.watch.WaitForGraph;
import org.chanvas.runtime.watch.WaitOn;

/**
 * A run of the {@link DeterministicEngine}. Channels are plain data here (queues of waiting offers and a
 * buffer); one driver thread owns all state, so nothing needs a lock except the outcome hand-over.
 */
final class DeterministicRun implements Run {

    enum State { RUNNABLE, WAITING, SLEEPING, ENDED }

    /** A process and where it stands. */
    static final class Proc {
        final int index;
        final String id;
        final String label;
        final ProcessMachine machine;
        final Map<String, PortBinding> ports;
        State state = State.RUNNABLE;
        long wakeAt = -1;
        /** The offers this process has registered on channels (one, or one per select guard). */
        final List<Entry> entries = new ArrayList<>(2);
        List<WaitOn> waits = List.of();
        /** The select's after guard, or -1. */
        int afterIndex = -1;
        /** A call in progress: waiting for this server's reply. */
        Proc server;
        /** Per call port: the clients whose requests came in and still wait for a reply. */
        final Map<String, Proc> toAnswer = new HashMap<>();
        /** A request already computed by a scheduler that looks ahead (replay); null in a seeded run. */
        Request pending;

        Proc(int index, RunPlan.ProcessPlan plan, long seed, int budget) {
            this.index = index;
            this.id = plan.id();
            this.label = plan.label();
            this.ports = plan.ports();
            this.machine = new ProcessMachine(label, plan.body(), plan.ports(), seed, budget);
        }
    }

    /** A registered offer: a reader, or a writer with its value; {@code guard} is -1 outside a select. */
    record Entry(Proc proc, int guard, String port, Object value, Endpoint endpoint) {
    }

    record Held(Object value, Endpoint from) {
    }

    /** A channel as data. */
    static final class Chan {
        final Channel model;
        final int capacity;
        final boolean unbounded;
        final ArrayDeque<Held> buffer = new ArrayDeque<>();
        final List<Entry> writers = new ArrayList<>();
        final List<Entry> readers = new ArrayList<>();

        Chan(Channel model, int unboundedLimit) {
            this.model = model;
            this.unbounded = model.kind() == ChannelKind.UNBOUNDED;
            this.capacity = switch (model.kind()) {
                case RENDEZVOUS, CALL -> 0;
                case BUFFERED -> model.capacity();
                case UNBOUNDED -> unboundedLimit;
            };
        }

        boolean canTake() {
            return !buffer.isEmpty() && !readers.isEmpty();
        }

        boolean canPut() {
            return capacity > 0 && !writers.isEmpty() && (buffer.size() < capacity || unbounded);
        }

        boolean canHandOver() {
            if (capacity != 0 || writers.isEmpty() || readers.isEmpty()) {
                return false;
            }
            // A select may offer both ends of one channel; a process never meets itself.
            Proc only = writers.getFirst().proc();
            for (Entry e : writers) {
                if (e.proc() != only) {
                    return true;
                }
            }
            for (Entry e : readers) {
                if (e.proc() != only) {
                    return true;
                }
            }
            return false;
        }

        boolean enabled() {
            return canTake() || canPut() || canHandOver();
        }
    }

    private final RunPlan plan;
    private final RunOptions options;
    private final EventSink sink;
    private final SplittableRandom random;
    private final Scheduler scheduler;
    private final List<Proc> procs = new ArrayList<>();
    private final List<Chan> chans = new ArrayList<>();
    private final Map<String, Chan> chanById = new HashMap<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    /** Whom each process last exchanged a message with: the diagnosis follows it to the likely holder. */
    private final Map<String, String> lastPartner = new HashMap<>();
    private volatile RunOutcome outcome;
    private volatile boolean stopRequested;
    private volatile Thread driver;
    private long now;
    private int live;
    private boolean started;

    /**
     * Picks each next move. The seeded one draws from the run's random source; a replay follows a trace and
     * also sees every event (to check it against the trace) and may stop the run when the trace does not fit.
     */
    interface Scheduler {
        /** The next move among the runnable processes and enabled channels (at least one of them). */
        Move pick(List<Proc> runnable, List<Chan> enabled);

        /** Sees each event as it is made. */
        default void observe(RunEvent e) {
        }

        /** True once the run should stop (a replay that diverged). */
        default boolean halted() {
            return false;
        }
    }

    /** One move: a process's local step, or one communication on a channel with its parties. */
    sealed interface Move {
        record Step(Proc proc) implements Move {
        }

        /** A reader takes the buffer's oldest message. */
        record Take(Chan chan, Entry reader) implements Move {
        }

        /** A writer puts its message into the buffer. */
        record Put(Chan chan, Entry writer) implements Move {
        }

        /** A writer hands its message straight to a reader (rendezvous, call). */
        record HandOver(Chan chan, Entry writer, Entry reader) implements Move {
        }

        /** Nothing fits (a replay's trace does not fit the network): the run stops. */
        record Halt() implements Move {
        }
    }

    DeterministicRun(RunPlan plan, RunOptions options) {
        this(plan, options, null);
    }

    /** With {@code scheduler} null the run picks moves with its seeded random source. */
    DeterministicRun(RunPlan plan, RunOptions options, java.util.function.Function<DeterministicRun, Scheduler> scheduler) {
        this.plan = plan;
        this.options = options;
        this.sink = options.sink();
        this.random = new SplittableRandom(options.seed());
        this.scheduler = scheduler == null ? new Seeded() : scheduler.apply(this);
        for (Channel c : plan.network().channels()) {
            Chan ch = new Chan(c, options.unboundedLimit());
            chans.add(ch);
            chanById.put(c.id(), ch);
        }
        for (int i = 0; i < plan.size(); i++) {
            long processSeed = options.seed() * 0x9E3779B97F4A7C15L + i;
            procs.add(new Proc(i, plan.processes().get(i), processSeed, options.stepBudget()));
        }
        live = procs.size();
    }

    @Override
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("a run starts once");
        }
        started = true;
        driver = Thread.ofPlatform().name("chanvas-deterministic").daemon().start(this::drive);
    }

    private void drive() {
        RunOutcome o;
        try {
            o = loop();
        } catch (InterruptedException e) {
            o = new RunOutcome.Stopped();
        } catch (RuntimeException bug) {
            o = new RunOutcome.ScriptFailed("", "runtime", 0, 0, "internal error: " + bug);
        }
        outcome = o;
        terminated.countDown();
    }

    private RunOutcome loop() throws InterruptedException {
        long wallDeadline = options.timeoutMillis() > 0
                ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.timeoutMillis()) : Long.MAX_VALUE;
        long virtualDeadline = options.timeoutMillis() > 0
                ? TimeUnit.MILLISECONDS.toNanos(options.timeoutMillis()) : Long.MAX_VALUE;
        for (Proc p : procs) {
            emit(new RunEvent.Started(now, p.id, p.label));
        }
        List<Proc> runnable = new ArrayList<>();
        List<Chan> enabled = new ArrayList<>();
        long steps = 0;
        while (true) {
            if (stopRequested || Thread.currentThread().isInterrupted() || scheduler.halted()) {
                return new RunOutcome.Stopped();
            }
            if ((++steps & 63) == 0 && System.nanoTime() > wallDeadline) {
                emit(new RunEvent.Timeout(now));
                return new RunOutcome.TimedOut(options.timeoutMillis());
            }
            runnable.clear();
            enabled.clear();
            for (Proc p : procs) {
                if (p.state == State.RUNNABLE) {
                    runnable.add(p);
                }
            }
            for (Chan c : chans) {
                if (c.enabled()) {
                    enabled.add(c);
                }
            }
            int moves = runnable.size() + enabled.size();
            if (moves == 0) {
                if (live == 0) {
                    return new RunOutcome.Finished();
                }
                long next = Long.MAX_VALUE;
                for (Proc p : procs) {
                    if (p.wakeAt >= 0 && p.state != State.ENDED) {
                        next = Math.min(next, p.wakeAt);
                    }
                }
                if (next == Long.MAX_VALUE) {
                    return deadlock();
                }
                if (next > virtualDeadline) {
                    now = virtualDeadline;
                    emit(new RunEvent.Timeout(now));
                    return new RunOutcome.TimedOut(options.timeoutMillis());
                }
                now = Math.max(now, next);
                for (Proc p : procs) {
                    if (p.wakeAt >= 0 && p.wakeAt <= now && p.state != State.ENDED) {
                        wake(p);
                    }
                }
                continue;
            }
            RunOutcome o = switch (scheduler.pick(runnable, enabled)) {
                case Move.Step st -> step(st.proc());
                case Move.Take t -> take(t.chan(), t.reader());
                case Move.Put pt -> put(pt.chan(), pt.writer());
                case Move.HandOver h -> handOver(h.chan(), h.writer(), h.reader());
                case Move.Halt h -> new RunOutcome.Stopped();
            };
            if (o != null) {
                return o;
            }
        }
    }

    /** A sleeper's time came, or a select's after fired. */
    private void wake(Proc p) {
        p.wakeAt = -1;
        if (p.state == State.SLEEPING && p.afterIndex < 0) {
            p.machine.resume();
        } else {
            withdraw(p);
            p.machine.resumeSelect(p.afterIndex, null);
            p.afterIndex = -1;
        }
        p.state = State.RUNNABLE;
    }

    /** Lets one process compute until it needs the outside world. */
    private RunOutcome step(Proc p) {
        Request r = p.pending != null ? p.pending : p.machine.advance();
        p.pending = null;
        switch (r) {
            case Request.Send s -> {
                emit(new RunEvent.SendOffered(now, p.id, s.port(), channelOf(p, s.port()).model.id(), s.value()));
                register(p, List.of(new Entry(p, -1, s.port(), s.value(), new Endpoint(p.id, s.port()))), true);
            }
            case Request.Call c -> {
                emit(new RunEvent.SendOffered(now, p.id, c.port(), channelOf(p, c.port()).model.id(), c.value()));
                register(p, List.of(new Entry(p, -1, c.port(), c.value(), new Endpoint(p.id, c.port()))), true);
            }
            case Request.Recv rv ->
                    register(p, List.of(new Entry(p, -1, rv.port(), null, new Endpoint(p.id, rv.port()))), false);
            case Request.Reply rp -> {
                Proc client = p.toAnswer.remove(rp.port());
                if (!gate()) {
                    return new RunOutcome.Stopped();
                }
                Chan c = channelOf(p, rp.port());
                emit(new RunEvent.Transfer(now, c.model.id(), new Endpoint(p.id, rp.port()),
                        client.entries.isEmpty() ? null : client.entries.getFirst().endpoint(), rp.value()));
                String clientPort = client.entries.getFirst().port();
                client.entries.clear();
                client.server = null;
                emit(new RunEvent.Received(now, client.id, clientPort, c.model.id(), rp.value()));
                client.machine.resume(rp.value());
                client.state = State.RUNNABLE;
                p.machine.resume();
            }
            case Request.Select sel -> select(p, sel);
            case Request.Sleep sl -> {
                emit(new RunEvent.Slept(now, p.id, sl.millis()));
                p.state = State.SLEEPING;
                p.afterIndex = -1;
                p.wakeAt = now + TimeUnit.MILLISECONDS.toNanos(sl.millis());
            }
            case Request.Print pr -> {
                emit(new RunEvent.Printed(now, p.id, p.label, pr.text()));
                p.machine.resume();
            }
            case Request.Yield y -> p.machine.resume();
            case Request.Done d -> {
                emit(new RunEvent.Ended(now, p.id));
                p.state = State.ENDED;
                live--;
            }
            case Request.Failed f -> {
                return failed(p, f.pos(), f.message());
            }
            // runs draw random values (RandomMode.DRAW): only an explorer's machine asks
            case Request.Choose c -> throw new IllegalStateException(p.id + ": a run's machine asked " + c);
        }
        return null;
    }

    private RunOutcome failed(Proc p, Pos pos, String message) {
        p.machine.fail(pos, message);
        p.state = State.ENDED;
        emit(new RunEvent.Failed(now, p.id, pos.line(), pos.column(), message));
        return new RunOutcome.ScriptFailed(p.id, p.label, pos.line(), pos.column(), message);
    }

    private void select(Proc p, Request.Select sel) {
        List<Entry> reads = new ArrayList<>();
        List<Entry> writes = new ArrayList<>();
        p.afterIndex = -1;
        long after = -1;
        for (int i = 0; i < sel.offers().size(); i++) {
            switch (sel.offers().get(i)) {
                case Request.RecvOffer ro -> reads.add(new Entry(p, i, ro.port(), null, new Endpoint(p.id, ro.port())));
                case Request.SendOffer so -> {
                    emit(new RunEvent.SendOffered(now, p.id, so.port(), channelOf(p, so.port()).model.id(), so.value()));
                    writes.add(new Entry(p, i, so.port(), so.value(), new Endpoint(p.id, so.port())));
                }
                case Request.AfterOffer ao -> {
                    p.afterIndex = i;
                    after = ao.millis();
                }
            }
        }
        List<WaitOn> on = new ArrayList<>();
        boolean ready = false;
        for (int i = 0; i < sel.offers().size(); i++) {
            for (Entry e : reads) {
                if (e.guard() == i) {
                    Chan c = channelOf(p, e.port());
                    c.readers.add(e);
                    p.entries.add(e);
                    on.add(WaitOn.recv(c.model.id(), e.port()));
                    ready |= !c.buffer.isEmpty() || !c.writers.isEmpty();
                }
            }
            for (Entry e : writes) {
                if (e.guard() == i) {
                    Chan c = channelOf(p, e.port());
                    c.writers.add(e);
                    p.entries.add(e);
                    on.add(WaitOn.send(c.model.id(), e.port()));
                    ready |= !c.readers.isEmpty() || (c.capacity > 0 && c.buffer.size() < c.capacity);
                }
            }
        }
        p.waits = on;
        if (after >= 0) {
            p.wakeAt = now + TimeUnit.MILLISECONDS.toNanos(after);
            p.state = p.entries.isEmpty() ? State.SLEEPING : State.WAITING;
        } else {
            p.state = State.WAITING;
        }
        if (!ready && !on.isEmpty()) {
            emit(new RunEvent.Blocked(now, p.id, on));
        }
    }

    private void register(Proc p, List<Entry> entries, boolean write) {
        Entry e = entries.getFirst();
        Chan c = channelOf(p, e.port());
        boolean ready;
        if (write) {
            c.writers.add(e);
            ready = !c.readers.isEmpty() || (c.capacity > 0 && (c.buffer.size() < c.capacity || c.unbounded));
            p.waits = List.of(WaitOn.send(c.model.id(), e.port()));
        } else {
            c.readers.add(e);
            ready = !c.buffer.isEmpty() || !c.writers.isEmpty();
            p.waits = List.of(WaitOn.recv(c.model.id(), e.port()));
        }
        p.entries.add(e);
        p.state = State.WAITING;
        if (!ready) {
            emit(new RunEvent.Blocked(now, p.id, p.waits));
        }
    }

    /** The seeded choice: a move, and a channel's kind of communication and parties, at random. */
    private final class Seeded implements Scheduler {
        @Override
        public Move pick(List<Proc> runnable, List<Chan> enabled) {
            int pick = random.nextInt(runnable.size() + enabled.size());
            return pick < runnable.size() ? new Move.Step(runnable.get(pick)) : transfer(enabled.get(pick - runnable.size()));
        }

        /** One communication on an enabled channel, its parties chosen at random among those waiting. */
        private Move transfer(Chan c) {
            List<Integer> kinds = new ArrayList<>(2);
            if (c.canTake()) {
                kinds.add(0);
            }
            if (c.canPut()) {
                kinds.add(1);
            }
            if (c.canHandOver()) {
                kinds.add(2);
            }
            int kind = kinds.get(kinds.size() == 1 ? 0 : random.nextInt(kinds.size()));
            switch (kind) {
                case 0 -> {
                    return new Move.Take(c, c.readers.get(random.nextInt(c.readers.size())));
                }
                case 1 -> {
                    return new Move.Put(c, c.writers.get(random.nextInt(c.writers.size())));
                }
                default -> {
                    Entry w;
                    Entry r;
                    do { // canHandOver() made sure a pair of two different processes exists
                        w = c.writers.get(random.nextInt(c.writers.size()));
                        r = c.readers.get(random.nextInt(c.readers.size()));
                    } while (w.proc() == r.proc());
                    return new Move.HandOver(c, w, r);
                }
            }
        }
    }

    private RunOutcome take(Chan c, Entry r) throws InterruptedException {
        Held h = c.buffer.poll();
        emit(new RunEvent.Buffer(now, c.model.id(), c.buffer.size()));
        gateOrStop();
        emit(new RunEvent.Transfer(now, c.model.id(), h.from(), r.endpoint(), h.value()));
        deliver(r, h.value());
        return null;
    }

    private RunOutcome put(Chan c, Entry w) {
        if (c.buffer.size() >= c.capacity) {
            withdraw(w.proc());
            return failed(w.proc(), w.proc().machine.pendingPos(),
                    "channel '" + c.model.id() + "' holds more than " + c.capacity
                            + " waiting messages (limit); a reader is not keeping up with its writers");
        }
        c.buffer.add(new Held(w.value(), w.endpoint()));
        emit(new RunEvent.Buffer(now, c.model.id(), c.buffer.size()));
        sent(w);
        return null;
    }

    private RunOutcome handOver(Chan c, Entry w, Entry r) throws InterruptedException {
        gateOrStop();
        emit(new RunEvent.Transfer(now, c.model.id(), w.endpoint(), r.endpoint(), w.value()));
        if (c.model.kind() == ChannelKind.CALL) {
            Proc client = w.proc();
            withdraw(client);
            client.entries.add(w); // remembered for the reply
            client.server = r.proc();
            client.waits = List.of(WaitOn.reply(c.model.id(), w.port(), r.proc().id));
            r.proc().toAnswer.put(r.port(), client);
            emit(new RunEvent.Blocked(now, client.id, client.waits));
        } else {
            sent(w);
        }
        deliver(r, w.value());
        return null;
    }

    private void sent(Entry w) {
        Proc p = w.proc();
        withdraw(p);
        p.wakeAt = -1;
        if (w.guard() >= 0) {
            p.machine.resumeSelect(w.guard(), null);
            p.afterIndex = -1;
        } else {
            p.machine.resume();
        }
        p.state = State.RUNNABLE;
    }

    private void deliver(Entry r, Object value) {
        Proc p = r.proc();
        withdraw(p);
        p.wakeAt = -1;
        Chan c = channelOf(p, r.port());
        emit(new RunEvent.Received(now, p.id, r.port(), c.model.id(), value));
        if (r.guard() >= 0) {
            p.machine.resumeSelect(r.guard(), value);
            p.afterIndex = -1;
        } else {
            p.machine.resume(value);
        }
        p.state = State.RUNNABLE;
    }

    /** Takes all of a process's offers off their channels. */
    private void withdraw(Proc p) {
        for (Entry e : p.entries) {
            Chan c = channelOf(p, e.port());
            c.readers.remove(e);
            c.writers.remove(e);
        }
        p.entries.clear();
    }

    Chan channelOf(Proc p, String port) {
        return chanById.get(p.ports.get(port).channel());
    }

    private boolean gate() {
        try {
            options.pacing().awaitTransfer();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void gateOrStop() throws InterruptedException {
        options.pacing().awaitTransfer();
    }

    private RunOutcome deadlock() {
        Map<String, List<WaitOn>> waits = new LinkedHashMap<>();
        Set<String> ended = new HashSet<>();
        for (Proc p : procs) {
            if (p.state == State.ENDED) {
                ended.add(p.id);
            } else {
                waits.put(p.id, p.waits);
            }
        }
        var d = new WaitForGraph(plan.network()).diagnose(waits, ended, lastPartner);
        emit(new RunEvent.Deadlock(now, d));
        return new RunOutcome.Deadlocked(d);
    }

    private void emit(RunEvent e) {
        scheduler.observe(e);
        if (e instanceof RunEvent.Transfer t) {
            lastPartner.put(t.from().process(), t.to().process());
            lastPartner.put(t.to().process(), t.from().process());
        }
        if (sink.enabled() || EventSink.toldAlways(e)) {
            sink.accept(e);
        }
    }

    // ---- Run ----

    /** The channel with this id, or null; for a scheduler explaining why a move cannot happen. */
    Chan chan(String id) {
        return chanById.get(id);
    }

    /** The current virtual time, for a scheduler that predicts events. */
    long now() {
        return now;
    }

    @Override
    public void stop() {
        stopRequested = true;
        Thread d = driver;
        if (d != null) {
            d.interrupt();
        }
    }

    @Override
    public RunOutcome await() throws InterruptedException {
        terminated.await();
        return outcome;
    }

    @Override
    public Optional<RunOutcome> await(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS) ? Optional.of(outcome) : Optional.empty();
    }

    @Override
    public Optional<RunOutcome> outcome() {
        return terminated.getCount() == 0 ? Optional.of(outcome) : Optional.empty();
    }

    @Override
    public Pacing pacing() {
        return options.pacing();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (!started) {
                return;
            }
        }
        stop();
        boolean interrupted = false;
        while (true) {
            try {
                terminated.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
