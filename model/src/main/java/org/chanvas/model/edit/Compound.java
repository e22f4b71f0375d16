package org.chanvas.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.chanvas.model.Network;

/**
 * Several commands as one undo step, applied in order; if one does not fit, none is applied and its reason is
 * the compound's.
 */
public record Compound(String description, List<EditCommand> steps) implements EditCommand {

    public Compound {
        Objects.requireNonNull(description, "description");
        steps = List.copyOf(steps);
    }

    /**
     * Deletes a selection of processes and channels in one step. The channels go first, so a channel that the
     * processes would have left dangling is not deleted twice.
     */
    public static EditCommand deleteSelection(Set<String> processIds, Set<String> channelIds) {
        if (channelIds.isEmpty()) {
            return new RemoveProcesses(processIds);
        }
        if (processIds.isEmpty()) {
            return new RemoveChannels(channelIds);
        }
        List<EditCommand> steps = new ArrayList<>();
        steps.add(new RemoveChannels(channelIds));
        steps.add(new RemoveProcesses(processIds));
        int n = processIds.size() + channelIds.size();
        return new Compound("Delete " + n + " items", steps);
    }

    @Override
    public EditResult apply(Network before) {
        Network current = before;
        for (EditCommand step : steps) {
            switch (step.apply(current)) {
                case EditResult.Applied(Network after) -> current = after;
                case EditResult.Rejected rejected -> {
                    return rejected;
                }
            }
        }
        return EditResult.applied(current);
    }
}
