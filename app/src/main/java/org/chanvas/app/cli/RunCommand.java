package org.chanvas.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import org.chanvas.model.Network;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.engine.ComputeObserver;
import org.chanvas.runtime.engine.ConcurrentEngine;
import org.chanvas.runtime.engine.DeterministicEngine;
import org.chanvas.runtime.engine.Engine;
import org.chanvas.runtime.engine.Run;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.engine.TraceReplay;
import org.chanvas.runtime.event.EventSink;
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
 * on stderr), 4 timeout, 5 script error, 2 invalid input. With a seed the run is deterministic.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a network headless and prints what its processes print.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every process finished", "2:invalid input", "3:deadlock or stuck (diagnosis on stderr)",
                "4:timeout", "5:script error"})
public final class RunCommand implements Callable<Integer> {

    /** Marks the end of the event stream for the printer. */
    private static final RunEvent END = new RunEvent.Timeout(-1);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a *.chanvas.json network")
    Path file;

    @Option(names = "--seed", paramLabel = "N",
            description = "run deterministically with this seed (same seed, same trace)")
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
        Optional<Network> loaded = NetworkInput.load(file, err);
        if (loaded.isEmpty()) {
            return 2;
        }
        Network network = loaded.get();
        RunPlan plan;
        try {
            plan = RunPlan.compile(network, ScriptParser::parse);
        } catch (RunPlan.InvalidPlanException e) {
            for (String p : e.problems()) {
                err.println(file + ": " + p);
            }
            return 2;
        }
        if (replay != null) {
            return replay(plan, out, err);
        }
        BufferedWriter traceOut = null;
        if (trace != null) {
            try {
                traceOut = Files.newBufferedWriter(trace, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("chanvas run: cannot write the trace " + trace + ": " + e.getMessage());
                return 2;
            }
        }
        // Set before the run's first virtual thread (the printer), so no second carrier is even started; a seeded
        // run is one thread whatever the carriers, so it leaves the scheduler alone.
        try (Carriers c = seed != null ? null : carrierSetting.get().apply()) {
            return run(plan, c == null ? ComputeObserver.NONE : c.observer(), out, err, traceOut);
        } finally {
            if (traceOut != null) {
                try {
                    traceOut.close();
                } catch (IOException e) {
                    err.println("chanvas run: cannot finish the trace " + trace + ": " + e.getMessage());
                }
            }
        }
    }

    private int run(RunPlan plan, ComputeObserver compute, PrintWriter out, PrintWriter err,
                    BufferedWriter traceOut) {
        // An unbounded queue: a process adding to it never waits for the terminal.
        LinkedBlockingQueue<RunEvent> events = new LinkedBlockingQueue<>();
        // Without a trace only prints are shown, so the engine is spared building an event for every move.
        EventSink sink = traceOut != null ? events::add : new EventSink() {
            @Override
            public void accept(RunEvent event) {
                events.add(event);
            }

            @Override
            public boolean enabled() {
                return false;
            }
        };
        long timeoutMillis = timeoutSeconds == null ? 0 : Math.max(1, Math.round(timeoutSeconds * 1000));
        long runSeed = seed != null ? seed : System.nanoTime();
        RunOptions options = RunOptions.defaults().withSeed(runSeed).withTimeout(timeoutMillis).withSink(sink);
        Engine engine = seed != null ? new DeterministicEngine() : new ConcurrentEngine();
        TraceWriter traceWriter = traceOut == null ? null : new TraceWriter(traceOut);
        String[] traceFault = new String[1];
        Thread printer = Thread.ofVirtual().name("chanvas-run-printer").start(() -> {
            try {
                while (true) {
                    RunEvent e = events.take();
                    if (e == END) {
                        return;
                    }
                    if (e instanceof RunEvent.Printed p) {
                        out.println(p.label() + ": " + p.text());
                    }
                    if (traceWriter != null && traceFault[0] == null) {
                        try {
                            traceWriter.write(e);
                        } catch (IOException io) {
                            traceFault[0] = io.getMessage();
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
        events.add(END);
        try {
            printer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        if (traceFault[0] != null) {
            err.println("chanvas run: cannot write the trace " + trace + ": " + traceFault[0]);
        }
        switch (outcome) {
            case RunOutcome.Finished f -> {
            }
            case RunOutcome.Deadlocked d -> err.print(d.diagnosis().describe());
            case RunOutcome.TimedOut t -> err.println("timeout: the run did not end within " + timeoutSeconds + " s");
            case RunOutcome.ScriptFailed f -> err.println(f.describe());
            case RunOutcome.Stopped s -> err.println("stopped");
        }
        err.flush();
        return outcome.exitCode();
    }

    /**
     * {@code --replay}: the trace's moves through the semantics, printed as a run prints; the first line that
     * cannot happen is named and exits 2. A trace without random lines lets the scripts draw from --seed (0).
     */
    private int replay(RunPlan plan, PrintWriter out, PrintWriter err) {
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
            return new RunOutcome.Stopped().exitCode();
        }
        switch (result) {
            case TraceReplay.Unreadable u -> {
                err.println(replay + ": " + u.malformed().describe());
                return 2;
            }
            case TraceReplay.Diverged d -> {
                printed(d.events(), out);
                err.println(replay + ": " + d.message());
                return 2;
            }
            case TraceReplay.Replayed r -> {
                printed(r.events(), out);
                switch (r.outcome()) {
                    case RunOutcome.Deadlocked dl -> err.print(dl.diagnosis().describe());
                    case RunOutcome.TimedOut t -> err.println("timeout: the recorded run reached its time limit");
                    case RunOutcome.ScriptFailed f -> err.println(f.describe());
                    case RunOutcome.Stopped st -> err.println("stopped: the trace ends before the run did");
                    default -> {
                    }
                }
                err.flush();
                return r.outcome().exitCode();
            }
        }
    }

    private static void printed(java.util.List<RunEvent> events, PrintWriter out) {
        for (RunEvent e : events) {
            if (e instanceof RunEvent.Printed p) {
                out.println(p.label() + ": " + p.text());
            }
        }
        out.flush();
    }
}
