package org.chanvas.app.diagram;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;

/** Networks built in code for the diagram and export tests, with the highlights their cycles give. */
public final class SampleNetworks {

    private SampleNetworks() {
    }

    public static Endpoint end(String text) {
        return Endpoint.parse(text).orElseThrow();
    }

    public static Channel channel(String id, ChannelKind kind, int capacity, String writer, String reader) {
        return new Channel(id, kind, capacity, List.of(end(writer)), List.of(end(reader)));
    }

    /** The lecture's prod-cons.py: one producer, one consumer, an unbounded queue. */
    public static Network producerConsumer() {
        return new Network("Producer and consumer", "", List.of(
                new Process("producer", 120, 160, "send out 1"),
                new Process("consumer", 420, 160, "m = recv in")),
                List.of(channel("q", ChannelKind.UNBOUNDED, 0, "producer.out", "consumer.in")),
                List.of(), Map.of());
    }

    /**
     * A ring of three (a → b → c → a, a deadlock-prone cycle) with two more channels a → b and one b → a
     * (parallel and opposite), a buffered channel, a shared channel with two clients, a call channel and a
     * self-loop.
     */
    public static Network ring() {
        return new Network("Ring of three", "", List.of(
                new Process("a", 150, 100, ""),
                new Process("b", 450, 100, ""),
                new Process("c", 300, 330, ""),
                new Process("client1", 80, 560, ""),
                new Process("client2", 300, 600, ""),
                new Process("server", 620, 480, ""),
                new Process("looper", 700, 150, "")),
                List.of(channel("ab", ChannelKind.RENDEZVOUS, 0, "a.out", "b.in"),
                        channel("bc", ChannelKind.BUFFERED, 3, "b.out", "c.in"),
                        channel("ca", ChannelKind.RENDEZVOUS, 0, "c.out", "a.in"),
                        channel("ba", ChannelKind.BUFFERED, 12, "b.back", "a.back"),
                        channel("ab2", ChannelKind.RENDEZVOUS, 0, "a.extra", "b.extra"),
                        new Channel("jobs", ChannelKind.BUFFERED, 4, List.of(end("client1.out"), end("client2.out")),
                                List.of(end("server.in"))),
                        channel("rpc", ChannelKind.CALL, 0, "c.req", "server.srv"),
                        channel("self", ChannelKind.RENDEZVOUS, 0, "looper.out", "looper.in")),
                List.of(), Map.of());
    }

    /** The ring's cycles as the analysis reports them: the ring red, the self-loop justified (amber). */
    public static Highlights ringHighlights() {
        return Highlights.cycles(
                new Marks(Set.of("a", "b", "c"), Set.of("ab", "bc", "ca", "ba", "ab2")),
                new Marks(Set.of("looper"), Set.of("self")));
    }
}
