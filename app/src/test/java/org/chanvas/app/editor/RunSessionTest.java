package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chanvas.app.diagram.ProcessState;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.app.editor.run.RunSession;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.engine.DeterministicEngine;
import org.chanvas.runtime.engine.Run;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.interp.MachineOptions;
import org.chanvas.runtime.semantics.Move;
import org.junit.jupiter.api.Test;

/** The editor's run without a window: the same run as {@code run --seed}, exact history, bounded memory. */
class RunSessionTest {

    static Network example(String stem) {
        Path file = ExampleLibrary.locate().find(stem).orElseThrow();
        return ((LoadResult.Loaded) ChanvasFormat.read(file)).network();
    }

    static RunPlan plan(Network n) throws RunPlan.InvalidPlanException {
        return RunPlan.compile(n, ScriptParser::parse);
    }

    /** A ping-pong that never ends, printing every round. */
    static Network pingPong() {
        return new Network("", "", List.of(
                new Process("ping", 100, 100, "n = 0\nforever {\n  send out n\n  n = recv in\n  print \"got {n}\"\n}"),
                new Process("pong", 400, 100, "forever {\n  v = recv in\n  send out v + 1\n}")),
                List.of(new Channel("a", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("ping", "out")),
                                List.of(new Endpoint("pong", "in"))),
                        new Channel("b", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("pong", "out")),
                                List.of(new Endpoint("ping", "in")))),
                List.of(), Map.of());
    }

    private static List<String> runToEnd(RunSession s) {
        while (s.advance(false) != null) {
            // every move of the run
        }
        return s.prints(-1, s.end(), Integer.MAX_VALUE).stream().map(p -> p.label() + ": " + p.text()).toList();
    }

    @Test
    void aSeedGivesTheRunThatRunDashDashSeedGives() throws Exception {
        for (String stem : List.of("pool-with-results", "select-with-kills", "two-consumers-ten-messages", "dining-philosophers.")) {
            for (long seed = 1; seed <= 5; seed++) {
                RunPlan plan = plan(example(stem));
                RunSession s = new RunSession(plan, seed);
                List<String> editor = runToEnd(s);
                List<String> cli = new ArrayList<>();
                try (Run r = new DeterministicEngine().prepare(plan, RunOptions.defaults().withSeed(seed)
                        .withSink(e -> {
                            if (e instanceof RunEvent.Printed p) {
                                cli.add(p.label() + ": " + p.text());
                            }
                        }))) {
                    r.start();
                    RunOutcome o = r.await();
                    assertThat(editor).as(stem + " seed " + seed).isEqualTo(cli);
                    assertThat(s.outcome().orElseThrow().getClass()).as(stem + " seed " + seed).isEqualTo(o.getClass());
                }
            }
        }
    }

    @Test
    void seekingToAnyMoveShowsExactlyThePictureThatMoveShowedTheFirstTime() throws Exception {
        RunSession s = new RunSession(plan(example("pool-with-results")), 7, new RunSession.Limits(8, 1000, 5000));
        List<RunSession.Picture> seen = new ArrayList<>();
        seen.add(s.picture());
        while (s.advance(false) != null) {
            seen.add(s.picture());
        }
        // the last picture was taken before the run knew it had ended; at its end it also shows how
        seen.set(seen.size() - 1, s.picture());
        assertThat(s.end()).isGreaterThan(20);
        for (long k : new long[] {s.end() - 1, 3, 0, s.end(), 17, 16, 15, 9, 8, 7, 1}) {
            s.seek(k);
            assertThat(s.position()).isEqualTo(k);
            assertThat(s.picture()).as("move " + k).isEqualTo(seen.get((int) k));
        }
    }

    @Test
    void goingBackInARunThatPrintedNearlyItsWholeBudgetDoesNotChargeThePrintsAgain() throws Exception {
        // ten prints of eleven bytes each ("0123456789" and its newline): 110 of a budget of 115
        Network n = new Network("", "", List.of(new Process("talker", 100, 100,
                "repeat 10 {\n  print \"0123456789\"\n  sleep 1\n}")), List.of(), List.of(), Map.of());
        MachineOptions machines = MachineOptions.defaults()
                .withLimits(org.chanvas.runtime.interp.Limits.defaults().withMaxPrintedBytes(115));
        RunSession s = new RunSession(plan(n), 4, new RunSession.Limits(3, 1000, 5000), machines);
        List<RunSession.Picture> seen = new ArrayList<>();
        seen.add(s.picture());
        while (s.advance(false) != null) {
            seen.add(s.picture());
        }
        seen.set(seen.size() - 1, s.picture());
        assertThat(s.outcome()).get().isInstanceOf(RunOutcome.Finished.class);
        assertThat(machines.output().printed()).isEqualTo(110);
        // every return to a checkpoint re-applies its moves, and the chart reads the history again, twice over
        for (int round = 0; round < 2; round++) {
            for (long k : new long[] {0, s.end(), 1, s.end() - 1, 5, s.end()}) {
                s.seek(k);
                assertThat(s.picture()).as("move " + k).isEqualTo(seen.get((int) k));
            }
            List<RunEvent> printed = new ArrayList<>();
            s.replayEvents(0, s.end(), (e, move) -> {
                if (e instanceof RunEvent.Printed) {
                    printed.add(e);
                }
            });
            assertThat(printed).hasSize(10);
            assertThat(s.messages(0, s.end(), 100)).isEmpty();
        }
        assertThat(machines.output().printed()).isEqualTo(110);
    }

    @Test
    void theProducerOfProdConsEndsAndTheConsumerIsLeftWaitingToReceive() throws Exception {
        RunSession s = new RunSession(plan(example("prod-cons.")), 3);
        assertThat(runToEnd(s)).containsExactly("consumer: Message 0", "consumer: Message 1", "consumer: Message 2",
                "consumer: Message 3");
        RunSession.Picture end = s.picture();
        assertThat(end.state("producer")).isEqualTo(ProcessState.FINISHED);
        assertThat(end.state("consumer")).isEqualTo(ProcessState.WAITING_TO_RECEIVE);
        assertThat(end.lines()).containsEntry("consumer", 3).doesNotContainKey("producer"); // line 3: m = recv in
    }

    @Test
    void atTheEndOfProdConsKillEveryProcessIsFinishedAndNoneStillRuns() throws Exception {
        RunSession s = new RunSession(plan(example("prod-cons-kill")), 1);
        runToEnd(s);
        assertThat(s.outcome()).containsInstanceOf(RunOutcome.Finished.class);
        assertThat(s.picture().states()).containsOnly(Map.entry("producer", ProcessState.FINISHED),
                Map.entry("consumer", ProcessState.FINISHED));
        s.seek(0);
        assertThat(s.picture().states().values()).containsOnly(ProcessState.RUNNING);
    }

    @Test
    void aPrintBelongsToTheMoveThatDeliveredItsMessage() throws Exception {
        RunSession s = new RunSession(plan(example("prod-cons-kill")), 2);
        runToEnd(s);
        s.seek(0);
        long printed = 0;
        while (s.position() < s.end()) {
            RunSession.Beat b = s.advance(true);
            List<RunSession.Print> ps = s.prints(b.position() - 1, b.position(), 10);
            if (!ps.isEmpty()) {
                printed++;
                // the consumer prints in the move that takes its message out of the queue, nowhere else
                assertThat(b.move()).isInstanceOf(Move.Take.class);
                assertThat(s.flightOf(b).orElseThrow().reader()).isEqualTo("consumer");
                assertThat(s.flightOf(b).orElseThrow().value()).isEqualTo(ps.getFirst().text());
            }
        }
        assertThat(printed).isEqualTo(4);
    }

    @Test
    void aRunThatNeverEndsKeepsABoundedHistory() throws Exception {
        RunSession.Limits small = new RunSession.Limits(100, 20, 300);
        RunSession s = new RunSession(plan(pingPong()), 5, small);
        for (int i = 0; i < 50_000; i++) {
            assertThat(s.advance(false)).isNotNull();
        }
        assertThat(s.end()).isEqualTo(50_000);
        assertThat(s.checkpointsKept()).isLessThanOrEqualTo(small.maxChunks());
        assertThat(s.movesKept()).isLessThanOrEqualTo((long) small.chunk() * small.maxChunks());
        assertThat(s.printsKept()).isLessThanOrEqualTo(2 * small.maxPrints());
        assertThat(s.start()).isGreaterThan(45_000);
        // the oldest move kept is still reachable, and going there and back gives the same state
        RunSession.Picture last = s.picture();
        s.seek(0);
        assertThat(s.position()).isEqualTo(s.start());
        s.seek(s.end());
        assertThat(s.picture()).isEqualTo(last);
    }
}
