package org.chanvas.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.edit.MoveProcesses;
import org.chanvas.model.edit.Position;
import org.chanvas.model.edit.UndoStack;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What opening, saving and one drag cost on a large drawing: reading and writing a chanvas/1 file of n processes
 * (each with the lecture's worker script) in a ring of n channels, and one move of a tenth of the processes
 * followed by its undo. The editor does the last on every drag's end and the first two on open and save.
 * Run: {@code mvn -q -o -pl bench -am package -DskipTests}, then
 * {@code java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main CodecBench -f 1 -wi 5 -w 2s -i 8 -r 2s
 * -jvmArgs "-Xms512m -Xmx512m"} (a fixed heap: without it the read figures scatter with the machine's GC load).
 * Seen 2026-11-25 on a shared 2-core machine at load 13: read 0.48 ms / 5.9 ms (100 / 1,000 processes), write
 * 0.36 ms / 5.4 ms, move of a tenth plus undo 8 us / 155 us (1.1 ms before the moves looked ids up in a set).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBench {

    private static final String WORKER = """
            forever {
              job = recv work
              if job == "kill" { stop }
              sleep random(1, 10) * 10
              send results "{self} did {job[0]} x {job[1]}"
            }
            """;

    @Param({"100", "1000"})
    public int n;

    private Network network;
    private String text;
    private MoveProcesses move;
    private UndoStack stack;

    @Setup
    public void setUp() {
        List<Process> ps = new ArrayList<>();
        List<Channel> cs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ps.add(new Process("worker" + i, 150 + 250 * (i % 20), 150 + 200 * (i / 20), WORKER));
            cs.add(new Channel("c" + i, ChannelKind.BUFFERED, 2, List.of(new Endpoint("worker" + i, "results")),
                    List.of(new Endpoint("worker" + ((i + 1) % n), "work"))));
        }
        network = new Network("Big ring", "benchmark", ps, cs, List.of(), Map.of());
        text = ChanvasFormat.write(network);
        Map<String, Position> to = new HashMap<>();
        for (int i = 0; i < n; i += 10) {
            to.put("worker" + i, new Position(i, i));
        }
        move = new MoveProcesses(to);
        stack = new UndoStack(network);
        if (!(ChanvasFormat.read(text, "bench") instanceof LoadResult.Loaded)) {
            throw new IllegalStateException("the benchmark network does not load");
        }
    }

    @Benchmark
    public String write() {
        return ChanvasFormat.write(network);
    }

    @Benchmark
    public LoadResult read() {
        return ChanvasFormat.read(text, "bench");
    }

    @Benchmark
    public Network moveAndUndo() {
        stack.execute(move);
        stack.undo();
        return stack.current();
    }
}
