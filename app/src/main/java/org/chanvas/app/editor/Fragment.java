package org.chanvas.app.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.edit.AddChannel;
import org.chanvas.model.edit.AddProcess;
import org.chanvas.model.edit.Compound;
import org.chanvas.model.edit.EditCommand;
import org.chanvas.model.edit.Ids;

/**
 * A copied piece of a network: some processes and the channels all of whose ends lie among them. Pasting
 * gives everything fresh ids and shifts it, so a paste never collides with what is there.
 */
public record Fragment(List<Process> processes, List<Channel> channels) {

    public Fragment {
        processes = List.copyOf(processes);
        channels = List.copyOf(channels);
    }

    /** The selected processes, and the channels that connect only them (selected or not). */
    public static Fragment of(Network network, Set<String> processIds) {
        List<Process> ps = network.processes().stream().filter(p -> processIds.contains(p.id())).toList();
        List<Channel> cs = network.channels().stream()
                .filter(c -> c.writers().stream().allMatch(e -> processIds.contains(e.process()))
                        && c.readers().stream().allMatch(e -> processIds.contains(e.process())))
                .toList();
        return new Fragment(ps, cs);
    }

    public boolean isEmpty() {
        return processes.isEmpty();
    }

    /** A paste of this fragment into {@code network}, shifted by (dx, dy); the new ids are in the result. */
    public Pasted pasteInto(Network network, double dx, double dy) {
        Network scratch = network;
        Map<String, String> ids = new HashMap<>();
        List<EditCommand> steps = new ArrayList<>();
        for (Process p : processes) {
            String id = Ids.freshProcessId(scratch, p.id());
            ids.put(p.id(), id);
            Process copy = new Process(id, p.label(), p.x() + dx, p.y() + dy, p.script(), p.extra(), p.params());
            steps.add(new AddProcess(copy));
            scratch = scratch.withProcesses(append(scratch.processes(), copy));
        }
        List<String> channelIds = new ArrayList<>();
        for (Channel c : channels) {
            String id = Ids.freshChannelId(scratch);
            Channel copy = new Channel(id, c.kind(), c.capacity(), remap(c.writers(), ids), remap(c.readers(), ids),
                    c.label(), c.x() == null ? null : c.x() + dx, c.y() == null ? null : c.y() + dy, c.extra());
            steps.add(new AddChannel(copy));
            channelIds.add(id);
            scratch = scratch.withChannels(append(scratch.channels(), copy));
        }
        String what = processes.size() == 1 ? "Paste " + processes.getFirst().id()
                : "Paste " + processes.size() + " processes";
        return new Pasted(new Compound(what, steps), List.copyOf(ids.values()), channelIds);
    }

    /** The command of a paste and the ids it creates, so the editor can select them. */
    public record Pasted(EditCommand command, List<String> processIds, List<String> channelIds) {
    }

    private static List<Endpoint> remap(List<Endpoint> ends, Map<String, String> ids) {
        return ends.stream().map(e -> new Endpoint(ids.get(e.process()), e.port())).toList();
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
