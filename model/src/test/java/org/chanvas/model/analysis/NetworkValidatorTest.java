package org.chanvas.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.model.ChannelKind.BUFFERED;
import static org.chanvas.model.ChannelKind.CALL;
import static org.chanvas.model.ChannelKind.RENDEZVOUS;
import static org.chanvas.model.ChannelKind.UNBOUNDED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.Pos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A table of invalid networks and the exact faults each must give: kind, where, message. */
class NetworkValidatorTest {

    private static final String PRODUCER = "for i in 0..4 {\n  send out \"Message {i}\"\n}";
    private static final String CONSUMER = "forever {\n  m = recv in\n  print m\n}";

    /** A network under construction, one process or channel at a time. */
    private record Doc(List<Process> processes, List<Channel> channels) {
        static Doc of() {
            return new Doc(new ArrayList<>(), new ArrayList<>());
        }

        Doc process(String id, String script) {
            processes.add(new Process(id, 0, 0, script));
            return this;
        }

        /** Ends as {@code "p.port,q.port"}, or {@code ""} for none. */
        Doc channel(String id, ChannelKind kind, int capacity, String writers, String readers) {
            channels.add(new Channel(id, kind, capacity, ends(writers), ends(readers)));
            return this;
        }

        private static List<Endpoint> ends(String list) {
            return list.isEmpty() ? List.of()
                    : Arrays.stream(list.split(",")).map(e -> Endpoint.parse(e).orElseThrow()).toList();
        }

        Network network() {
            return new Network("", "", processes, channels, List.of(), Map.of());
        }
    }

    private static Doc prodCons() {
        return Doc.of().process("producer", PRODUCER).process("consumer", CONSUMER)
                .channel("q", UNBOUNDED, 0, "producer.out", "consumer.in");
    }

    private static List<String> faults(Network n) {
        return new NetworkValidator().validate(n).stream()
                .map(f -> f.kind() + " | " + f.where() + " | " + f.message()).toList();
    }

    @Test
    void producerConsumerIsValid() {
        assertThat(faults(prodCons().network())).isEmpty();
    }

    @Test
    void emptyNetworkIsValid() {
        assertThat(faults(Network.empty())).isEmpty();
    }

    @Test
    void echoClientServerOverACallChannelIsValid() {
        Network n = Doc.of().process("client", "r = call server \"ping\"\nprint r")
                .process("echo", "forever {\n  m = recv requests\n  reply requests m\n}")
                .channel("rpc", CALL, 0, "client.server", "echo.requests").network();
        assertThat(faults(n)).isEmpty();
    }

    @Test
    void sharedChannelWithTwoConsumersIsValid() {
        Network n = prodCons().process("consumer2", CONSUMER).network();
        n = n.mapChannel("q", c -> c.withEnds(c.writers(),
                List.of(new Endpoint("consumer", "in"), new Endpoint("consumer2", "in"))));
        assertThat(faults(n)).isEmpty();
    }

