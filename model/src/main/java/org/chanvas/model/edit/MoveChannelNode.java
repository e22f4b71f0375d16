package org.chanvas.model.edit;

import java.util.Objects;
import org.chanvas.model.Network;

/** Places the node of a (shared) channel; a null position hands placement back to the layout. */
public record MoveChannelNode(String id, Position position) implements EditCommand {

    public MoveChannelNode {
        Objects.requireNonNull(id, "id");
    }

    public static MoveChannelNode of(String id, double x, double y) {
        return new MoveChannelNode(id, new Position(x, y));
    }

    @Override
    public EditResult apply(Network before) {
        Double x = position == null ? null : position.x();
        Double y = position == null ? null : position.y();
        return Rules.channelMissing(before, id).map(EditResult::rejected)
                .orElseGet(() -> EditResult.applied(before.mapChannel(id, c -> c.withNodePosition(x, y))));
    }

    @Override
    public String description() {
        return "Move channel " + id;
    }
}
