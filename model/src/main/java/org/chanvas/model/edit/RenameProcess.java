package org.chanvas.model.edit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;

/** Gives a process a new id and moves every channel end on it along; justifications (named by channels) stay. */
public record RenameProcess(String oldId, String newId) implements EditCommand {

    public RenameProcess {
        Objects.requireNonNull(oldId, "oldId");
        Objects.requireNonNull(newId, "newId");
    }

    @Override
    public EditResult apply(Network before) {
        Optional<String> bad = Rules.processMissing(before, oldId).or(() -> Rules.badId("process", newId));
        if (bad.isPresent()) {
            return EditResult.rejected(bad.get());
        }
        if (oldId.equals(newId)) {
            return EditResult.applied(before);
        }
        if (before.process(newId).isPresent()) {
            return EditResult.rejected("a process named " + newId + " already exists");
        }
        Network renamed = before.mapProcess(oldId, p -> p.withId(newId));
        return EditResult.applied(renamed.withChannels(renamed.channels().stream().map(this::renamedEnds).toList()));
    }

    private Channel renamedEnds(Channel c) {
        return c.touches(oldId) ? c.withEnds(renamed(c.writers()), renamed(c.readers())) : c;
    }

    private List<Endpoint> renamed(List<Endpoint> ends) {
        return ends.stream().map(e -> e.process().equals(oldId) ? new Endpoint(newId, e.port()) : e).toList();
    }

    @Override
    public String description() {
        return "Rename " + oldId + " to " + newId;
    }
}