    static Stream<Arguments> invalidNetworks() {
        return Stream.of(
                Arguments.of("process and channel node off the drawing",
                        new Network("", "", List.of(new Process("producer", 1e308, 0, PRODUCER),
                                new Process("consumer", 0, -1_000_001, CONSUMER)),
                                List.of(new Channel("q", UNBOUNDED, 0, List.of(new Endpoint("producer", "out")),
                                        List.of(new Endpoint("consumer", "in")), null, Double.NaN, 0.0, Map.of())),
                                List.of(), Map.of()),
                        List.of("OFF_DRAWING | process producer | process producer is at (1.0E308, 0.0), off the"
                                        + " drawing; a coordinate is at most ±1000000 diagram units",
                                "OFF_DRAWING | process consumer | process consumer is at (0.0, -1000001.0), off the"
                                        + " drawing; a coordinate is at most ±1000000 diagram units",
                                "OFF_DRAWING | channel q | the node of channel q is at (NaN, 0.0), off the drawing;"
                                        + " a coordinate is at most ±1000000 diagram units")),
                Arguments.of("duplicate process id",
                        prodCons().process("producer", "").network(),
                        List.of("DUPLICATE_PROCESS | process producer | another process has the same id 'producer'")),
                Arguments.of("duplicate channel id",
                        prodCons().process("p2", "send out 1").process("c2", "recv in")
                                .channel("q", RENDEZVOUS, 0, "p2.out", "c2.in").network(),
                        List.of("DUPLICATE_CHANNEL | channel q | another channel has the same id 'q'")),
                Arguments.of("bad process and channel ids",
                        Doc.of().process("1st", "send out 1").process("two words", "recv in")
                                .channel("a.b", RENDEZVOUS, 0, "1st.out", "").network(),
                        List.of("BAD_ID | process 1st | '1st' is not a valid process id: it must start with a letter"
                                        + " or _ and go on with letters, digits, _ or -",
                                "BAD_ID | process two words | 'two words' is not a valid process id: it must start"
                                        + " with a letter or _ and go on with letters, digits, _ or -",
                                "UNCONNECTED_PORT | process two words | port 'in' of two words is not connected",
                                "BAD_ID | channel a.b | 'a.b' is not a valid channel id: it must start with a letter"
                                        + " or _ and go on with letters, digits, _ or -",
                                "NO_READER | channel a.b | channel a.b has no reader")),
                Arguments.of("unknown process in a channel end",
                        prodCons().channel("r", RENDEZVOUS, 0, "producer.out", "ghost.in").network(),
                        List.of("PORT_ON_SEVERAL_CHANNELS | process producer | port 'out' of producer is a writer of"
                                        + " several channels (q, r); a port is an end of one channel",
                                "UNKNOWN_PROCESS | channel r | reader 'ghost.in' names process 'ghost', which does"
                                        + " not exist")),
                Arguments.of("port the script does not use",
                        Doc.of().process("producer", PRODUCER).process("consumer", CONSUMER)
                                .channel("q", UNBOUNDED, 0, "producer.output", "consumer.inn").network(),
                        List.of("UNCONNECTED_PORT | process producer | port 'out' of producer is not connected",
                                "UNCONNECTED_PORT | process consumer | port 'in' of consumer is not connected",
                                "UNKNOWN_PORT | channel q | writer 'producer.output': the script of producer does"
                                        + " not use port 'output'",
                                "UNKNOWN_PORT | channel q | reader 'consumer.inn': the script of consumer does"
                                        + " not use port 'inn'")),
                Arguments.of("port used as writer of one channel and reader of another",
                        Doc.of().process("relay", "forever {\n  m = recv p\n}").process("a", "send out 1")
                                .process("b", "recv in")
                                .channel("x", RENDEZVOUS, 0, "a.out", "relay.p")
                                .channel("y", RENDEZVOUS, 0, "relay.p", "b.in").network(),
                        List.of("PORT_BOTH_WAYS | process relay | port 'p' of relay is a writer of channel y and a"
                                        + " reader of channel x",
                                "WRONG_SIDE | channel y | writer 'relay.p': the script of relay receives on 'p'"
                                        + " (line 2:12), so it can only be a reader")),
                Arguments.of("ends on the wrong sides",
                        Doc.of().process("producer", PRODUCER).process("consumer", CONSUMER)
                                .channel("q", UNBOUNDED, 0, "consumer.in", "producer.out").network(),
                        List.of("WRONG_SIDE | channel q | writer 'consumer.in': the script of consumer receives"
                                        + " on 'in' (line 2:12), so it can only be a reader",
                                "WRONG_SIDE | channel q | reader 'producer.out': the script of producer sends on"
                                        + " 'out' (line 2:8), so it can only be a writer")),
                Arguments.of("send on a call channel",
                        Doc.of().process("client", "send server 1").process("echo", "m = recv r\nreply r m")
                                .channel("rpc", CALL, 0, "client.server", "echo.r").network(),
                        List.of("WRONG_OPERATION | process client, line 1:6 | send on port 'server', but channel"
                                + " rpc is a call channel: a client uses call and waits for the reply")),
                Arguments.of("call and reply on a rendezvous channel",
                        Doc.of().process("client", "x = call server 1").process("echo", "m = recv r\nreply r m")
                                .channel("c", RENDEZVOUS, 0, "client.server", "echo.r").network(),
                        List.of("WRONG_OPERATION | process client, line 1:10 | call on port 'server', but channel c"
                                        + " is rendezvous, not call: no reply would ever come",
                                "WRONG_OPERATION | process echo, line 2:7 | reply on port 'r', but channel c is"
                                        + " rendezvous, not call: there is no request to answer")),
                Arguments.of("script port with no channel",
                        Doc.of().process("producer", PRODUCER).network(),
                        List.of("UNCONNECTED_PORT | process producer | port 'out' of producer is not connected")),
                Arguments.of("channel with no writer and channel with no reader",
                        prodCons().channel("w", RENDEZVOUS, 0, "", "consumer.in")
                                .channel("r", RENDEZVOUS, 0, "producer.out", "").network(),
                        List.of("PORT_ON_SEVERAL_CHANNELS | process producer | port 'out' of producer is a writer"
                                        + " of several channels (q, r); a port is an end of one channel",
                                "PORT_ON_SEVERAL_CHANNELS | process consumer | port 'in' of consumer is a reader"
                                        + " of several channels (q, w); a port is an end of one channel",
                                "NO_WRITER | channel w | channel w has no writer",
                                "NO_READER | channel r | channel r has no reader")),
                Arguments.of("bad capacities",
                        Doc.of().process("a", "send o1 1\nsend o2 2\nsend o3 3")
                                .process("b", "recv i1\nrecv i2\nrecv i3")
                                .channel("buf", BUFFERED, 0, "a.o1", "b.i1")
                                .channel("rdv", RENDEZVOUS, 3, "a.o2", "b.i2")
                                .channel("inf", UNBOUNDED, -1, "a.o3", "b.i3").network(),
                        List.of("BAD_CAPACITY | channel buf | a buffered channel needs a capacity of at least 1,"
                                        + " not 0",
                                "BAD_CAPACITY | channel rdv | a rendezvous channel has no capacity to set (found 3);"
                                        + " only buffered ones do",
                                "BAD_CAPACITY | channel inf | a unbounded channel has no capacity to set (found -1);"
                                        + " only buffered ones do")),
                Arguments.of("script diagnostics with line and column",
                        Doc.of().process("producer", "send out 1\nx = 1 +\n  send out").process("consumer", CONSUMER)
                                .channel("q", UNBOUNDED, 0, "producer.out", "consumer.in").network(),
                        List.of("SCRIPT | process producer, line 2:8 | expected an expression",
                                "SCRIPT | process producer, line 3:11 | expected an expression")),
                Arguments.of("end listed twice",
                        prodCons().network().mapChannel("q", c -> c.withEnds(
                                List.of(new Endpoint("producer", "out"), new Endpoint("producer", "out")), c.readers())),
                        List.of("DUPLICATE_END | channel q | writer 'producer.out' is listed twice")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNetworks")
    void invalidNetworkGivesExactlyTheseFaults(String name, Network network, List<String> expected) {
        assertThat(faults(network)).containsExactlyElementsOf(expected);
    }

    @Test
    void idsFollowTheFileFormat() {
        assertThat(List.of("a", "_x", "Producer-2", "c_1")).allMatch(NetworkValidator::isId);
        assertThat(List.of("", "1a", "-a", "a.b", "a b", "é")).noneMatch(NetworkValidator::isId);
    }

    @Test
    void scriptFaultCarriesItsPlaceForTheEditor() {
        Network n = Doc.of().process("p", "send out").network();
        assertThat(new NetworkValidator().validate(n)).first().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.SCRIPT);
            assertThat(f.place()).isInstanceOf(Place.InScript.class);
            Place.InScript at = (Place.InScript) f.place();
            assertThat(at.process()).isEqualTo("p");
            assertThat(at.pos()).isEqualTo(new Pos(1, 9));
        });
    }
}
