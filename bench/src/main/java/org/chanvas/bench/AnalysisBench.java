package org.chanvas.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.analysis.Analysis;
import org.chanvas.model.analysis.AnalysisOptions;
import org.chanvas.model.analysis.AnalysisResult;
import org.chanvas.model.analysis.ClientServerGraph;
import org.chanvas.model.analysis.FoundCycles;
import org.chanvas.model.analysis.IncrementalAnalyzer;
import org.chanvas.model.analysis.ShortestFirstCycleFinder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Speed of the static analysis (graph, cycles, validation). Targets: a 10,000-process / 40,000-channel
 * network analysed in under 100 ms; re-analysis after a one-channel edit of a 200-process network in
 * under 2 ms. Run (see the final report of branch analysis):
 * {@code java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main AnalysisBench -wi 3 -i 5 -f 1}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnalysisBench {

    /**
     * Random networks with a fixed seed: n processes, 4n rendezvous channels between random processes
     * (self-loops allowed), each end on its own port, and scripts that use every port the right way. The
     * last channel is left out of {@code base} and added in {@code edited}: its ports are in the scripts
     * already, as when a person draws a channel between ports they wrote, so the edit is one channel.
     */
    record Generated(Network base, Network edited) {

        static Generated of(int processes, long seed) {
            Random random = new Random(seed);
            int channels = 4 * processes;
            List<StringBuilder> scripts = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                scripts.add(new StringBuilder("forever {\n"));
            }
            List<Channel> cs = new ArrayList<>(channels);
            for (int k = 0; k < channels; k++) {
                int w = random.nextInt(processes);
                int r = random.nextInt(processes);
                scripts.get(r).append("  m = recv i").append(k).append('\n');
                scripts.get(w).append("  send o").append(k).append(" m\n");
                cs.add(new Channel("c" + k, ChannelKind.RENDEZVOUS, 0,
                        List.of(new Endpoint(name(w), "o" + k)), List.of(new Endpoint(name(r), "i" + k))));
            }
            List<Process> ps = new ArrayList<>(processes);
            for (int i = 0; i < processes; i++) {
                ps.add(new Process(name(i), 0, 0, scripts.get(i).append("}\n").toString()));
            }
            Network edited = new Network("generated", "", ps, cs, List.of(), Map.of());
            return new Generated(edited.withChannels(cs.subList(0, channels - 1)), edited);
        }

        private static String name(int i) {
            return "p%05d".formatted(i);
        }
    }

    /** The large network, analysed from scratch. */
    @State(Scope.Benchmark)
    public static class Large {
        Network network;
        ClientServerGraph graph;

        @Setup
        public void setUp() {
            network = Generated.of(10_000, 42).edited();
            graph = ClientServerGraph.of(network);
        }
    }

    /** An editor's analyzer, fed a network and its one-channel edit in turn, so every call follows an edit. */
    public abstract static class Editing {
        Network base;
        Network edited;
        IncrementalAnalyzer analyzer;
        boolean flip;

        void prepare(int processes) {
            Generated g = Generated.of(processes, 7);
            base = g.base();
            edited = g.edited();
            analyzer = new IncrementalAnalyzer(AnalysisOptions.defaults());
            analyzer.analyze(base);
        }

        AnalysisResult next() {
            flip = !flip;
            return analyzer.analyze(flip ? edited : base);
        }
    }

    /** {@link Editing} on 200 processes / 800 channels. */
    @State(Scope.Thread)
    public static class Editing200 extends Editing {
        @Setup
        public void setUp() {
            prepare(200);
        }
    }

    /** {@link Editing} on 10,000 processes / 40,000 channels. */
    @State(Scope.Thread)
    public static class Editing10k extends Editing {
        @Setup
        public void setUp() {
            prepare(10_000);
        }
    }

    /** The complete digraph on 12 processes: millions of cycles, of which the cap keeps 1,000. */
    @State(Scope.Benchmark)
    public static class Complete12 {
        ClientServerGraph graph;

        @Setup
        public void setUp() {
            List<Process> ps = new ArrayList<>();
            List<Channel> cs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ps.add(new Process("p" + (char) ('a' + i), 0, 0, ""));
                for (int j = 0; j < 12; j++) {
                    if (i != j) {
                        cs.add(new Channel("c" + i + "_" + j, ChannelKind.RENDEZVOUS, 0,
                                List.of(new Endpoint("p" + (char) ('a' + i), "o" + j)),
                                List.of(new Endpoint("p" + (char) ('a' + j), "i" + i))));
                    }
                }
            }
            graph = ClientServerGraph.of(new Network("", "", ps, cs, List.of(), Map.of()));
        }
    }

    /** 10k/40k: graph building alone. */
    @Benchmark
    public ClientServerGraph large_graph(Large s) {
        return ClientServerGraph.of(s.network);
    }

    /** 10k/40k: capped cycle search on a built graph. */
    @Benchmark
    public FoundCycles large_cycles(Large s) {
        return new ShortestFirstCycleFinder().collect(s.graph, AnalysisOptions.DEFAULT_CYCLE_LIMIT);
    }

    /** 10k/40k: everything from scratch, parsing all 10,000 scripts included (what {@code chanvas check} does). */
    @Benchmark
    public AnalysisResult large_analyzeFresh(Large s) {
        return Analysis.of(s.network);
    }

    /** 10k/40k: re-analysis after a one-channel edit (scripts unchanged, so not parsed again). */
    @Benchmark
    public AnalysisResult large_reanalyzeAfterEdit(Editing10k s) {
        return s.next();
    }

    /** 200/800: re-analysis after a one-channel edit, as the editor does after every gesture. */
    @Benchmark
    public AnalysisResult small_reanalyzeAfterEdit(Editing200 s) {
        return s.next();
    }

    /** 200/800: everything from scratch. */
    @Benchmark
    public AnalysisResult small_analyzeFresh(Editing200 s) {
        return Analysis.of(s.edited);
    }

    /** K12 capped at 1,000 cycles. */
    @Benchmark
    public FoundCycles complete12_capped(Complete12 s) {
        return new ShortestFirstCycleFinder().collect(s.graph, AnalysisOptions.DEFAULT_CYCLE_LIMIT);
    }
}
