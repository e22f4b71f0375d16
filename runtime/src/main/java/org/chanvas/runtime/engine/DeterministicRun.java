package org.chanvas.runtime.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.interp.RandomMode;
import org.chanvas.runtime.interp.Request;
import org.chanvas.runtime.semantics.Move;
import org.chanvas.runtime.semantics.Semantics;
import org.chanvas.runtime.semantics.State;
import org.chanvas.runtime.semantics.Timing;
import org.chanvas.runtime.watch.Diagnosis;

/**
 * A run of the {@link DeterministicEngine}: one driver thread applies the moves of the {@link Semantics} that a
 * {@link Scheduler} picks (seeded: at random; replay: the trace's), and decides the outcome from the state:
 * finished when every process ended, a script error, a deadlock when nothing can move, a timeout after the
 * options' wall-clock limit, stopped on request.
 */
final class DeterministicRun implements Run {

    /** Picks each next move; the seeded one draws from the run's random source, a replay follows a trace. */
    interface Scheduler {
        /** The next move, or null when nothing is enabled (or, for a replay, nothing fits). */
        Move pick(Semantics semantics, State state);

        /** Sees the initial state once its start events are out. */
        default void begin(Semantics semantics, State state) {
        }

        /** When {@link #pick} gave null: how the run ends instead of the semantics' verdict, or null for it. */
        default RunOutcome instead(State state) {
            return null;
        }
    }

    private enum Phase { NEW, RUNNING, DONE }

    private static final System.Logger LOG = System.getLogger(DeterministicRun.class.getName());

    private final RunOptions options;
    private final EventSink sink;
    private final Semantics semantics;
    private final Scheduler scheduler;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile RunOutcome outcome;
    private volatile boolean stopRequested;
    private Thread driver;
    private Phase phase = Phase.NEW;

    /** A seeded run: random values are moves too, drawn like every other choice and traced. */
    DeterministicRun(RunPlan plan, RunOptions options) {
        this(options, seeded(plan, options, RandomMode.ASK), new SeededScheduler(options.seed()));
    }

    DeterministicRun(RunOptions options, Semantics semantics, Scheduler scheduler) {
        this.options = options;
        this.sink = options.sink();
        this.semantics = semantics;
        this.scheduler = scheduler;
    }

    /** The timed semantics of a run with these options. */
    static Semantics seeded(RunPlan plan, RunOptions options, RandomMode random) {
        // the run's value limits, and one print budget for the whole run
        return new Semantics(plan, new Semantics.Options(Timing.TIMED, options.seed(), options.stepBudget(),
                options.unboundedLimit(), random), options.machineOptions());
    }

    @Override
    public synchronized void start() {
        switch (phase) {
            case RUNNING -> throw new IllegalStateException("a run starts once");
            case DONE -> {
                return; // stopped or closed before it started: the outcome (stopped) is already decided
            }
            case NEW -> {
            }
        }
        phase = Phase.RUNNING;
        driver = Thread.ofPlatform().name("chanvas-deterministic").daemon().start(this::drive);
    }

    private void drive() {
        RunOutcome o;
        try {
            o = loop();
        } catch (InterruptedException e) {
            o = new RunOutcome.Stopped();
        } catch (RuntimeException bug) {
            // A fault of the engine (or of a sink), not of a script: an internal error, its stack trace logged.
            LOG.log(System.Logger.Level.ERROR, "internal error in the deterministic engine (a bug in Chanvas, not in"
                    + " the script)", bug);
            o = new RunOutcome.InternalError("the deterministic engine", String.valueOf(bug));
        }
        finish(o);
    }

    private synchronized void finish(RunOutcome o) {
        outcome = o;
        phase = Phase.DONE;
        terminated.countDown();
    }

    private RunOutcome loop() throws InterruptedException {
        long start = System.nanoTime();
        long limit = options.timeoutMillis() <= 0 ? Long.MAX_VALUE
                : options.timeoutMillis() >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE
                : TimeUnit.MILLISECONDS.toNanos(options.timeoutMillis());
        State state = semantics.initial();
        semantics.started(state, sink);
        scheduler.begin(semantics, state);
        long moves = 0;
        while (true) {
            if (stopRequested || Thread.currentThread().isInterrupted()) {
                return new RunOutcome.Stopped();
            }
            if ((++moves & 255) == 0 && limit != Long.MAX_VALUE && System.nanoTime() - start >= limit) {
                return timedOut(state);
            }
            if (state.failed() >= 0) {
                int p = state.failed();
                Request.Failed f = state.failure();
                return new RunOutcome.ScriptFailed(semantics.processId(p), semantics.label(p), f.pos().line(),
                        f.pos().column(), f.message());
            }
            Move m = scheduler.pick(semantics, state);
            if (m == null) {
                RunOutcome instead = scheduler.instead(state);
                if (instead instanceof RunOutcome.TimedOut) {
                    return timedOut(state);
                }
                if (instead != null) {
                    return instead;
                }
                if (state.running() == 0) {
                    return new RunOutcome.Finished();
                }
                Diagnosis d = semantics.diagnose(state);
                sink.accept(new RunEvent.Deadlock(state.now(), d));
                return new RunOutcome.Deadlocked(d);
            }
            if (communication(m)) {
                options.pacing().awaitTransfer();
            }
            semantics.apply(state, m, sink);
        }
    }

    private RunOutcome timedOut(State state) {
        sink.accept(new RunEvent.Timeout(state.now()));
        return new RunOutcome.TimedOut(options.timeoutMillis());
    }

    private static boolean communication(Move m) {
        return m instanceof Move.HandOver || m instanceof Move.Put || m instanceof Move.Take || m instanceof Move.Reply;
    }

    // ---- Run ----

    @Override
    public void stop() {
        stopRequested = true;
        Thread d;
        synchronized (this) {
            if (phase == Phase.NEW) {
                finish(new RunOutcome.Stopped());
                return;
            }
            d = driver;
        }
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
        stop();
        boolean interrupted = false;
        while (true) {
            try {
                terminated.await();
                Thread d;
                synchronized (this) {
                    d = driver;
                }
                if (d != null) {
                    d.join();
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
}
