package org.chanvas.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.Process;

/**
 * Deletes processes and, in the same step, what they leave dangling: each of their channel ends goes; a channel
 * left with no writer or no reader goes too (a shared channel that keeps both just loses those ends), and so does
 * every justification that names a deleted channel.
 */
public record RemoveProcesses(SortedSet<String> ids) implements EditCommand {

    public RemoveProcesses {
        ids = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    }

    public RemoveProcesses(Set<String> ids) {
        this(new TreeSet<>(ids));
    }

    public static RemoveProcesses of(String... ids) {
        return new RemoveProcesses(new TreeSet<>(List.of(ids)));
    }

    @Override
    public EditResult apply(Network before) {
        if (ids.isEmpty()) {
            return EditResult.rejected("nothing to delete");
        }
        for (String id : ids) {
            if (before.process(id).isEmpty()) {
                return EditResult.rejected("no process named " + id);
            }
        }
        List<Process> ps = before.processes().stream().filter(p -> !ids.contains(p.id())).toList();
        List<Channel> cs = new ArrayList<>();
        Set<String> gone = new TreeSet<>();
        for (Channel c : before.channels()) {
            List<Endpoint> ws = c.writers().stream().filter(e -> !ids.contains(e.process())).toList();
            List<Endpoint> rs = c.readers().stream().filter(e -> !ids.contains(e.process())).toList();
            if (ws.isEmpty() || rs.isEmpty()) {
                gone.add(c.id());
            } else if (ws.size() == c.writers().size() && rs.size() == c.readers().size()) {
                cs.add(c);
            } else {
                cs.add(c.withEnds(ws, rs));
            }
        }
        return EditResult.applied(new Network(before.title(), before.description(), ps, cs,
                withoutChannels(before.justified(), gone), before.extra()));
    }

    /** The justifications that name none of the {@code gone} channels: a cycle through a deleted channel is gone. */
    static List<Justification> withoutChannels(List<Justification> justified, Set<String> gone) {
        return justified.stream().filter(j -> j.channels().stream().noneMatch(gone::contains)).toList();
    }

    @Override
    public String description() {
        return "Delete " + Rules.count(ids, "", "processes");
    }
}
