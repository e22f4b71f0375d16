package org.chanvas.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.chanvas.runtime.engine.ComputeObserver;
import org.chanvas.runtime.engine.ConcurrentEngine;
import org.chanvas.runtime.engine.DeterministicEngine;
import org.chanvas.runtime.engine.Engine;
import org.chanvas.runtime.engine.Run;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.event.EventPipe;
import org.chanvas.runtime.engine.TraceReplay;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chanvas run FILE [--seed N] [--timeout S] [--trace OUT.jsonl]} (SPEC §4; {@code --carriers N} is ours),
 * or {@code chanvas run FILE --replay TRACE.jsonl}:
 * runs a network headless,
 * prints each {@code print} as {@code label: text}, and exits 0 all finished, 3 deadlock or stuck (diagnosis
 * on stderr), 4 timeout, 5 script error, 70 internal error, 2 invalid input. With a seed the run is deterministic;
 * without one it draws a fresh seed and names it on stderr; with {@code --carriers} and no seed it runs on threads.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a network headless and prints what its processes print.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every process finished", "2:invalid input", "3:deadlock or stuck (diagnosis on stderr)",
                "4:timeout", "5:script error", "7:the run ended but its trace could not be written",
                "70:internal error (a bug in Chanvas; stack trace logged)"})
public final class RunCommand implements Callable<Integer> {

    /**
     * Events on their way to stdout and the trace at most: a process that prints faster than the terminal
     * takes waits for it (back-pressure) instead of queueing without bound.
     */
    static final int PIPE_CAPACITY = 4096;

    /** A fresh seed is below this: short enough to type back after {@code --seed}. */
    static final long FRESH_SEEDS = 1_000_000_000L;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a *.chanvas.json network")
    Path file;

    @Option(names = "--seed", paramLabel = "N",
            description = "run deterministically with this seed (same seed, same trace); without it, a fresh seed, "
                    + "named on stderr")
    Long seed;

    @Option(names = "--timeout", paramLabel = "S", description = "end the run after S seconds (exit 4)")
    Double timeoutSeconds;

    @Option(names = "--trace", paramLabel = "OUT.jsonl", description = "write every event as a JSON line")
    Path trace;

    @Option(names = "--replay", paramLabel = "TRACE.jsonl",
            description = "re-run a recorded trace or a counterexample move by move (exit 2 if it does not fit)")
    Path replay;

    @Option(names = "--carriers", paramLabel = "auto|N", defaultValue = "auto",
            description = {"carrier threads that run the processes (default: ${DEFAULT-VALUE}).",
                "auto: one while the processes only communicate (a hand-off between cores costs a wake-up), "
                        + "one per core once a process computes; N: exactly N, 1 to 256"})
    String carriers;

