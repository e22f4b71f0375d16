package org.chanvas.model.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.ParsedScript;
import org.chanvas.model.script.ScriptParser;

/**
 * Analysis for an editor that re-analyses after every edit: it keeps the parsed scripts of the last
 * network (keyed by script text, so an unchanged script is not parsed again) and its cycles (reused while
 * the client/server graph has the same structure, e.g. after a move, a relabel or a capacity change), and
 * where each channel end leads (reused for the processes and channels an edit left as they were).
 * Results equal {@link Analysis#of}'s. Not thread-safe: one per editor, used from one thread at a time.
 */
public final class IncrementalAnalyzer {

    private final AnalysisOptions options;
    private final CycleFinder finder;
    private Map<String, ParsedScript> parsed = Map.of();
    /** The last network's resolved channel ends: unchanged processes and channels are not looked up again. */
    private NetworkValidator.Resolution lastResolution;
    private ClientServerGraph lastGraph;
    private FoundCycles lastCycles;

    public IncrementalAnalyzer(AnalysisOptions options) {
        this(options, new ShortestFirstCycleFinder());
    }

    public IncrementalAnalyzer(AnalysisOptions options, CycleFinder finder) {
        this.options = options;
        this.finder = finder;
    }

    /** Validates the network and lists its cycles. */
    public AnalysisResult analyze(Network network) {
        // Only the current scripts are kept, so the cache never outgrows the document.
        Map<String, ParsedScript> previous = parsed;
        Map<String, ParsedScript> current = HashMap.newHashMap(network.processes().size());
        for (Process p : network.processes()) {
            current.computeIfAbsent(p.script(), s -> {
                ParsedScript old = previous.get(s);
                return old != null ? old : ScriptParser.parse(s);
            });
        }
        parsed = current;
        NetworkValidator validator = new NetworkValidator(current::get);
        lastResolution = validator.resolve(network, lastResolution);
        List<Fault> faults = validator.validate(lastResolution);

        ClientServerGraph graph = ClientServerGraph.of(network);
        FoundCycles cycles;
        if (lastGraph != null && graph.sameStructure(lastGraph)) {
            cycles = lastCycles;
        } else {
            cycles = finder.collect(graph, options.cycleLimit());
            lastGraph = graph;
            lastCycles = cycles;
        }
        List<CycleReport> reports = new Justifications(network).judge(cycles.cycles());
        return new AnalysisResult(faults.isEmpty(), faults, reports, cycles.truncated());
    }
}
