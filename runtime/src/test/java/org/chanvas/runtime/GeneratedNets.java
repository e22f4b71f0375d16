package org.chanvas.runtime;

import static org.chanvas.runtime.Generators.permutations;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.chanvas.model.ChannelKind;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated networks for the engine properties: random wiring (rings, meshes, channels shared by several writers),
 * channel kinds, and scripts that send, receive, select, sleep, print and use random. Integers in the scripts stay
 * small, so no run depends on how arithmetic overflows.
 */
public final class GeneratedNets {

    private GeneratedNets() {
    }

    /**
     * A network as numbers: process i runs script {@code scripts[i]} and writes on its port "out" into a channel
     * read by process {@code targets[i]} on its port "in"; the channel takes the kind of its first writer.
     */
    public record Spec(int processes, List<Integer> targets, List<ChannelKind> kinds, List<Integer> scripts) {
    }

    /** Scripts that both send on "out" and receive on "in". */
    public static final List<String> SCRIPTS = List.of(
            "repeat 3 { send out random(0, 9)\nx = recv in\nprint x }",
            "repeat 3 { x = recv in\nsend out x + 1 }",
            "repeat 2 { select {\n recv in as v { print \"got {v}\" }\n send out self { }\n after 5 { print \"idle\" }\n} }",
            "sleep random(0, 20)\nsend out 1\nrecv in",
            "for i in 0..3 { send out i }\nfor i in 0..3 { recv in }");

    /** Scripts for processes no one writes to: they only send, several into one shared channel. */
    public static final List<String> WRITERS = List.of(
            "repeat 3 { send out random(0, 9) }",
            "send out self\nsleep 5\nsend out self + \"!\"");

    private static final Gen<ChannelKind> KINDS =
            Generate.pick(List.of(ChannelKind.RENDEZVOUS, ChannelKind.BUFFERED, ChannelKind.UNBOUNDED));

    /** One to five processes whose targets are a permutation, so every process has exactly one writer on "in". */
    public static Gen<Spec> permuted() {
        return integers().between(1, 5).flatMap(n -> permutations(n).zip(lists().of(KINDS).ofSize(n),
                lists().of(integers().between(0, SCRIPTS.size() - 1)).ofSize(n), (t, k, s) -> new Spec(n, t, k, s)));
    }

    /** Two to five processes with any targets: several writers may share a reader's channel, some have none. */
    public static Gen<Spec> shared() {
        return integers().between(2, 5).flatMap(n -> lists().of(integers().between(0, n - 1)).ofSize(n).zip(
                lists().of(KINDS).ofSize(n), lists().of(integers().between(0, SCRIPTS.size() - 1)).ofSize(n),
                (t, k, s) -> new Spec(n, t, k, s)));
    }

    /** Every process runs one of {@link #SCRIPTS}; valid when every process is some process's target. */
    public static Nets buildValid(Spec spec) {
        Nets n = Nets.net();
        for (int i = 0; i < spec.processes(); i++) {
            n.process("p" + i, SCRIPTS.get(spec.scripts().get(i)));
        }
        return wire(n, spec);
    }

    /** Processes that are someone's target run one of {@link #SCRIPTS}; the others only write ({@link #WRITERS}). */
    public static Nets buildShared(Spec spec) {
        Nets n = Nets.net();
        for (int i = 0; i < spec.processes(); i++) {
            int script = spec.scripts().get(i);
            n.process("p" + i, spec.targets().contains(i) ? SCRIPTS.get(script)
                    : WRITERS.get(script % WRITERS.size()));
        }
        return wire(n, spec);
    }

    /** One channel into each target's port "in", shared by all its writers, of the first writer's kind. */
    private static Nets wire(Nets n, Spec spec) {
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
                n.channel("to" + target, kind, kind == ChannelKind.BUFFERED ? 2 : 0, writers,
                        List.of("p" + target + ".in"));
            }
        }
        return n;
    }
}
