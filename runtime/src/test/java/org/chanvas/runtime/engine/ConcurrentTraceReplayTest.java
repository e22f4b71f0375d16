package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Network;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What keeps the concurrent engine honest (issue 10): every trace it records replays move by move through the
 * one semantics, without divergence and to the same outcome. Every example, several runs each, and generated
 * networks with shared channels of every kind, selects, calls and replies.
 */
class ConcurrentTraceReplayTest {

    static Stream<Path> files() throws java.io.IOException {
        return ExamplesRunTest.files();
    }

    /** A run on the concurrent engine: its outcome and its trace text. */
    record Recorded(RunOutcome outcome, String trace, List<RunEvent> events) {
    }

    static Recorded record(RunPlan plan, RunOptions options) throws Exception {
        EventQueue q = new EventQueue();
        RunOutcome o;
        try (Run r = new ConcurrentEngine().prepare(plan, options.withSink(q))) {
            r.start();
            o = r.await(Duration.ofSeconds(30)).orElseThrow();
        }
        List<RunEvent> events = q.drain();
        StringWriter sw = new StringWriter();
        TraceWriter w = new TraceWriter(sw);
        for (RunEvent e : events) {
            w.write(e);
        }
        return new Recorded(o, sw.toString(), events);
    }

    static void replaysToTheSameOutcome(RunPlan plan, RunOptions options, String where) throws Exception {
        Recorded rec = record(plan, options);
        TraceReplay.Result r = TraceReplay.replay(plan, rec.trace(), options);
        assertThat(r).as("%s: %s\n%s", where, r instanceof TraceReplay.Diverged d ? d.message() : "", rec.trace())
                .isInstanceOf(TraceReplay.Replayed.class);
        TraceReplay.Replayed replayed = (TraceReplay.Replayed) r;
        assertThat(replayed.outcome().exitCode()).as(where + "\n" + rec.trace()).isEqualTo(rec.outcome().exitCode());
        if (rec.outcome() instanceof RunOutcome.Deadlocked d) {
            assertThat(((RunOutcome.Deadlocked) replayed.outcome()).diagnosis().kind()).as(where)
                    .isEqualTo(d.diagnosis().kind());
        }
        assertThat(prints(replayed.events())).as(where).containsExactlyInAnyOrderElementsOf(prints(rec.events()));
    }

    static List<String> prints(List<RunEvent> events) {
        return events.stream().filter(e -> e instanceof RunEvent.Printed).map(TraceFollower::key).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyExamplesConcurrentTraceReplays(Path file) throws Exception {
        Network n = switch (ChanvasFormat.read(file)) {
            case LoadResult.Loaded l -> l.network();
            case LoadResult.Failed f -> throw new AssertionError(f.error().describe());
        };
        RunPlan plan = RunPlan.compile(n, ScriptParser::parse);
        for (long seed = 0; seed < 4; seed++) {
            replaysToTheSameOutcome(plan, RunOptions.defaults().withSeed(seed).withTimeout(20_000),
                    file.getFileName() + " seed " + seed);
        }
    }

    /** Scripts for generated networks: every process reads "in" and writes "out" (call ports where so wired). */
    static final String[] SCRIPTS = {
            "repeat 3 { send out random(0, 9)\nx = recv in\nprint x }",
            "repeat 3 { x = recv in\nsend out x + 1 }",
            "repeat 2 { select {\n recv in as v { print \"got {v}\" }\n send out self { }\n} }",
            "send out 1\nrecv in\nprint \"done\"",
            "for i in 0..3 { send out i }\nfor i in 0..3 { y = recv in\nprint y }",
    };

    @Test
    void generatedNetworksWithSharedChannelsSelectsAndCallsReplay() throws Exception {
        Random rnd = new Random(42);
        for (int net = 0; net < 60; net++) {
            int size = 2 + rnd.nextInt(4);
            Nets n = Nets.net();
            boolean call = net % 4 == 3;
            List<String> scripts = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                scripts.add(call ? (i == 0 ? "forever { m = recv in\nreply in m * 2 }"
                        : "repeat 2 { r = call srv " + i + "\nprint r }") : SCRIPTS[rnd.nextInt(SCRIPTS.length)]);
                n.process("p" + i, scripts.get(i));
            }
            if (call) {
                // one server, every other process its client on one shared call channel
                List<String> clients = new ArrayList<>();
                for (int i = 1; i < size; i++) {
                    clients.add("p" + i + ".srv");
                }
                n.channel("s", ChannelKind.CALL, 0, clients, List.of("p0.in"));
            } else {
                // each process writes into the "in" of a random target: shared channels where targets coincide
                List<List<String>> writersOf = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    writersOf.add(new ArrayList<>());
                }
                for (int i = 0; i < size; i++) {
                    writersOf.get(i == 0 ? rnd.nextInt(size) : (rnd.nextInt(size) + i) % size).add("p" + i + ".out");
                }
                List<String> orphanReaders = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    if (writersOf.get(i).isEmpty()) {
                        orphanReaders.add("p" + i + ".in");
                    }
                }
                int c = 0;
                for (int i = 0; i < size; i++) {
                    if (writersOf.get(i).isEmpty()) {
                        continue;
                    }
                    List<String> readers = new ArrayList<>(List.of("p" + i + ".in"));
                    if (c == 0) {
                        readers.addAll(orphanReaders); // a reader no one writes to shares the first channel
                    }
                    ChannelKind kind = ChannelKind.values()[rnd.nextInt(3)];
                    n.channel("c" + c++, kind, kind == ChannelKind.BUFFERED ? 1 + rnd.nextInt(2) : 0,
                            writersOf.get(i), readers);
                }
            }
            RunPlan plan = n.plan();
            for (long seed = 0; seed < 3; seed++) {
                replaysToTheSameOutcome(plan, RunOptions.defaults().withSeed(seed).withTimeout(10_000),
                        "network " + net + " " + scripts + " seed " + seed);
            }
        }
    }
}
