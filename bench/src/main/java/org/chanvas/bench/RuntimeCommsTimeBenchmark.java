package org.chanvas.bench;

import java.util.concurrent.TimeUnit;
import org.chanvas.runtime.engine.ConcurrentEngine;
import org.chanvas.runtime.engine.Run;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunPlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The whole runtime (interpreter, channels, watch) on CommsTime written as scripts: time per cycle. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class RuntimeCommsTimeBenchmark extends OnCarriers {

    static final int CYCLES = 20_000;

    RunPlan plan;

    @Setup
    public void setup() {
        plan = RuntimeNetworks.commsTime(CYCLES);
    }

    @Benchmark
    @OperationsPerInvocation(CYCLES)
    public Object commsTimeConcurrentEngine() throws InterruptedException {
        try (Run r = new ConcurrentEngine().prepare(plan, RunOptions.defaults())) {
            r.start();
            return r.await();
        }
    }
}
