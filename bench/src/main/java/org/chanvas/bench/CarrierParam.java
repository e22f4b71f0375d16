package org.chanvas.bench;

import java.lang.management.ManagementFactory;
import jdk.management.VirtualThreadSchedulerMXBean;

/**
 * The carrier count a runtime benchmark runs with, set the way {@code chanvas run --carriers} sets it (the
 * JDK's scheduler MXBean): {@code jvm} keeps the JVM's count (one per core), a number fixes it. {@code chanvas
 * run} uses one carrier while a network only communicates, which every runtime benchmark here does.
 */
final class CarrierParam {

    private CarrierParam() {
    }

    /** Applies the setting; returns the count to put back. */
    static int apply(String carriers) {
        VirtualThreadSchedulerMXBean scheduler =
                ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        int before = scheduler.getParallelism();
        if (!carriers.equals("jvm")) {
            scheduler.setParallelism(Integer.parseInt(carriers));
        }
        return before;
    }

    static void restore(int before) {
        ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class).setParallelism(before);
    }
}
