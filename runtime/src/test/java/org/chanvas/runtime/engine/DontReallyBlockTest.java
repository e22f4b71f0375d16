package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Network;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.watch.WaitOn;
import org.junit.jupiter.api.Test;

/**
 * The lecture's "we don't really block" (examples/dont-really-block): a send on an unbounded queue never waits,
 * so the client passes both sends without waiting and both servers work at once, where client2's calls make
 * the client wait twice and fix the order. Over seeds, on the deterministic engine: no timing involved.
 */
class DontReallyBlockTest {

    private static final int SEEDS = 12;

    private static Network example(String name) {
        return switch (ChanvasFormat.read(ExamplesRunTest.examples().resolve(name + ".chanvas.json"))) {
            case LoadResult.Loaded l -> l.network();
            case LoadResult.Failed f -> throw new AssertionError(f.error().describe());
        };
    }

    private static List<RunEvent> run(Network n, long seed) throws Exception {
        EventQueue q = new EventQueue();
        RunOutcome o;
        try (Run r = new DeterministicEngine().prepare(RunPlan.compile(n, ScriptParser::parse),
                RunOptions.defaults().withSeed(seed).withSink(q).withTimeout(20_000))) {
            r.start();
            o = r.await(Duration.ofSeconds(60)).orElseThrow();
        }
        assertThat(o).as("seed " + seed).isInstanceOfSatisfying(RunOutcome.Deadlocked.class,
                d -> assertThat(d.diagnosis().kind()).isEqualTo("stuck"));
        return q.drain();
    }

    private static List<String> printed(List<RunEvent> events) {
        return events.stream().filter(e -> e instanceof RunEvent.Printed).map(e -> ((RunEvent.Printed) e).text()).toList();
    }

    private static boolean clientWaitsToSend(List<RunEvent> events) {
        return events.stream().anyMatch(e -> e instanceof RunEvent.Blocked b && b.process().equals("client")
                && b.on().stream().anyMatch(w -> w.direction() == WaitOn.Direction.SEND));
    }

    @Test
    void theClientNeverWaitsToSendAndServerTwoMayStartBeforeServerOneHasAnswered() throws Exception {
        Network n = example("dont-really-block");
        List<List<String>> outputs = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<RunEvent> events = run(n, seed);
            assertThat(clientWaitsToSend(events)).as("seed " + seed + ": the client waits on a send").isFalse();
            List<String> out = printed(events);
            assertThat(out).containsExactlyInAnyOrder("Client sent both", "Server 1 got Hello", "Server 2 got Hello",
                    "Hello from server 1", "Hello from server 2");
            assertThat(out.indexOf("Client sent both")).isLessThan(out.indexOf("Hello from server 1"));
            outputs.add(out);
        }
        // Both servers at work at once: server 2 has its request before server 1's reply has reached the client.
        assertThat(outputs).anyMatch(o -> o.indexOf("Server 2 got Hello") < o.indexOf("Hello from server 1"));
        // The client may even be past both sends before either server has taken its request.
        assertThat(outputs).anyMatch(o -> o.getFirst().equals("Client sent both"));
    }

    @Test
    void onRendezvousChannelsTheSameClientDoesWaitToSend() throws Exception {
        Network n = example("dont-really-block");
        for (String c : List.of("req1", "req2", "rep1", "rep2")) {
            n = n.mapChannel(c, ch -> ch.withKind(ChannelKind.RENDEZVOUS, 0));
        }
        boolean waited = false;
        for (long seed = 1; seed <= SEEDS; seed++) {
            waited |= clientWaitsToSend(run(n, seed));
        }
        assertThat(waited).as("a rendezvous send waits for its reader in some run").isTrue();
    }

    @Test
    void client2BlocksTwiceSoItsOrderIsFixed() throws Exception {
        Network n = example("client2");
        for (long seed = 1; seed <= SEEDS; seed++) {
            assertThat(printed(run(n, seed))).as("seed " + seed).containsExactly("Server 1 got Hello",
                    "Hello from server 1", "Server 2 got Hello", "Hello from server 2");
        }
    }
}
