package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.runtime.Nets.net;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers: networks that deadlock (with their cycle of waits), get stuck, or finish cleanly even
 * though they sleep, compute or wait with a timeout. Each runs on both engines.
 */
class DeadlockTableTest {

    /** expected: "clean", or "deadlock a,b" (the cycle), or "stuck p" (the stuck processes). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("two processes each receive first", net()
                        .process("a", "x = recv in\nsend out 1")
                        .process("b", "y = recv in\nsend out 2")
                        .rendezvous("ab", "a.out", "b.in").rendezvous("ba", "b.out", "a.in"), "deadlock a,b"),
                Arguments.of("three in a ring, all receiving", net()
                        .process("a", "recv in\nsend out 1").process("b", "recv in\nsend out 1")
                        .process("c", "recv in\nsend out 1")
                        .rendezvous("ab", "a.out", "b.in").rendezvous("bc", "b.out", "c.in")
                        .rendezvous("ca", "c.out", "a.in"), "deadlock a,c,b"),
                Arguments.of("sends to itself on a rendezvous", net()
                        .process("p", "send out 1\nrecv in")
                        .rendezvous("loop", "p.out", "p.in"), "deadlock p"),
                Arguments.of("both send first on rendezvous", net()
                        .process("a", "send out 1\nrecv in").process("b", "send out 2\nrecv in")
                        .rendezvous("ab", "a.out", "b.in").rendezvous("ba", "b.out", "a.in"), "deadlock a,b"),
                Arguments.of("buffers only delay it", net()
                        .process("a", "forever { send out 1 }").process("b", "forever { send out 2 }")
                        .kind("ab", ChannelKind.BUFFERED, 3, "a.out", "b.in")
                        .kind("ba", ChannelKind.BUFFERED, 3, "b.out", "a.in"), "deadlock a,b"),
                Arguments.of("consumer after a producer that never sent kill", net()
                        .process("producer", "for i in 0..3 { send out i }")
                        .process("consumer", "forever { m = recv in\nprint m }")
                        .kind("q", ChannelKind.UNBOUNDED, 0, "producer.out", "consumer.in"), "stuck consumer"),
                Arguments.of("writer after its reader ended", net()
                        .process("w", "forever { send out 1 }").process("r", "recv in")
                        .kind("q", ChannelKind.BUFFERED, 2, "w.out", "r.in"), "stuck w"),
                Arguments.of("client after a server that took the call and ended", net()
                        .process("client", "r = call server 1")
                        .process("server", "m = recv in")
                        .kind("c", ChannelKind.CALL, 0, "client.server", "server.in"), "stuck client"),
                Arguments.of("client and server calling each other", net()
                        .process("a", "m = recv in\nr = call out 1\nreply in r")
                        .process("b", "m = recv in\nr = call out 2\nreply in r")
                        .kind("ab", ChannelKind.CALL, 0, "a.out", "b.in")
                        .kind("ba", ChannelKind.CALL, 0, "b.out", "a.in"), "deadlock a,b"),
                Arguments.of("a select whose every guard waits in a cycle", net()
                        .process("a", "select {\n recv in { }\n recv in2 { }\n}\nsend out 1")
                        .process("b", "recv in\nsend out 1\nsend out2 1")
                        .rendezvous("ab", "a.out", "b.in").rendezvous("ba", "b.out", "a.in")
                        .rendezvous("ba2", "b.out2", "a.in2"), "deadlock a,b"),
                Arguments.of("a sleeper wakes and sends", net()
                        .process("a", "sleep 30\nsend out 1").process("b", "x = recv in\nprint x")
                        .rendezvous("ab", "a.out", "b.in"), "clean"),
                Arguments.of("a long computation then a send", net()
                        .process("a", "s = 0\nfor i in 0..200000 { s = s + i }\nsend out s")
                        .process("b", "x = recv in")
                        .rendezvous("ab", "a.out", "b.in"), "clean"),
                Arguments.of("a select with after is not a deadlock", net()
                        .process("a", "select {\n recv in { }\n after 20 { print \"timeout\" }\n}")
                        .process("b", "recv in")
                        .rendezvous("ab", "b.x", "a.in").rendezvous("ba", "a.y", "b.in"),
                        "stuck b"),
                Arguments.of("echo client and server", net()
                        .process("client", "for i in 0..5 { r = call server i\nprint r }\nsend done 0")
                        .process("server", "forever { select {\n recv in as m { reply in m * 2 }\n"
                                + " recv quit { stop }\n} }")
                        .kind("c", ChannelKind.CALL, 0, "client.server", "server.in")
                        .rendezvous("q", "client.done", "server.quit"), "clean"),
                Arguments.of("two consumers on one queue with kill messages", net()
                        .process("producer", "for i in 0..10 { send out i }\nsend out -1\nsend out -1")
                        .process("c1", "forever { m = recv in\nif m < 0 { stop } }")
                        .process("c2", "forever { m = recv in\nif m < 0 { stop } }")
                        .channel("q", ChannelKind.UNBOUNDED, 0, List.of("producer.out"),
                                List.of("c1.in", "c2.in")), "clean"));
    }

    @ParameterizedTest(name = "concurrent: {0}")
    @MethodSource("cases")
    void concurrent(String name, Nets net, String expected) throws Exception {
        check(() -> new ConcurrentEngine(), net, expected);
    }

    @ParameterizedTest(name = "deterministic: {0}")
    @MethodSource("cases")
    void deterministic(String name, Nets net, String expected) throws Exception {
        for (long seed = 0; seed < 5; seed++) {
            long s = seed;
            check(() -> new DeterministicEngine(), net, expected, s);
        }
    }

    static void check(Supplier<Engine> engine, Nets net, String expected) throws Exception {
        check(engine, net, expected, 0);
    }

    static void check(Supplier<Engine> engine, Nets net, String expected, long seed) throws Exception {
        RunOutcome o;
        try (Run r = engine.get().prepare(net.plan(), RunOptions.defaults().withSeed(seed))) {
            r.start();
            o = r.await(Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("did not end"));
        }
        if (expected.equals("clean")) {
            assertThat(o).isEqualTo(new RunOutcome.Finished());
            return;
        }
        assertThat(o).isInstanceOf(RunOutcome.Deadlocked.class);
        Diagnosis d = ((RunOutcome.Deadlocked) o).diagnosis();
        String[] parts = expected.split(" ");
        List<String> names = List.of(parts[1].split(","));
        if (parts[0].equals("deadlock")) {
            assertThat(d.stuck()).as(d.describe()).isFalse();
            assertThat(d.cycle()).as(d.describe()).containsExactlyElementsOf(names);
        } else {
            assertThat(d.stuck()).as(d.describe()).isTrue();
            assertThat(d.cycle()).isEmpty();
            assertThat(d.waiting().stream().filter(Diagnosis.Waiting::stuck).map(Diagnosis.Waiting::process))
                    .as(d.describe()).containsExactlyElementsOf(names);
        }
        for (Diagnosis.Waiting w : d.waiting()) {
            assertThat(w.on()).isNotEmpty();
            for (WaitOn on : w.on()) {
                assertThat(net.network().channel(on.channel())).isPresent();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aDiagnosisNeverHasEmptyFields() {
        Nets n = net().process("p", "recv in").process("s", "sleep 1").process("w", "send out 1")
                .rendezvous("c", "w.out", "p.in");
        var graph = new org.chanvas.runtime.watch.WaitForGraph(n.network());
        java.util.Map<String, List<WaitOn>> waits = new java.util.LinkedHashMap<>();
        waits.put("p", List.of(WaitOn.recv("c", "in")));
        waits.put("s", List.of()); // asleep: it waits on no channel
        Diagnosis d = graph.diagnose(waits, java.util.Set.of("w"));
        assertThat(d.describe()).isEqualTo("""
                stuck: a process waits on a channel whose every peer has ended
                  p waits to receive on in (channel c), but every peer has ended
                  s is not waiting on any channel
                """);
        assertThat(d.waiting()).filteredOn(w -> w.process().equals("s")).allMatch(w -> !w.stuck());
    }

    @org.junit.jupiter.api.Test
    void aCallNoServerHasTakenYetWaitsForTheChannelsServers() {
        Nets n = net().process("client", "r = call srv 1").process("server", "forever { sleep 1 }")
                .kind("c", ChannelKind.CALL, 0, "client.srv", "server.in");
        var graph = new org.chanvas.runtime.watch.WaitForGraph(n.network());
        Diagnosis d = graph.diagnose(java.util.Map.of("client", List.of(WaitOn.reply("c", "srv", null)),
                "server", List.of()), java.util.Set.of());
        assertThat(d.stuck()).isFalse();
        assertThat(graph.diagnose(java.util.Map.of("client", List.of(WaitOn.reply("c", "srv", null))),
                java.util.Set.of("server")).stuck()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aHugeSleepIsClampedAndNeverAFalseStuck() throws Exception {
        Nets n = net().process("p", "sleep 9223372036854775807\nsend out 1").process("q", "x = recv in\nprint x")
                .rendezvous("c", "p.out", "q.in");
        try (Run r = new DeterministicEngine().prepare(n.plan(), RunOptions.defaults().withSeed(1))) {
            r.start();
            assertThat(r.await(Duration.ofSeconds(10))).contains(new RunOutcome.Finished());
        }
    }
}
