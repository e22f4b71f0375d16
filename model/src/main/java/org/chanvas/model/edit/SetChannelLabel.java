package org.chanvas.model.edit;

import java.util.Objects;
import org.chanvas.model.Network;

/** Sets the display name of a channel; an empty or null label shows the id again. */
public record SetChannelLabel(String id, String label) implements EditCommand {

    public SetChannelLabel {
        Objects.requireNonNull(id, "id");
        label = label == null || label.isEmpty() ? null : label;
    }

    @Override
    public EditResult apply(Network before) {
        return Rules.channelMissing(before, id).map(EditResult::rejected)
                .orElseGet(() -> EditResult.applied(before.mapChannel(id, c -> c.withLabel(label))));
    }

    @Override
    public String description() {
        return "Set label of channel " + id;
    }
}