    @Option(names = "--runs", paramLabel = "N",
            description = "run N times with seeds 1..N and print how often each outcome happened")
    Integer runs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs != null) {
            return SeededRuns.main(file, runs, timeoutSeconds, out, err);
        }
        if (timeoutSeconds != null && !(timeoutSeconds > 0)) {
            err.println("chanvas run: --timeout must be a positive number of seconds, got " + timeoutSeconds);
            return 2;
        }
        Optional<Carriers.Setting> carrierSetting = Carriers.parse(carriers);
        if (carrierSetting.isEmpty()) {
            err.println("chanvas run: --carriers must be auto or a number from 1 to " + Carriers.MAX + ", got "
                    + carriers);
            return 2;
        }
        Optional<RunPlan> compiled = NetworkInput.loadPlan(file, err); // refused in check's words
        if (compiled.isEmpty()) {
            return 2;
        }
        RunPlan plan = compiled.get();
        if (replay != null) {
            return replay(plan, out, err);
        }
        // Refused when it is the input (it once replaced the network) or cannot be written; exit 7 if it fails later.
        Optional<TraceOutput> traceOutput = trace == null ? Optional.empty()
                : TraceOutput.open(trace, List.of(file), err);
        if (trace != null && traceOutput.isEmpty()) {
            return 2;
        }
        Writer traceOut = traceOutput.map(TraceOutput::writer).orElse(null);
        // Without --seed the run still goes through the seeded engine, on a fresh seed that it names: the real
        // threads of the concurrent engine hand a free message to the same reader every time, so the lecture's
        // races (mult-cons: either consumer may take a message) never showed; the seed repeats the run. An
        // explicit --carriers asks for real threads, for throughput.
        if (seed == null && !spec.commandLine().getParseResult().hasMatchedOption("--carriers")) {
            seed = new SplittableRandom().nextLong(1, FRESH_SEEDS);
            err.println("seed " + seed + " (--seed " + seed + " repeats this run)");
            err.flush();
        }
        // Set before the run's first virtual thread (the printer), so no second carrier is even started; a seeded
        // run is one thread whatever the carriers, so it leaves the scheduler alone.
        try (Carriers c = seed != null ? null : carrierSetting.get().apply()) {
            int code = run(plan, c == null ? ComputeObserver.NONE : c.observer(), out, err, traceOut);
            return traceOutput.isEmpty() || traceOutput.get().finish(err) ? code : TraceOutput.UNWRITTEN;
        } finally {
            traceOutput.ifPresent(TraceOutput::close);
        }
    }

    private int run(RunPlan plan, ComputeObserver compute, PrintWriter out, PrintWriter err,
                    Writer traceOut) {
        // Bounded: memory stays flat and the time limit holds however fast a script prints. Without a trace only
        // prints are shown, so the engine is spared building an event for every move.
        EventPipe events = new EventPipe(PIPE_CAPACITY, traceOut != null);
        long timeoutMillis = timeoutSeconds == null ? 0 : Math.max(1, Math.round(timeoutSeconds * 1000));
        long runSeed = seed != null ? seed : System.nanoTime();
        RunOptions options = RunOptions.defaults().withSeed(runSeed).withTimeout(timeoutMillis).withSink(events);
        Engine engine = seed != null ? new DeterministicEngine() : new ConcurrentEngine();
        TraceWriter traceWriter = traceOut == null ? null : new TraceWriter(traceOut);
        TerminalText shown = TerminalText.detect();
        Thread printer = Thread.ofVirtual().name("chanvas-run-printer").start(() -> {
            try {
                while (true) {
                    RunEvent e = events.take();
                    if (e == null) {
                        return; // closed and drained
                    }
                    if (e instanceof RunEvent.Printed p) {
                        out.println(shown.line(p.label() + ": " + p.text()));
                    }
                    if (traceWriter != null) {
                        try {
                            traceWriter.write(e);
                        } catch (IOException io) {
                            // unreachable: TraceOutput's writer keeps its first fault and reports it (exit 7)
                        }
                    }
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        });
        RunOutcome outcome;
        try (Run r = engine.prepare(plan, options.withCompute(compute))) {
            r.start();
            outcome = r.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new RunOutcome.Stopped();
        }
        events.close();
        try {
            printer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        switch (outcome) {
            case RunOutcome.Finished f -> {
            }
            case RunOutcome.Deadlocked d -> err.print(shown.lines(d.diagnosis().describe()));
            case RunOutcome.TimedOut t -> err.println("timeout: the run did not end within " + timeoutSeconds + " s");
            case RunOutcome.ScriptFailed f -> err.println(shown.line(f.describe()));
            case RunOutcome.InternalError e -> err.println(shown.line(e.describe()));
            case RunOutcome.Stopped s -> err.println("stopped");
        }
        err.flush();
        return exitCode(outcome);
    }

    /** The exit code of each outcome (SPEC §4): the one place that maps them. */
    static int exitCode(RunOutcome outcome) {
        return switch (outcome) {
            case RunOutcome.Finished f -> 0;
            case RunOutcome.Deadlocked d -> 3;
            case RunOutcome.TimedOut t -> 4;
            case RunOutcome.ScriptFailed f -> 5;
            case RunOutcome.InternalError e -> 70; // EX_SOFTWARE of sysexits.h
            case RunOutcome.Stopped s -> 130; // as a shell reports a run ended by Ctrl-C
        };
    }

    /**
     * {@code --replay}: the trace's moves through the semantics, printed as a run prints; the first line that
     * cannot happen is named and exits 2. A trace without random lines lets the scripts draw from --seed (0).
     */
    private int replay(RunPlan plan, PrintWriter out, PrintWriter err) {
        TerminalText shown = TerminalText.detect();
        String text;
        try {
            text = Files.readString(replay, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("chanvas run: cannot read the trace " + replay + ": " + e.getMessage());
            return 2;
        }
        long timeoutMillis = timeoutSeconds == null ? 0 : Math.max(1, Math.round(timeoutSeconds * 1000));
        RunOptions options = RunOptions.defaults().withSeed(seed != null ? seed : 0).withTimeout(timeoutMillis);
        TraceReplay.Result result;
        try {
            result = TraceReplay.replay(plan, text, options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return exitCode(new RunOutcome.Stopped());
        }
        switch (result) {
            case TraceReplay.Unreadable u -> {
                err.println(replay + ": " + u.malformed().describe());
                return 2;
            }
            case TraceReplay.Diverged d -> {
                printed(d.events(), out, shown);
                err.println(replay + ": " + d.message());
                return 2;
            }
            case TraceReplay.Replayed r -> {
                printed(r.events(), out, shown);
                switch (r.outcome()) {
                    case RunOutcome.Deadlocked dl -> err.print(shown.lines(dl.diagnosis().describe()));
                    case RunOutcome.TimedOut t -> err.println("timeout: the recorded run reached its time limit");
                    case RunOutcome.ScriptFailed f -> err.println(shown.line(f.describe()));
                    case RunOutcome.InternalError ie -> err.println(shown.line(ie.describe()));
                    case RunOutcome.Stopped st -> err.println("stopped: the trace ends before the run did");
                    default -> {
                    }
                }
                err.flush();
                return exitCode(r.outcome());
            }
        }
    }

    private static void printed(List<RunEvent> events, PrintWriter out, TerminalText shown) {
        for (RunEvent e : events) {
            if (e instanceof RunEvent.Printed p) {
                out.println(shown.line(p.label() + ": " + p.text()));
            }
        }
        out.flush();
    }
}
