package org.chanvas.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceWriter;
import org.chanvas.runtime.explore.BreadthFirstExplorer;
import org.chanvas.runtime.explore.CycleVerdicts;
import org.chanvas.runtime.explore.ExploreListener;
import org.chanvas.runtime.explore.ExploreResult;
import org.chanvas.runtime.explore.Explorer;
import org.chanvas.runtime.explore.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chanvas verify FILE [--json] [--max-states N] [--trace OUT.jsonl]} (SPEC §4, §5): explores every
 * interleaving and proves the network free of deadlock, stuck states and script errors, or prints the shortest
 * path to one, in words and with the diagnosis {@code run} gives; and says what that means for each cycle
 * {@code check} reports (proven safe, or a justification contradicted).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Explore every interleaving: prove the network deadlock-free or show the shortest way into a "
                + "deadlock, stuck state or script error.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:proven free of deadlock, stuck states and script errors", "2:invalid input",
                "3:a deadlock or stuck state is reachable", "5:a script error is reachable",
                "6:inconclusive (state bound reached)"})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a *.chanvas.json network")
    Path file;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--max-states", paramLabel = "N",
            description = "stop after N states, inconclusive (default: ${DEFAULT-VALUE})")
    long maxStates = Explorer.DEFAULT_MAX_STATES;

    @Option(names = "--trace", paramLabel = "OUT.jsonl",
            description = "write the counterexample as a trace, for run --replay and the editor")
    Path trace;

    @Option(names = "--stats", description = "also print states per second and bytes per stored state (stderr)")
    boolean stats;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxStates < 1) {
            err.println("chanvas verify: --max-states must be at least 1, got " + maxStates);
            return 2;
        }
        Optional<RunPlan> compiled = NetworkInput.loadPlan(file, err); // refused in check's words
        if (compiled.isEmpty()) {
            return 2;
        }
        RunPlan plan = compiled.get();
        ExploreListener progress = System.console() != null && System.console().isTerminal() && !json ? new ExploreListener() {
            @Override
            public void progress(long states, long transitions, double seconds) {
                System.err.printf(Locale.ROOT, "\r%,d states, %,.0f states/s ", states, states / seconds);
                System.err.flush();
            }
        } : ExploreListener.NONE;
        ExploreResult r = new BreadthFirstExplorer().explore(plan, maxStates, progress);
        if (progress != ExploreListener.NONE && r.seconds() >= 1) {
            System.err.print("\r\033[K");
        }
        if (trace != null && r.verdict().bad()) {
            try (BufferedWriter w = Files.newBufferedWriter(trace, StandardCharsets.UTF_8)) {
                TraceWriter tw = new TraceWriter(w);
                for (RunEvent e : r.counterexample()) {
                    tw.write(e);
                }
                tw.flush();
            } catch (IOException e) {
                err.println("chanvas verify: cannot write the trace " + trace + ": " + e.getMessage());
                return 2;
            }
        }
        if (stats) {
            err.println(String.format(Locale.ROOT, "stats: %d states in %.3f s, %.0f states/s, %.1f bytes per stored state,"
                    + " heap used %d MB", r.states(), r.seconds(), r.states() / Math.max(1e-9, r.seconds()),
                    r.bytesPerState(), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
        }
        List<String> cycles = CycleVerdicts.lines(plan.network(), r);
        if (json) {
            out.println(toJson(r, cycles));
        } else {
            printText(r, cycles, out);
        }
        out.flush();
        return r.verdict().exitCode();
    }

    private static String describeVerdict(ExploreResult r) {
        String n = String.format(Locale.ROOT, "%,d states, %,d transitions, %.2f s", r.states(), r.transitions(),
                r.seconds());
        return switch (r.verdict()) {
            case DEADLOCK_FREE -> "deadlock-free: no deadlock, stuck state or script error in any interleaving ("
                    + n + ")";
            case DEADLOCK -> "deadlock reachable in " + r.steps().size() + " moves (" + n + ")";
            case STUCK -> "stuck state reachable in " + r.steps().size() + " moves (" + n + ")";
            case ERROR -> "script error reachable in " + r.steps().size() + " moves (" + n + ")";
            case INCONCLUSIVE -> "inconclusive: " + String.join("; ", r.growing()) + " (" + n + ")";
        };
    }

    private void printText(ExploreResult r, List<String> cycles, PrintWriter out) {
        out.println(describeVerdict(r));
        if (r.verdict().bad()) {
            out.println();
            out.println("shortest path:");
            int i = 1;
            for (String s : r.steps()) {
                out.println(String.format(Locale.ROOT, "%3d. %s", i++, s));
            }
            out.println();
            out.print(diagnosisText(r));
        }
        for (String c : cycles) {
            out.println(c);
        }
        for (String a : r.abstractions()) {
            out.println("abstraction: " + a);
        }
    }

    private static String diagnosisText(ExploreResult r) {
        if (r.diagnosis() != null) {
            return r.diagnosis().describe();
        }
        RunEvent.Failed f = r.error();
        return f == null ? "" : "error in " + f.process() + " at " + f.line() + ":" + f.column() + ": " + f.message()
                + "\n";
    }

    private static String toJson(ExploreResult r, List<String> cycles) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("verdict", r.verdict().word());
        o.put("states", r.states());
        o.put("transitions", r.transitions());
        o.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        if (r.verdict().bad()) {
            ArrayNode ce = o.putArray("counterexample");
            try {
                for (RunEvent e : r.counterexample()) {
                    ce.add(mapper.readTree(TraceWriter.json(e)));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the trace writer wrote bad JSON", e);
            }
            o.put("diagnosis", diagnosisText(r));
        }
        ArrayNode a = o.putArray("abstractions");
        r.abstractions().forEach(a::add);
        if (r.verdict() == Verdict.INCONCLUSIVE) {
            ArrayNode g = o.putArray("growing");
            r.growing().forEach(g::add);
        }
        ArrayNode cs = o.putArray("cycles");
        cycles.forEach(cs::add);
        return o.toString();
    }
}
