package org.chanvas.model.edit;

import java.util.Map;
import java.util.TreeSet;
import org.chanvas.model.Network;
import org.chanvas.model.Process;

/** Moves processes to new centres, all in one step (the end of one drag). */
public record MoveProcesses(Map<String, Position> positions) implements EditCommand {

    public MoveProcesses {
        positions = Map.copyOf(positions);
    }

    /** One process to one centre. */
    public static MoveProcesses of(String id, double x, double y) {
        return new MoveProcesses(Map.of(id, new Position(x, y)));
    }

    @Override
    public EditResult apply(Network before) {
        if (positions.isEmpty()) {
            return EditResult.rejected("nothing to move");
        }
        for (String id : new TreeSet<>(positions.keySet())) {
            if (before.process(id).isEmpty()) {
                return EditResult.rejected("no process named " + id);
            }
        }
        return EditResult.applied(before.withProcesses(before.processes().stream().map(this::moved).toList()));
    }

    private Process moved(Process p) {
        Position to = positions.get(p.id());
        return to == null ? p : p.withPosition(to.x(), to.y());
    }

    @Override
    public String description() {
        return "Move " + Rules.count(new TreeSet<>(positions.keySet()), "", "processes");
    }
}
