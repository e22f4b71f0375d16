package org.chanvas.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The whole document: processes, channels and justified cycles. A value; every edit makes a new one.
 *
 * @param extra top-level fields of the file this version does not know, kept and written back
 */
public record Network(String title, String description, List<Process> processes, List<Channel> channels,
                      List<Justification> justified, Map<String, Object> extra) {

    public Network {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        processes = List.copyOf(processes);
        channels = List.copyOf(channels);
        justified = List.copyOf(justified);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** An empty, untitled network. */
    public static Network empty() {
        return new Network("", "", List.of(), List.of(), List.of(), Map.of());
    }

    public Optional<Process> process(String id) {
        return processes.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Channel> channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The channels with an end on the given process. */
    public List<Channel> channelsOf(String processId) {
        return channels.stream().filter(c -> c.touches(processId)).toList();
    }

    public Network withTitle(String t, String d) {
        return new Network(t, d, processes, channels, justified, extra);
    }

    public Network withProcesses(List<Process> ps) {
        return new Network(title, description, ps, channels, justified, extra);
    }

    public Network withChannels(List<Channel> cs) {
        return new Network(title, description, processes, cs, justified, extra);
    }

    public Network withJustified(List<Justification> js) {
        return new Network(title, description, processes, channels, js, extra);
    }

    /** Replaces the process with the same id as {@code op}'s result of the old one. */
    public Network mapProcess(String id, UnaryOperator<Process> op) {
        List<Process> ps = new ArrayList<>(processes.size());
        for (Process p : processes) {
            ps.add(p.id().equals(id) ? op.apply(p) : p);
        }
        return withProcesses(ps);
    }

    public Network mapChannel(String id, UnaryOperator<Channel> op) {
        List<Channel> cs = new ArrayList<>(channels.size());
        for (Channel c : channels) {
            cs.add(c.id().equals(id) ? op.apply(c) : c);
        }
        return withChannels(cs);
    }
}
