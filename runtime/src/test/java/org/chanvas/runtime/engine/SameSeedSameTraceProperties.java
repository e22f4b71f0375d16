package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.TraceWriter;

/**
 * For generated networks (random ring/mesh wiring, channel kinds, scripts that send, receive, select, sleep,
 * print and use random), the deterministic engine with a seed gives the same trace twice, event for event,
 * virtual times included.
 */
class SameSeedSameTraceProperties {

    record Spec(int processes, List<Integer> targets, List<ChannelKind> kinds, List<Integer> scripts) {
    }

    static final String[] SCRIPTS = {
            "repeat 3 { send out random(0, 9)\nx = recv in\nprint x }",
            "repeat 3 { x = recv in\nsend out x + 1 }",
            "repeat 2 { select {\n recv in as v { print \"got {v}\" }\n send out self { }\n after 5 { print \"idle\" }\n} }",
            "sleep random(0, 20)\nsend out 1\nrecv in",
            "for i in 0..3 { send out i }\nfor i in 0..3 { recv in }",
    };

    @Provide
    Arbitrary<Spec> networks() {
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 5);
        return size.flatMap(n -> Combinators.combine(
                // a permutation, so every process has a writer on "in"; shared when several map to one
                Arbitraries.shuffle(java.util.stream.IntStream.range(0, n).boxed().toList()),
                Arbitraries.of(ChannelKind.RENDEZVOUS, ChannelKind.BUFFERED, ChannelKind.UNBOUNDED).list().ofSize(n),
                Arbitraries.integers().between(0, SCRIPTS.length - 1).list().ofSize(n))
                .as((t, k, s) -> new Spec(n, t, k, s)));
    }


    static List<String> trace(Nets n, long seed) throws InterruptedException {
        EventQueue q = new EventQueue();
        try (Run r = new DeterministicEngine().prepare(n.plan(), RunOptions.defaults().withSeed(seed).withSink(q)
                .withTimeout(10_000))) {
            r.start();
            r.await(Duration.ofSeconds(20)).orElseThrow();
        }
        List<String> out = new ArrayList<>();
        q.drain(e -> out.add(TraceWriter.json(e)));
        return out;
    }

    @Property(tries = 60)
    boolean sameSeedTwiceGivesIdenticalTraces(@ForAll("networks") Spec spec, @ForAll long seed) throws Exception {
        Nets n = buildValid(spec);
        List<String> first = trace(n, seed);
        List<String> second = trace(n, seed);
        assertThat(first).isNotEmpty();
        return first.equals(second);
    }

    /** A process reads all its writers' channels on one port "in", so several writers to one target share it. */
    static Nets buildValid(Spec spec) {
        Nets n = Nets.net();
        for (int i = 0; i < spec.processes(); i++) {
            n.process("p" + i, SCRIPTS[spec.scripts().get(i)]);
        }
        return wire(n, spec);
    }

    /** One channel into each target's port "in", shared by all its writers, of the first writer's kind. */
    static Nets wire(Nets n, Spec spec) {
        for (int target = 0; target < spec.processes(); target++) {
            List<String> writers = new ArrayList<>();
            ChannelKind kind = null;
            for (int i = 0; i < spec.processes(); i++) {
                if (spec.targets().get(i) == target) {
                    writers.add("p" + i + ".out");
                    kind = kind == null ? spec.kinds().get(i) : kind;
                }
            }
            if (!writers.isEmpty()) {
                n.channel("to" + target, kind, kind == ChannelKind.BUFFERED ? 2 : 0, writers, List.of("p" + target + ".in"));
            }
        }
        return n;
    }
}
