package org.chanvas.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A one-way channel from its writers (outbound ports) to its readers (inbound ports).
 *
 * @param capacity the buffer size; meaningful only for {@link ChannelKind#BUFFERED}, 0 otherwise
 * @param label optional display name, or {@code null}
 * @param x optional centre of the node of a shared channel, or {@code null}
 * @param y optional centre of the node of a shared channel, or {@code null}
 * @param extra fields of the file this version does not know, kept and written back
 */
public record Channel(String id, ChannelKind kind, int capacity, List<Endpoint> writers, List<Endpoint> readers,
                      String label, Double x, Double y, Map<String, Object> extra) {

    public Channel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        writers = List.copyOf(writers);
        readers = List.copyOf(readers);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public Channel(String id, ChannelKind kind, int capacity, List<Endpoint> writers, List<Endpoint> readers) {
        this(id, kind, capacity, writers, readers, null, null, null, Map.of());
    }

    /** A channel with more than one writer or more than one reader, drawn with its own node. */
    public boolean isShared() {
        return writers.size() > 1 || readers.size() > 1;
    }

    /** Whether this channel has an end on the given process. */
    public boolean touches(String processId) {
        return writers.stream().anyMatch(e -> e.process().equals(processId))
                || readers.stream().anyMatch(e -> e.process().equals(processId));
    }

    public Channel withEnds(List<Endpoint> newWriters, List<Endpoint> newReaders) {
        return new Channel(id, kind, capacity, newWriters, newReaders, label, x, y, extra);
    }

    public Channel withKind(ChannelKind newKind, int newCapacity) {
        return new Channel(id, newKind, newCapacity, writers, readers, label, x, y, extra);
    }

    public Channel withNodePosition(Double nx, Double ny) {
        return new Channel(id, kind, capacity, writers, readers, label, nx, ny, extra);
    }

    public Channel withLabel(String l) {
        return new Channel(id, kind, capacity, writers, readers, l, x, y, extra);
    }
}
