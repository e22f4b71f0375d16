package org.chanvas.bench.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.chanvas.app.editor.run.RunSession;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.engine.SeededScheduler;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.interp.RandomMode;
import org.chanvas.runtime.semantics.Move;
import org.chanvas.runtime.semantics.Semantics;
import org.chanvas.runtime.semantics.State;
import org.chanvas.runtime.semantics.Timing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Moves per second of the editor's run at instant speed: the stepping code the editor's driver thread runs
 * ({@link RunSession#advance}: the seeded scheduler, the semantics and the history with its checkpoints),
 * beside the bare semantics and scheduler without history, on an endless ping-pong and on a token ring.
 * Run: {@code java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main EditorRunBench}
 */
@org.openjdk.jmh.annotations.State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EditorRunBench {

    /** "ring-N": a token travels a ring of N processes forever; "pingpong": two processes, printing. */
    @Param({"pingpong", "ring-500"})
    public String network;

    private RunSession session;
    private Semantics semantics;
    private State state;
    private SeededScheduler scheduler;

    @Setup(Level.Iteration)
    public void setUp() throws RunPlan.InvalidPlanException {
        Network n = network.equals("pingpong") ? pingPong() : ring(Integer.parseInt(network.substring(5)));
        RunPlan plan = RunPlan.compile(n, ScriptParser::parse);
        session = new RunSession(plan, 42);
        RunOptions o = RunOptions.defaults();
        semantics = new Semantics(plan, new Semantics.Options(Timing.TIMED, 42, o.stepBudget(), o.unboundedLimit(),
                RandomMode.ASK));
        state = semantics.initial();
        scheduler = new SeededScheduler(42);
    }

    /** One move as the editor's driver makes it, history included. */
    @Benchmark
    public Object editorMove() {
        return session.advance(false);
    }

    /** One move of the seeded engine's loop, for comparison: what the history costs. */
    @Benchmark
    public Move bareMove() {
        Move m = scheduler.pick(semantics, state);
        semantics.apply(state, m, EventSink.NONE);
        return m;
    }

    static Network pingPong() {
        return new Network("", "", List.of(
                new Process("ping", 100, 100, "n = 0\nforever {\n  send out n\n  n = recv in\n  print \"got {n}\"\n}"),
                new Process("pong", 400, 100, "forever {\n  v = recv in\n  send out v + 1\n}")),
                List.of(new Channel("a", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("ping", "out")),
                                List.of(new Endpoint("pong", "in"))),
                        new Channel("b", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("pong", "out")),
                                List.of(new Endpoint("ping", "in")))),
                List.of(), Map.of());
    }

    static Network ring(int n) {
        List<Process> ps = new ArrayList<>();
        List<Channel> cs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String script = i == 0 ? "send out 0\nforever {\n  v = recv in\n  send out v + 1\n}"
                    : "forever {\n  v = recv in\n  send out v\n}";
            ps.add(new Process("p" + i, 100 + 60 * (i % 40), 100 + 60 * (i / 40), script));
            cs.add(new Channel("c" + i, ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("p" + i, "out")),
                    List.of(new Endpoint("p" + ((i + 1) % n), "in"))));
        }
        return new Network("", "", ps, cs, List.of(), Map.of());
    }
}
