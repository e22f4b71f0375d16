package org.chanvas.model.edit;

import java.util.Objects;
import org.chanvas.model.Network;

/** Sets the display name of a process; an empty or null label shows the id again. */
public record SetProcessLabel(String id, String label) implements EditCommand {

    public SetProcessLabel {
        Objects.requireNonNull(id, "id");
        label = label == null || label.isEmpty() ? null : label;
    }

    @Override
    public EditResult apply(Network before) {
        return Rules.processMissing(before, id).map(EditResult::rejected)
                .orElseGet(() -> EditResult.applied(before.mapProcess(id, p -> p.withLabel(label))));
    }

    @Override
    public String description() {
        return "Set label of " + id;
    }
}
