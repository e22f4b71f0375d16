package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.runtime.Nets.net;

import java.time.Duration;
import java.util.List;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.junit.jupiter.api.Test;

/** Whole networks on the concurrent engine: outcomes, prints, errors, stopping. */
class ConcurrentEngineTest {

    static final Duration LIMIT = Duration.ofSeconds(20);

    static RunOutcome run(Nets n, EventQueue q) throws InterruptedException {
        try (Run r = new ConcurrentEngine().prepare(n.plan(), RunOptions.defaults().withSink(q))) {
            r.start();
            return r.await(LIMIT).orElseThrow(() -> new AssertionError("run did not end"));
        }
    }

    static List<String> prints(EventQueue q) {
        return q.drain().stream().filter(e -> e instanceof RunEvent.Printed).map(e -> {
            RunEvent.Printed p = (RunEvent.Printed) e;
            return p.label() + ": " + p.text();
        }).toList();
    }

    @Test
    void producerConsumerWithKillMessage() throws Exception {
        Nets n = net()
                .process("producer", "for i in 0..4 {\n  send out \"Message {i}\"\n}\nsend out \"kill\"")
                .process("consumer", "forever {\n  m = recv in\n  if m == \"kill\" { stop }\n  print m\n}")
                .kind("q", ChannelKind.UNBOUNDED, 0, "producer.out", "consumer.in");
        EventQueue q = new EventQueue();
        assertThat(run(n, q)).isEqualTo(new RunOutcome.Finished());
        assertThat(prints(q)).containsExactly("consumer: Message 0", "consumer: Message 1", "consumer: Message 2",
                "consumer: Message 3");
    }
}
