package org.chanvas.runtime.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.runtime.Nets.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chanvas.runtime.engine.ConcurrentEngine;
import org.chanvas.runtime.engine.Run;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunOutcome;
import org.junit.jupiter.api.Test;

/** Issue 9 item 3 / issue 14: the path from a run to its printer is bounded, and still ends when it should. */
class EventPipeTest {

    static RunEvent printed(int i) {
        return new RunEvent.Printed(i, "p", "p", "line " + i);
    }

    /** Waits (without a clock) until {@code t} parks or ends, and says which. */
    static Thread.State settle(Thread t) {
        Thread.State s;
        while ((s = t.getState()) != Thread.State.WAITING && s != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        return s;
    }

    @Test
    void anEmitterWaitsWhileThePipeIsFullAndGoesOnWhenTheConsumerTakes() throws Exception {
        EventPipe pipe = new EventPipe(3, true);
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 5; i++) {
                pipe.accept(printed(i));
            }
        });
        assertThat(settle(producer)).isEqualTo(Thread.State.WAITING);
        assertThat(pipe.size()).isEqualTo(3);
        List<RunEvent> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.add(pipe.take());
        }
        producer.join();
        assertThat(got).containsExactly(printed(0), printed(1), printed(2), printed(3), printed(4));
    }

    @Test
    void theEventThatEndsARunNeverWaitsNorIsDropped() throws Exception {
        EventPipe pipe = new EventPipe(2, false);
        pipe.accept(printed(0));
        pipe.accept(printed(1));
        pipe.accept(new RunEvent.Timeout(5)); // full, yet in: this thread would otherwise wait for ever
        assertThat(pipe.size()).isEqualTo(3);
        pipe.close();
        assertThat(List.of(pipe.take(), pipe.take(), pipe.take())).containsExactly(printed(0), printed(1),
                new RunEvent.Timeout(5));
        assertThat(pipe.take()).isNull();
    }

    @Test
    void anInterruptedEmitterDropsItsEventAndKeepsTheInterrupt() throws Exception {
        EventPipe pipe = new EventPipe(1, true);
        pipe.accept(printed(0));
        boolean[] stillInterrupted = new boolean[1];
        Thread producer = Thread.ofPlatform().start(() -> {
            pipe.accept(printed(1));
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
        });
        assertThat(settle(producer)).isEqualTo(Thread.State.WAITING);
        producer.interrupt();
        producer.join();
        assertThat(stillInterrupted[0]).isTrue();
        assertThat(pipe.size()).isEqualTo(1);
        assertThat(pipe.take()).isEqualTo(printed(0));
    }

    @Test
    void afterCloseTheConsumerGetsTheRestThenNullAndEmittersNoLongerWait() throws Exception {
        EventPipe pipe = new EventPipe(1, true);
        pipe.accept(printed(0));
        Thread producer = Thread.ofPlatform().start(() -> pipe.accept(printed(1)));
        assertThat(settle(producer)).isEqualTo(Thread.State.WAITING);
        pipe.close();
        producer.join();
        assertThat(pipe.take()).isEqualTo(printed(0));
        assertThat(pipe.take()).isNull();
        pipe.accept(printed(2));
        assertThat(pipe.take()).isNull();
    }

    /**
     * A script printing in a tight loop into a pipe nobody drains (a terminal that does not keep up): it holds
     * at most its capacity, the printer is held, and the time limit still ends the run.
     */
    @Test
    void aTightPrintLoopIsHeldAtTheCapacityAndTheTimeLimitStillEndsTheRun() throws Exception {
        EventPipe pipe = new EventPipe(1000, false);
        var plan = net().process("loud", "i = 0\nforever {\n print i\n i = i + 1\n}").plan();
        try (Run r = new ConcurrentEngine().prepare(plan, RunOptions.defaults().withSink(pipe).withTimeout(200))) {
            r.start();
            assertThat(r.await(Duration.ofSeconds(30))).contains(new RunOutcome.TimedOut(200));
        }
        assertThat(pipe.size()).isEqualTo(1001); // a thousand prints, then the timeout that ended the run
        pipe.close();
        for (int i = 0; i < 1000; i++) {
            assertThat(pipe.take()).isInstanceOf(RunEvent.Printed.class);
        }
        assertThat(pipe.take()).isInstanceOf(RunEvent.Timeout.class);
    }
}
