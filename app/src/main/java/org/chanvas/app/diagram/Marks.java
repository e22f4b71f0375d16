package org.chanvas.app.diagram;

import java.util.Set;

/** A set of processes and channels, by id, that share one highlight. */
public record Marks(Set<String> processes, Set<String> channels) {

    public static final Marks NONE = new Marks(Set.of(), Set.of());

    public Marks {
        processes = Set.copyOf(processes);
        channels = Set.copyOf(channels);
    }

    public boolean isEmpty() {
        return processes.isEmpty() && channels.isEmpty();
    }

    public boolean hasProcess(String id) {
        return processes.contains(id);
    }

    public boolean hasChannel(String id) {
        return channels.contains(id);
    }
}
