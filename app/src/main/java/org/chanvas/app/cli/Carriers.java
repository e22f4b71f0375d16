package org.chanvas.app.cli;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.management.VirtualThreadSchedulerMXBean;
import org.chanvas.runtime.engine.ComputeObserver;

/**
 * How many carrier threads run the processes' virtual threads during one run, set through the JDK's supported
 * scheduler MXBean and put back when closed. The scheduler is JVM-wide, which is why this lives in the command
 * line and not in the runtime: only a process that owns its JVM may change it.
 *
 * <p>{@code auto} starts with one carrier and goes back to the JVM's count (one per core) the first time a
 * process spends a whole step budget computing. Most networks mostly communicate, and a hand-off between two
 * carriers costs a wake-up of the other core (about 0.7 µs per unpark on a 2-core virtual machine, against
 * 0.05 µs on one carrier); a network that computes gets every core within one step budget.
 */
final class Carriers implements AutoCloseable {

    /** The virtual-thread scheduler's own ceiling on carriers (jdk.virtualThreadScheduler.maxPoolSize). */
    static final int MAX = 256;

    private final VirtualThreadSchedulerMXBean scheduler;
    private final int before;
    private final boolean adaptive;
    private final AtomicBoolean widened = new AtomicBoolean();

    private Carriers(int carriers, boolean adaptive) {
        this.scheduler = ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        this.before = scheduler.getParallelism();
        this.adaptive = adaptive;
        scheduler.setParallelism(carriers);
    }

    /**
     * Reads {@code auto} or a count from 1 to {@link #MAX}; empty for anything else.
     *
     * @return a factory, so that parsing (before the input is checked) changes nothing yet
     */
    static Optional<Setting> parse(String text) {
        if (text.equals("auto")) {
            return Optional.of(new Setting(0));
        }
        try {
            int n = Integer.parseInt(text.strip());
            return n >= 1 && n <= MAX ? Optional.of(new Setting(n)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A parsed {@code --carriers}: a fixed count, or 0 for auto. */
    record Setting(int count) {

        /** Applies the setting until the returned value is closed. */
        Carriers apply() {
            return count == 0 ? new Carriers(1, true) : new Carriers(count, false);
        }
    }

    /** What the run tells when a process computes: auto widens to the JVM's count once; a fixed count stays. */
    ComputeObserver observer() {
        if (!adaptive || before <= 1) {
            return ComputeObserver.NONE;
        }
        return processId -> {
            if (!widened.get() && widened.compareAndSet(false, true)) {
                scheduler.setParallelism(before);
            }
        };
    }

    @Override
    public void close() {
        scheduler.setParallelism(before);
    }
}
