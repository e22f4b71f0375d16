package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.edit.EndRole;
import org.chanvas.model.script.ScriptParser;
import org.junit.jupiter.api.Test;

/** Which ports a drag from one process to another binds, read from the scripts. */
class ConnectorTest {

    private final Connector connector = new Connector(ScriptParser::parse);

    private static Network net(List<Process> ps, List<Channel> cs) {
        return new Network("", "", ps, cs, List.of(), Map.of());
    }

    private static Process p(String id, String script) {
        return new Process(id, 0, 0, script);
    }

    @Test
    void theOnlyOutboundAndInboundPortsMakeANewRendezvousChannel() {
        Network n = net(List.of(p("a", "send out 1"), p("b", "x = recv in")), List.of());
        List<ConnectOption> options = connector.options(n, "a", "b");
        assertThat(options).containsExactly(new ConnectOption.NewChannel(new Endpoint("a", "out"),
                new Endpoint("b", "in"), ChannelKind.RENDEZVOUS));
        assertThat(Connector.obvious(options)).contains(options.getFirst());
    }

    @Test
    void aCallMakesACallChannelAndSameNamedPortsAreTheObviousPair() {
        Network n = net(List.of(p("client", "r = call server 1\nsend log r"),
                p("srv", "m = recv server\nreply server m\nx = recv audit")), List.of());
        List<ConnectOption> options = connector.options(n, "client", "srv");
        assertThat(options).hasSize(4);
        assertThat(Connector.obvious(options)).contains(new ConnectOption.NewChannel(new Endpoint("client", "server"),
                new Endpoint("srv", "server"), ChannelKind.CALL));
    }

    @Test
    void twoUnrelatedPortPairsAreAmbiguousSoThePersonIsAsked() {
        Network n = net(List.of(p("a", "send left 1\nsend right 2"), p("b", "x = recv in")), List.of());
        List<ConnectOption> options = connector.options(n, "a", "b");
        assertThat(options).hasSize(2);
        assertThat(Connector.obvious(options)).isEmpty();
    }

    @Test
    void aWriterWhosePortIsTakenGetsTheReaderJoinedAsASecondReader() {
        Channel q = new Channel("q", ChannelKind.UNBOUNDED, 0, List.of(new Endpoint("prod", "out")),
                List.of(new Endpoint("c1", "in")));
        Network n = net(List.of(p("prod", "send out 1"), p("c1", "x = recv in"), p("c2", "x = recv in")), List.of(q));
        List<ConnectOption> options = connector.options(n, "prod", "c2");
        assertThat(options).containsExactly(new ConnectOption.Join("q", new Endpoint("c2", "in"), EndRole.READER));
        assertThat(options.getFirst().describe()).isEqualTo("c2.in joins channel q as another reader");
    }

    @Test
    void alreadyConnectedPortsOfferNothing() {
        Channel q = new Channel("q", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("a", "out")),
                List.of(new Endpoint("b", "in")));
        Network n = net(List.of(p("a", "send out 1"), p("b", "x = recv in")), List.of(q));
        assertThat(connector.options(n, "a", "b")).isEmpty();
    }

    @Test
    void scriptsWithoutPortsGetTheConventionalOutAndIn() {
        Network n = net(List.of(p("a", ""), p("b", "print 1")), List.of());
        assertThat(connector.options(n, "a", "b")).containsExactly(new ConnectOption.NewChannel(
                new Endpoint("a", "out"), new Endpoint("b", "in"), ChannelKind.RENDEZVOUS));
    }
}
