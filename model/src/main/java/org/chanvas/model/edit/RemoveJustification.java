package org.chanvas.model.edit;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.chanvas.model.Network;

/** Takes the justification off a cycle, named by its channels, so it is flagged as deadlock-prone again. */
public record RemoveJustification(SortedSet<String> channels) implements EditCommand {

    public RemoveJustification {
        channels = Collections.unmodifiableSortedSet(new TreeSet<>(channels));
    }

    @Override
    public EditResult apply(Network before) {
        if (before.justified().stream().noneMatch(j -> j.channels().equals(channels))) {
            return EditResult.rejected("the cycle " + String.join(", ", channels) + " is not justified");
        }
        return EditResult.applied(before.withJustified(
                before.justified().stream().filter(j -> !j.channels().equals(channels)).toList()));
    }

    @Override
    public String description() {
        return "Unjustify cycle " + String.join(", ", channels);
    }
}
