package org.chanvas.bench;

import java.lang.management.ManagementFactory;
import jdk.management.VirtualThreadSchedulerMXBean;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Base of the runtime benchmarks: runs each trial on a carrier count set the way {@code chanvas run
 * --carriers} sets it (the JDK's scheduler MXBean), at trial start, before any carrier exists. {@code jvm}
 * keeps the JVM's count (one per core); {@code 1} is what {@code chanvas run} uses while a network only
 * communicates, which every runtime benchmark here does.
 */
@State(Scope.Benchmark)
public abstract class OnCarriers {

    /** {@code jvm}: the JVM's carriers (one per core); {@code 1}: what {@code chanvas run} uses here. */
    @Param({"jvm", "1"})
    public String carriers;

    private int carriersBefore;

    @Setup(Level.Trial)
    public void setCarriers() {
        VirtualThreadSchedulerMXBean scheduler = scheduler();
        carriersBefore = scheduler.getParallelism();
        if (!carriers.equals("jvm")) {
            scheduler.setParallelism(Integer.parseInt(carriers));
        }
    }

    @TearDown(Level.Trial)
    public void restoreCarriers() {
        scheduler().setParallelism(carriersBefore);
    }

    private static VirtualThreadSchedulerMXBean scheduler() {
        return ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
    }
}
