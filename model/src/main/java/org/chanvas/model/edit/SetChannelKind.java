package org.chanvas.model.edit;

import java.util.Objects;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Network;

/** Changes how a channel holds messages; the capacity counts only for buffered channels and is 0 otherwise. */
public record SetChannelKind(String id, ChannelKind kind, int capacity) implements EditCommand {

    public SetChannelKind {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        capacity = kind == ChannelKind.BUFFERED ? capacity : 0;
    }

    @Override
    public EditResult apply(Network before) {
        return Rules.channelMissing(before, id).or(() -> Rules.badCapacity(kind, capacity)).map(EditResult::rejected)
                .orElseGet(() -> EditResult.applied(before.mapChannel(id, c -> c.withKind(kind, capacity))));
    }

    @Override
    public String description() {
        return "Make " + id + " " + kind.word() + (kind == ChannelKind.BUFFERED ? " (" + capacity + ")" : "");
    }
}
