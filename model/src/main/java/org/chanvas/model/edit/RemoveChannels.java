package org.chanvas.model.edit;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.chanvas.model.Network;

/** Deletes channels, and the justifications of cycles through them, in one step. */
public record RemoveChannels(SortedSet<String> ids) implements EditCommand {

    public RemoveChannels {
        ids = Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    }

    public RemoveChannels(Set<String> ids) {
        this(new TreeSet<>(ids));
    }

    public static RemoveChannels of(String... ids) {
        return new RemoveChannels(new TreeSet<>(List.of(ids)));
    }

    @Override
    public EditResult apply(Network before) {
        if (ids.isEmpty()) {
            return EditResult.rejected("nothing to delete");
        }
        for (String id : ids) {
            if (before.channel(id).isEmpty()) {
                return EditResult.rejected("no channel named " + id);
            }
        }
        return EditResult.applied(before
                .withChannels(before.channels().stream().filter(c -> !ids.contains(c.id())).toList())
                .withJustified(RemoveProcesses.withoutChannels(before.justified(), ids)));
    }

    @Override
    public String description() {
        return "Delete " + Rules.count(ids, "channel ", "channels");
    }
}
