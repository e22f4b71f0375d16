package org.chanvas.model.edit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.Process;

/** A small network with a shared channel, a justification and extras, used by the edit tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Endpoint end(String text) {
        return Endpoint.parse(text).orElseThrow();
    }

    /**
     * producer --q--> worker1, worker2 (q is shared, one writer, two readers);
     * worker1 --r--> consumer.in; worker2 --s--> consumer.in (r, s justified together).
     */
    static Network workers() {
        return new Network("Workers", "a test network",
                List.of(new Process("producer", null, 100, 100, "send out 1", Map.of("colour", "red")),
                        new Process("worker1", 350, 50, "x = recv in\nsend out x"),
                        new Process("worker2", 350, 150, "x = recv in\nsend out x"),
                        new Process("consumer", 600, 100, "forever { print recv in }")),
                List.of(new Channel("q", ChannelKind.BUFFERED, 2, List.of(end("producer.out")),
                                List.of(end("worker1.in"), end("worker2.in")), "jobs", 220.0, 100.0, Map.of("k", 1)),
                        new Channel("r", ChannelKind.RENDEZVOUS, 0, List.of(end("worker1.out")), List.of(end("consumer.in"))),
                        new Channel("s", ChannelKind.RENDEZVOUS, 0, List.of(end("worker2.out")), List.of(end("consumer.in")))),
                List.of(new Justification(new java.util.TreeSet<>(Set.of("r", "s")), "not really a cycle")),
                Map.of("expect", "x"));
    }
}
