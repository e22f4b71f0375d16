package org.chanvas.model.edit;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;

/** The consistency rules of SPEC §2 that every edit keeps, so that a saved document always loads again. */
final class Rules {

    private Rules() {
    }

    static Optional<String> processMissing(Network network, String id) {
        return network.process(id).isPresent() ? Optional.empty() : Optional.of("no process named " + id);
    }

    static Optional<String> channelMissing(Network network, String id) {
        return network.channel(id).isPresent() ? Optional.empty() : Optional.of("no channel named " + id);
    }

    static Optional<String> badId(String what, String id) {
        return Ids.isValid(id) ? Optional.empty()
                : Optional.of("\"" + id + "\" is not a valid " + what + " id (letters, digits, _ and -, not starting with a digit)");
    }

    static Optional<String> badCapacity(ChannelKind kind, int capacity) {
        if (kind == ChannelKind.BUFFERED && capacity < 1) {
            return Optional.of("a buffered channel needs a capacity of at least 1, not " + capacity);
        }
        return Optional.empty();
    }

    /**
     * Why {@code end} cannot become a {@code role} end: its process is missing, its port name is not valid, or the
     * port already has the other role on some channel of {@code network} (a port either sends or receives).
     */
    static Optional<String> badEnd(Network network, Endpoint end, EndRole role) {
        Optional<String> missing = processMissing(network, end.process());
        if (missing.isPresent()) {
            return missing;
        }
        if (!Ids.isValid(end.port())) {
            return Optional.of("\"" + end.port() + "\" is not a valid port name");
        }
        for (Channel c : network.channels()) {
            boolean asWriter = c.writers().contains(end);
            boolean asReader = c.readers().contains(end);
            if (asWriter && role == EndRole.READER || asReader && role == EndRole.WRITER) {
                return Optional.of(end + " is already a " + (asWriter ? "writer" : "reader") + " of channel " + c.id()
                        + "; a port cannot both send and receive");
            }
        }
        return Optional.empty();
    }

    /** Why a whole new channel does not fit: its id, kind, capacity or ends. */
    static Optional<String> badNewChannel(Network network, Channel channel) {
        Optional<String> bad = badId("channel", channel.id());
        if (bad.isPresent()) {
            return bad;
        }
        if (network.channel(channel.id()).isPresent()) {
            return Optional.of("a channel named " + channel.id() + " already exists");
        }
        bad = badCapacity(channel.kind(), channel.capacity());
        if (bad.isPresent()) {
            return bad;
        }
        if (channel.writers().isEmpty() || channel.readers().isEmpty()) {
            return Optional.of("channel " + channel.id() + " needs at least one writer and one reader");
        }
        Set<Endpoint> seen = new HashSet<>();
        for (Endpoint w : channel.writers()) {
            if (!seen.add(w)) {
                return Optional.of(w + " is listed twice on channel " + channel.id());
            }
        }
        for (Endpoint r : channel.readers()) {
            if (!seen.add(r)) {
                return Optional.of(r + (channel.writers().contains(r) ? " is both writer and reader of channel "
                        : " is listed twice on channel ") + channel.id());
            }
        }
        for (Endpoint w : channel.writers()) {
            bad = badEnd(network, w, EndRole.WRITER);
            if (bad.isPresent()) {
                return bad;
            }
        }
        for (Endpoint r : channel.readers()) {
            bad = badEnd(network, r, EndRole.READER);
            if (bad.isPresent()) {
                return bad;
            }
        }
        return Optional.empty();
    }

    /** "producer" for one id, "3 processes" for several. */
    static String count(Set<String> ids, String one, String many) {
        return ids.size() == 1 ? one + ids.iterator().next() : ids.size() + " " + many;
    }
}
