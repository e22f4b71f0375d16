package org.chanvas.model.edit;

import java.util.Objects;
import java.util.Optional;
import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;

/** Takes one end off a shared channel; the last writer or last reader cannot go (delete the channel instead). */
public record Disconnect(String channelId, Endpoint end) implements EditCommand {

    public Disconnect {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(end, "end");
    }

    @Override
    public EditResult apply(Network before) {
        Optional<Channel> found = before.channel(channelId);
        if (found.isEmpty()) {
            return EditResult.rejected("no channel named " + channelId);
        }
        Channel c = found.get();
        boolean writer = c.writers().contains(end);
        if (!writer && !c.readers().contains(end)) {
            return EditResult.rejected(end + " is not an end of channel " + channelId);
        }
        if ((writer ? c.writers() : c.readers()).size() == 1) {
            return EditResult.rejected(end + " is the last " + (writer ? "writer" : "reader") + " of channel "
                    + channelId + "; delete the channel instead");
        }
        return EditResult.applied(before.mapChannel(channelId, ch -> ch.withEnds(
                ch.writers().stream().filter(e -> !e.equals(end)).toList(),
                ch.readers().stream().filter(e -> !e.equals(end)).toList())));
    }

    @Override
    public String description() {
        return "Disconnect " + end + " from " + channelId;
    }
}
