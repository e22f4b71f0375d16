package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.runtime.Nets.net;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceWriter;
import org.chanvas.runtime.value.Values;
import org.junit.jupiter.api.Test;

/**
 * Exact event orders of small networks on the deterministic engine (recorded once, checked by hand, and
 * asserted event for event), in a short notation: {@code t(ms) kind process details}.
 */
class EventOrderTest {

    static List<RunEvent> events(Nets n, long seed) throws InterruptedException {
        EventQueue q = new EventQueue();
        try (Run r = new DeterministicEngine().prepare(n.plan(), RunOptions.defaults().withSeed(seed).withSink(q))) {
            r.start();
            r.await(Duration.ofSeconds(10)).orElseThrow();
        }
        return q.drain();
    }

    static List<String> brief(Nets n, long seed) throws InterruptedException {
        return events(n, seed).stream().map(EventOrderTest::brief).toList();
    }

    static String brief(RunEvent e) {
        String t = e.nanos() / 1_000_000 + " ";
        return t + switch (e) {
            case RunEvent.Started s -> "start " + s.process();
            case RunEvent.SendOffered s -> "send " + s.process() + "." + s.port() + " " + Values.literal(s.value());
            case RunEvent.Transfer x -> "transfer " + x.channel() + " " + x.from() + "->" + x.to() + " "
                    + Values.literal(x.value());
            case RunEvent.Buffer b -> "buffer " + b.channel() + " " + b.held();
            case RunEvent.Received r -> "recv " + r.process() + "." + r.port() + " " + Values.literal(r.value());
            case RunEvent.Blocked b -> "block " + b.process() + " "
                    + b.on().stream().map(w -> w.direction().word() + ":" + w.port()).collect(Collectors.joining("|"));
            case RunEvent.Printed p -> "print " + p.process() + " " + p.text();
            case RunEvent.Slept s -> "sleep " + s.process() + " " + s.millis();
            case RunEvent.Ended x -> "end " + x.process();
            case RunEvent.Failed f -> "error " + f.process() + " " + f.line() + ":" + f.column();
            case RunEvent.Deadlock d -> d.diagnosis().kind() + " " + d.diagnosis().cycle();
            case RunEvent.Drawn x -> "random " + x.process() + " " + x.value();
            case RunEvent.Timeout x -> "timeout";
        };
    }

    @Test
    void rendezvousHandOver() throws Exception {
        Nets n = net().process("a", "send out \"hi\"").process("b", "x = recv in\nprint x")
                .rendezvous("c", "a.out", "b.in");
        assertThat(brief(n, 1)).containsExactly(
                "0 start a",
                "0 start b",
                "0 block b recv:in",
                "0 send a.out \"hi\"",
                "0 transfer c a.out->b.in \"hi\"",
                "0 recv b.in \"hi\"",
                "0 end a",
                "0 print b hi",
                "0 end b");
        assertThat(events(n, 1).stream().map(TraceWriter::json).toList()).contains(
                "{\"type\":\"block\",\"t\":1000,\"process\":\"b\",\"waits\":[{\"channel\":\"c\",\"port\":\"in\","
                        + "\"direction\":\"recv\"}]}",
                // each move costs a microsecond of virtual time: b's step, a's step, the hand-over
                "{\"type\":\"transfer\",\"t\":3000,\"channel\":\"c\",\"from\":\"a.out\",\"to\":\"b.in\",\"value\":\"hi\"}");
    }

    @Test
    void sleepAndAfterRunInVirtualTime() throws Exception {
        Nets n = net()
                .process("slow", "sleep 300\nsend out 1")
                .process("impatient", "select {\n recv in { print \"early\" }\n after 100 { print \"gave up\" }\n}\n"
                        + "x = recv in\nprint x")
                .rendezvous("c", "slow.out", "impatient.in");
        assertThat(brief(n, 3)).containsExactly(RECORDED_SLEEP);
    }

    static final String[] RECORDED_SLEEP = {
            "0 start slow",
            "0 start impatient",
            "0 sleep slow 300",
            "0 block impatient recv:in",
            "100 print impatient gave up",
            "100 block impatient recv:in",
            "300 send slow.out 1",
            "300 transfer c slow.out->impatient.in 1",
            "300 recv impatient.in 1",
            "300 end slow",
            "300 print impatient 1",
            "300 end impatient"};

    @Test
    void callAndReply() throws Exception {
        Nets n = net()
                .process("client", "r = call srv 20\nprint r")
                .process("server", "m = recv in\nreply in m + 1")
                .kind("s", ChannelKind.CALL, 0, "client.srv", "server.in");
        assertThat(brief(n, 5)).containsExactly(RECORDED_CALL);
    }

    static final String[] RECORDED_CALL = {
            "0 start client",
            "0 start server",
            "0 send client.srv 20",
            "0 block client send:srv",
            "0 transfer s client.srv->server.in 20",
            "0 block client reply:srv",
            "0 recv server.in 20",
            "0 transfer s server.in->client.srv 21",
            "0 recv client.srv 21",
            "0 end server",
            "0 print client 21",
            "0 end client"};

    @Test
    void deadlockEndsTheTrace() throws Exception {
        Nets n = net().process("a", "recv in\nsend out 1").process("b", "recv in\nsend out 1")
                .rendezvous("ab", "a.out", "b.in").rendezvous("ba", "b.out", "a.in");
        assertThat(brief(n, 0)).containsExactly(RECORDED_DEADLOCK);
    }

    static final String[] RECORDED_DEADLOCK = {
            "0 start a",
            "0 start b",
            "0 block b recv:in",
            "0 block a recv:in",
            "0 deadlock [a, b]"};

    @Test
    void bufferSlotsFillAndEmpty() throws Exception {
        Nets n = net().process("w", "send out 1\nsend out 2\nsend out 3")
                .process("r", "sleep 10\nrepeat 3 { x = recv in }")
                .kind("b", ChannelKind.BUFFERED, 2, "w.out", "r.in");
        assertThat(brief(n, 2).stream().filter(l -> !l.contains(" start ") && !l.contains(" end ")).toList())
                .containsExactly(RECORDED_BUFFER);
    }

    static final String[] RECORDED_BUFFER = {
            // a put runs its writer on to its next send: w fills both slots and blocks before r's first step
            "0 send w.out 1",
            "0 buffer b 1",
            "0 send w.out 2",
            "0 buffer b 2",
            "0 send w.out 3",
            "0 block w send:out",
            "0 sleep r 10",
            "10 buffer b 1",
            "10 transfer b w.out->r.in 1",
            "10 recv r.in 1",
            "10 buffer b 2",
            "10 buffer b 1",
            "10 transfer b w.out->r.in 2",
            "10 recv r.in 2",
            "10 buffer b 0",
            "10 transfer b w.out->r.in 3",
            "10 recv r.in 3"};
}
