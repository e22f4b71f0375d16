package org.chanvas.model.analysis;

import java.util.List;
import java.util.Objects;

/**
 * One edge of the client/server graph: from a process that writes to a process that reads, with every
 * channel that joins the two in that direction (sorted by id). {@code from} equals {@code to} for a
 * self-loop, a process that both writes and reads one channel.
 */
public record Link(String from, String to, List<String> channels) {

    public Link {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        channels = List.copyOf(channels);
    }

    /** Whether this edge leaves and enters the same process. */
    public boolean isSelfLoop() {
        return from.equals(to);
    }
}
