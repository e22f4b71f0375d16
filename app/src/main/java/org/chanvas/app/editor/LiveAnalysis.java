package org.chanvas.app.editor;

import java.util.ArrayList;
import java.util.List;

import org.chanvas.model.Network;
import org.chanvas.model.analysis.AnalysisOptions;
import org.chanvas.model.analysis.AnalysisResult;
import org.chanvas.model.analysis.CycleReport;
import org.chanvas.model.analysis.Fault;
import org.chanvas.model.analysis.IncrementalAnalyzer;
import org.chanvas.model.analysis.Place;

/**
 * Analyses the document after every edit, with no button: faults and deadlock-prone cycles for the Problems
 * list, the badge and the canvas. The model's incremental analyser reuses the cycles while the client/server
 * graph keeps its structure, so moving boxes costs no cycle search.
 */
public final class LiveAnalysis {

    /** What the editor shows of one analysis. */
    public record Report(List<Problem> problems, List<Problem.Cycle> cycles, boolean truncated) {

        public Report {
            problems = List.copyOf(problems);
            cycles = List.copyOf(cycles);
        }

        /** Cycles not justified (stale ones included): the number the badge shows. */
        public long alarming() {
            return cycles.stream().filter(c -> !c.justified()).count();
        }

        public static Report empty() {
            return new Report(List.of(), List.of(), false);
        }
    }

    private final IncrementalAnalyzer analyzer = new IncrementalAnalyzer(AnalysisOptions.defaults());
    private Network last;
    private Report lastReport = Report.empty();

    /** The report for {@code network}; the same network twice is answered from memory. */
    public Report analyse(Network network) {
        if (network == last) {
            return lastReport;
        }
        AnalysisResult r = analyzer.analyze(network);
        List<Problem> problems = new ArrayList<>();
        for (Fault f : r.faults()) {
            problems.add(toProblem(f));
        }
        List<Problem.Cycle> cycles = new ArrayList<>();
        for (CycleReport c : r.cycles()) {
            cycles.add(new Problem.Cycle(c.processes(), c.channels(), c.justified(), c.note(), c.stale(),
                    c.unrecorded()));
        }
        problems.addAll(cycles);
        last = network;
        lastReport = new Report(problems, cycles, r.truncated());
        return lastReport;
    }

    private static Problem toProblem(Fault f) {
        return switch (f.place()) {
            case Place.InScript(String process, org.chanvas.model.script.Pos pos, int length) ->
                    new Problem.Fault(f.where(), f.message(), process, pos);
            case Place.OfProcess(String process) -> new Problem.Fault(f.where(), f.message(), process, null);
            default -> new Problem.Fault(f.where(), f.message(), null, null);
        };
    }
}
