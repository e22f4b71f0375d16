package org.chanvas.bench;

import java.util.ArrayList;
import java.util.List;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.engine.RunPlan;

/** The script networks the runtime benchmarks run: CommsTime and token rings. */
final class RuntimeNetworks {

    private RuntimeNetworks() {
    }

    /**
     * CommsTime (prefix → delta → successor → prefix, delta also feeding a consumer) as scripts; the consumer
     * stops after {@code cycles} numbers, after which the others are stuck and the run ends.
     */
    static RunPlan commsTime(int cycles) {
        List<Process> ps = List.of(
                new Process("prefix", 0, 0, "send out 0\nforever { x = recv in\nsend out x }"),
                new Process("delta", 0, 0, "forever { x = recv in\nsend out x\nsend tap x }"),
                new Process("successor", 0, 0, "forever { x = recv in\nsend out x + 1 }"),
                new Process("consumer", 0, 0, "repeat " + cycles + " { x = recv in }"));
        List<Channel> cs = List.of(
                rendezvous("a", "prefix.out", "delta.in"),
                rendezvous("b", "delta.out", "successor.in"),
                rendezvous("c", "successor.out", "prefix.in"),
                rendezvous("d", "delta.tap", "consumer.in"));
        return plan(new Network("CommsTime", "", ps, cs, List.of(), null));
    }

    /** A ring of {@code size} processes passing one token {@code hops} times; p0 stops it. */
    static RunPlan tokenRing(int size, long hops) {
        List<Process> ps = new ArrayList<>(size);
        List<Channel> cs = new ArrayList<>(size);
        String relay = "forever { x = recv in\nsend out x }";
        // The token carries the number of hops made so far; p0 counts a lap each time it comes back.
        ps.add(new Process("p0", 0, 0, "send out 0\nforever { x = recv in\nx = x + " + size + "\nif x >= " + hops
                + " { stop }\nsend out x }"));
        for (int i = 1; i < size; i++) {
            ps.add(new Process("p" + i, 0, 0, relay));
        }
        for (int i = 0; i < size; i++) {
            // Endpoints built from the process ids and shared port names, not parsed text: a million
            // processes should not mean four million small strings.
            cs.add(new Channel("c" + i, ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint(ps.get(i).id(), "out")),
                    List.of(new Endpoint(ps.get((i + 1) % size).id(), "in"))));
        }
        return plan(new Network("ring", "", ps, cs, List.of(), null));
    }

    private static Channel rendezvous(String id, String w, String r) {
        return new Channel(id, ChannelKind.RENDEZVOUS, 0, List.of(Endpoint.parse(w).orElseThrow()),
                List.of(Endpoint.parse(r).orElseThrow()));
    }

    private static RunPlan plan(Network n) {
        try {
            // Parse each distinct script once: a million identical relays need not be parsed a million times.
            java.util.Map<String, org.chanvas.model.script.ParsedScript> cache = new java.util.HashMap<>();
            return RunPlan.compile(n, s -> cache.computeIfAbsent(s, ScriptParser::parse));
        } catch (RunPlan.InvalidPlanException e) {
            throw new IllegalStateException(e);
        }
    }
}
