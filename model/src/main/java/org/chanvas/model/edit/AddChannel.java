package org.chanvas.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chanvas.model.Channel;
import org.chanvas.model.Network;

/** Adds a channel at the end of the list, after checking its id, capacity and every end. */
public record AddChannel(Channel channel) implements EditCommand {

    public AddChannel {
        Objects.requireNonNull(channel, "channel");
    }

    @Override
    public EditResult apply(Network before) {
        return Rules.badNewChannel(before, channel).map(EditResult::rejected).orElseGet(() -> {
            List<Channel> cs = new ArrayList<>(before.channels());
            cs.add(channel);
            return EditResult.applied(before.withChannels(cs));
        });
    }

    @Override
    public String description() {
        return "Add channel " + channel.id();
    }
}
