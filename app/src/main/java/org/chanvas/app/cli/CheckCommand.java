package org.chanvas.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chanvas.model.Network;
import org.chanvas.model.analysis.Analysis;
import org.chanvas.model.analysis.AnalysisOptions;
import org.chanvas.model.analysis.AnalysisResult;
import org.chanvas.model.analysis.CycleReport;
import org.chanvas.model.analysis.Fault;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadError;
import org.chanvas.model.io.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chanvas check FILE [--json]}: validates a network and lists its deadlock-prone cycles (SPEC §4). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate a network and list its deadlock-prone cycles.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no deadlock-prone cycle (justified ones excepted)", "1:deadlock-prone cycles found",
                "2:invalid input"})
public final class CheckCommand implements Callable<Integer> {

    static final int CLEAN = 0;
    static final int CYCLES = 1;
    static final int INVALID = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a *.chanvas.json network")
    private Path file;

    @Option(names = "--json", description = "print one JSON object instead of text")
    private boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "list at most N cycles (default: ${DEFAULT-VALUE})")
    private int limit = AnalysisOptions.DEFAULT_CYCLE_LIMIT;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 0) {
            err.println("chanvas check: --limit must be 0 or more, not " + limit);
            return INVALID;
        }
        int code;
        switch (ChanvasFormat.read(file)) {
            case LoadResult.Failed failed -> {
                if (json) {
                    out.println(toJson(false, failed.errors().stream().map(CheckCommand::errorEntry).toList(),
                            List.of(), false));
                } else {
                    TerminalText shown = TerminalText.detect();
                    failed.errors().forEach(e -> err.println(shown.line(e.describe())));
                }
                code = INVALID;
            }
            case LoadResult.Loaded loaded -> {
                AnalysisResult result = Analysis.of(loaded.network(), new AnalysisOptions(limit));
                code = !result.valid() ? INVALID : result.hasUnjustifiedCycles() ? CYCLES : CLEAN;
                if (json) {
                    out.println(toJson(result.valid(), result.faults().stream().map(CheckCommand::faultEntry).toList(),
                            result.cycles(), result.truncated()));
                } else {
                    printText(loaded.network(), result, out, err);
                }
            }
        }
        out.flush();
        err.flush();
        return code;
    }

    private void printText(Network network, AnalysisResult result, PrintWriter out, PrintWriter err) {
        String name = file.toString();
        NetworkInput.printFaults(file, result.faults(), err);
        List<CycleReport> cycles = result.cycles();
        if (cycles.isEmpty() && !result.valid()) {
            return; // "no deadlock-prone cycle" would read as a clean bill for a network that cannot run
        }
        if (cycles.isEmpty()) {
            out.println(name + ": " + plural(network.processes().size(), "process")
                    + ", " + plural(network.channels().size(), "channel") + "; no deadlock-prone cycle");
            return;
        }
        long justified = cycles.stream().filter(CycleReport::justified).count();
        long stale = cycles.stream().filter(CycleReport::isStale).count();
        List<String> counts = new ArrayList<>();
        if (justified > 0) {
            counts.add(justified + " justified");
        }
        if (stale > 0) {
            counts.add(stale + " stale");
        }
        out.println(name + ": " + plural(cycles.size(), "deadlock-prone cycle") + (result.truncated() ? "+" : "")
                + (counts.isEmpty() ? "" : " (" + String.join(", ", counts) + ")"));
        for (CycleReport c : cycles) {
            StringBuilder line = new StringBuilder("  ").append(String.join(" → ", c.processes()))
                    .append(" → ").append(c.processes().getFirst())
                    .append("   via ").append(String.join(", ", c.channels()));
            if (c.justified()) {
                line.append("   [justified").append(c.note().isEmpty() ? "" : ": " + c.note()).append(']');
            } else if (c.isStale()) {
                // Counted as unjustified: the note argued about kinds the channels no longer have.
                line.append("   [justification stale: ").append(c.stale())
                        .append(c.note().isEmpty() ? "" : " (its note: " + c.note() + ")").append(']');
            }
            out.println(TerminalText.detect().line(line.toString()));
        }
        if (result.truncated()) {
            out.println("  … more cycles not listed (limit " + limit + "; raise it with --limit)");
        }
        long unrecorded = cycles.stream().filter(c -> c.justified() && c.unrecorded()).count();
        if (unrecorded > 0) {
            out.println("  note: " + plural(unrecorded, "justified cycle") + (unrecorded == 1 ? " has no record of its" : " have no record of their")
                    + " channels' kinds (justified before kinds were kept); re-justify in the editor"
                    + " so that a change of kind is flagged");
        }
        if (stale > 0) {
            out.println("  a stale justification counts as none: fix the channels, or re-justify if the note still"
                    + " holds");
        }
    }

    private static String plural(long n, String word) {
        String many = word.endsWith("s") ? word + "es" : word + "s";
        return n + " " + (n == 1 ? word : many);
    }

    private static Map<String, Object> errorEntry(LoadError e) {
        StringBuilder where = new StringBuilder(e.file());
        if (e.line() > 0) {
            where.append(':').append(e.line());
            if (e.column() > 0) {
                where.append(':').append(e.column());
            }
        }
        if (!e.path().isEmpty()) {
            where.append(' ').append(e.path());
        }
        return entry(where.toString(), e.message());
    }

    private static Map<String, Object> faultEntry(Fault f) {
        return entry(f.where(), f.message());
    }

    private static Map<String, Object> entry(String where, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("where", where);
        m.put("message", message);
        return m;
    }

    private static String toJson(boolean valid, List<Map<String, Object>> errors, List<CycleReport> cycles,
                                 boolean truncated) {
        List<Map<String, Object>> cs = new ArrayList<>();
        for (CycleReport c : cycles) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("processes", c.processes());
            m.put("channels", c.channels());
            m.put("justified", c.justified());
            if (!c.note().isEmpty()) {
                m.put("note", c.note());
            }
            if (c.isStale()) {
                m.put("stale", c.stale());
            } else if (c.justified() && c.unrecorded()) {
                m.put("unrecorded", true);
            }
            cs.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("valid", valid);
        root.put("errors", errors);
        root.put("cycles", cs);
        root.put("truncated", truncated);
        try {
            return new ObjectMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            // Maps of strings, booleans and lists always serialise; this would be a bug in Jackson.
            throw new IllegalStateException(e);
        }
    }
}
