package org.chanvas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import jdk.management.VirtualThreadSchedulerMXBean;
import org.junit.jupiter.api.Test;

/** {@code --carriers}: what it accepts, and that auto starts narrow, widens on computing and puts things back. */
class CarriersTest {

    private final VirtualThreadSchedulerMXBean scheduler =
            ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);

    @Test
    void parsesAutoAndCountsWithinTheSchedulersCeiling() {
        assertThat(Carriers.parse("auto")).contains(new Carriers.Setting(0));
        assertThat(Carriers.parse("1")).contains(new Carriers.Setting(1));
        assertThat(Carriers.parse("256")).contains(new Carriers.Setting(256));
        for (String bad : List.of("0", "-1", "257", "two", "", "Auto")) {
            assertThat(Carriers.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void autoRunsOnOneCarrierUntilAProcessComputesThenOnAsManyAsBefore() {
        int before = scheduler.getParallelism();
        try (Carriers c = new Carriers.Setting(0).apply()) {
            assertThat(scheduler.getParallelism()).isEqualTo(1);
            c.observer().computing("cruncher");
            assertThat(scheduler.getParallelism()).isEqualTo(before);
            c.observer().computing("cruncher");
            assertThat(scheduler.getParallelism()).isEqualTo(before);
        }
        assertThat(scheduler.getParallelism()).isEqualTo(before);
    }

    @Test
    void aFixedCountStaysWhateverTheProcessesDo() {
        int before = scheduler.getParallelism();
        try (Carriers c = new Carriers.Setting(3).apply()) {
            assertThat(scheduler.getParallelism()).isEqualTo(3);
            c.observer().computing("cruncher");
            assertThat(scheduler.getParallelism()).isEqualTo(3);
        }
        assertThat(scheduler.getParallelism()).isEqualTo(before);
    }
}
