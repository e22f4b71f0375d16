package org.chanvas.runtime.channel;

import java.lang.management.ManagementFactory;
import jdk.management.VirtualThreadSchedulerMXBean;

/**
 * Whether other virtual threads are queued for a carrier, read from the JDK's supported scheduler MXBean.
 * A waiting thread spins only while nobody else wants a carrier: spinning keeps both partners of a hand-off
 * mounted, so the wake-up costs a store instead of a scheduler round trip (on a virtual machine, a park and
 * unpark across carriers costs microseconds, mostly waking the idle carrier); but spinning while others are
 * queued would hold a carrier they need.
 */
final class SchedulerLoad {

    private SchedulerLoad() {
    }

    /** Resolved once: the bean is a JVM-wide read-only view, and looking it up costs tens of milliseconds. */
    private static final class Holder {
        static final VirtualThreadSchedulerMXBean BEAN = lookup();

        private static VirtualThreadSchedulerMXBean lookup() {
            try {
                return ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
            } catch (RuntimeException | LinkageError e) {
                return null; // a runtime image without jdk.management: never spin, park at once
            }
        }
    }

    /**
     * True when some virtual thread waits for a carrier, when there is no other carrier for a partner to run
     * on (spinning could only delay it), or when that cannot be known.
     */
    static boolean othersQueued() {
        VirtualThreadSchedulerMXBean bean = Holder.BEAN;
        return bean == null || bean.getParallelism() < 2 || bean.getQueuedVirtualThreadCount() > 0;
    }
}
