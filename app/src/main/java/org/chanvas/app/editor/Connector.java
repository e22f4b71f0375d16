package org.chanvas.app.editor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.function.Function;

import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.edit.EndRole;
import org.chanvas.model.script.ParsedScript;
import org.chanvas.model.script.PortDirection;
import org.chanvas.model.script.PortUse;

/**
 * Works out which ports a drag from one process to another should bind, from the ports the two scripts use.
 * A port already on a channel makes the other side join that channel (a shared channel); a free outbound port
 * and a free inbound port make a new channel. A process whose script names no port in that direction gets the
 * conventional {@code out} / {@code in}.
 */
public final class Connector {

    private final Function<String, ParsedScript> parse;

    /** @param parse the parsed script of a process's script text (the editor caches it) */
    public Connector(Function<String, ParsedScript> parse) {
        this.parse = parse;
    }

    /**
     * The ways to connect {@code writerId} to {@code readerId}, best first: free port pairs before joins.
     * Empty when every fitting pair is already connected.
     */
    public List<ConnectOption> options(Network network, String writerId, String readerId) {
        Optional<org.chanvas.model.Process> w = network.process(writerId);
        Optional<org.chanvas.model.Process> r = network.process(readerId);
        if (w.isEmpty() || r.isEmpty()) {
            return List.of();
        }
        ParsedScript ws = parse.apply(w.get().script());
        ParsedScript rs = parse.apply(r.get().script());
        SequencedSet<String> outs = ports(ws, PortDirection.OUTBOUND, "out");
        SequencedSet<String> ins = ports(rs, PortDirection.INBOUND, "in");
        List<ConnectOption> fresh = new ArrayList<>();
        List<ConnectOption> joins = new ArrayList<>();
        for (String o : outs) {
            Endpoint we = new Endpoint(writerId, o);
            Optional<Channel> wc = channelWith(network, we, true);
            for (String i : ins) {
                Endpoint re = new Endpoint(readerId, i);
                Optional<Channel> rc = channelWith(network, re, false);
                if (wc.isPresent() && rc.isPresent()) {
                    continue; // both ends are taken: either connected already, or connecting would merge channels
                }
                if (wc.isPresent()) {
                    joins.add(new ConnectOption.Join(wc.get().id(), re, EndRole.READER));
                } else if (rc.isPresent()) {
                    joins.add(new ConnectOption.Join(rc.get().id(), we, EndRole.WRITER));
                } else {
                    fresh.add(new ConnectOption.NewChannel(we, re, kindFor(ws, o, rs, i)));
                }
            }
        }
        // Same-named ports ("server" to "server") are the likely intent, so they lead.
        fresh.sort((a, b) -> Boolean.compare(!sameName(a), !sameName(b)));
        List<ConnectOption> all = new ArrayList<>(fresh);
        all.addAll(joins);
        return all;
    }

    /**
     * The option to take without asking, if the choice is clear: exactly one option; or exactly one pair of
     * same-named free ports; or, when no free pair exists, exactly one join.
     */
    public static Optional<ConnectOption> obvious(List<ConnectOption> options) {
        if (options.size() == 1) {
            return Optional.of(options.getFirst());
        }
        List<ConnectOption> fresh = options.stream().filter(o -> o instanceof ConnectOption.NewChannel).toList();
        List<ConnectOption> named = fresh.stream().filter(Connector::sameName).toList();
        if (named.size() == 1) {
            return Optional.of(named.getFirst());
        }
        if (fresh.size() == 1) {
            return Optional.of(fresh.getFirst());
        }
        if (fresh.isEmpty() && options.size() == 1) {
            return Optional.of(options.getFirst());
        }
        return Optional.empty();
    }

    private static boolean sameName(ConnectOption o) {
        return o instanceof ConnectOption.NewChannel n && n.writer().port().equals(n.reader().port());
    }

    private static SequencedSet<String> ports(ParsedScript script, PortDirection direction, String fallback) {
        SequencedSet<String> out = new LinkedHashSet<>();
        script.ports().forEach((name, dir) -> {
            if (dir == direction) {
                out.add(name);
            }
        });
        if (out.isEmpty()) {
            out.add(fallback);
        }
        return out;
    }

    private static Optional<Channel> channelWith(Network network, Endpoint end, boolean writer) {
        return network.channels().stream()
                .filter(c -> (writer ? c.writers() : c.readers()).contains(end))
                .findFirst();
    }

    /** A {@code call} on the writer's port, or a {@code reply} on the reader's, means a call channel. */
    private static ChannelKind kindFor(ParsedScript ws, String out, ParsedScript rs, String in) {
        boolean calls = ws.portUses().stream().anyMatch(u -> u.port().equals(out) && u.how() == PortUse.How.CALL);
        boolean replies = rs.portUses().stream().anyMatch(u -> u.port().equals(in) && u.how() == PortUse.How.REPLY);
        return calls || replies ? ChannelKind.CALL : ChannelKind.RENDEZVOUS;
    }
}
