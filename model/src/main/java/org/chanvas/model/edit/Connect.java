package org.chanvas.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;

/** Adds one more end to an existing channel, which makes it (more) shared. */
public record Connect(String channelId, Endpoint end, EndRole role) implements EditCommand {

    public Connect {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public EditResult apply(Network before) {
        return Rules.channelMissing(before, channelId).or(() -> onChannelAlready(before))
                .or(() -> Rules.badEnd(before, end, role)).map(EditResult::rejected)
                .orElseGet(() -> EditResult.applied(before.mapChannel(channelId, this::connected)));
    }

    private java.util.Optional<String> onChannelAlready(Network before) {
        Channel c = before.channel(channelId).orElseThrow();
        boolean there = c.writers().contains(end) || c.readers().contains(end);
        return there ? java.util.Optional.of(end + " is already an end of channel " + channelId) : java.util.Optional.empty();
    }

    private Channel connected(Channel c) {
        List<Endpoint> ws = new ArrayList<>(c.writers());
        List<Endpoint> rs = new ArrayList<>(c.readers());
        (role == EndRole.WRITER ? ws : rs).add(end);
        return c.withEnds(ws, rs);
    }

    @Override
    public String description() {
        return "Connect " + end + " to " + channelId;
    }
}
