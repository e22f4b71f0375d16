package org.chanvas.bench;

import java.util.concurrent.TimeUnit;

import org.chanvas.model.script.ParsedScript;
import org.chanvas.model.script.ScriptParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How long the editor waits for diagnostics: a typical process script (the lecture's worker), and a
 * long one (1,000 lines) to show the parser stays linear. The editor re-parses on every keystroke.
 * Run: {@code mvn -q -o -pl bench -am package -DskipTests}, then
 * {@code java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main ScriptParserBench -f 1 -wi 5 -w 2s -i 5 -r 2s}.
 * Seen 2026-11-25 on a shared, loaded 2-core machine: about 6 us per worker script, 0.65 ms per 1,000 lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScriptParserBench {

    private static final String WORKER = """
            forever {
              job = recv work
              if job == "kill" { stop }
              sleep random(1, 10) * 10
              send results "{self} did {job[0]} x {job[1]}"
            }
            """;

    private String longScript;

    @Setup
    public void setUp() {
        // 167 copies of the six-line worker inside one loop: about 1,000 lines.
        longScript = "while true {\n" + WORKER.repeat(167) + "}\n";
    }

    @Benchmark
    public ParsedScript workerScript() {
        return ScriptParser.parse(WORKER);
    }

    @Benchmark
    public ParsedScript thousandLines() {
        return ScriptParser.parse(longScript);
    }
}
