package org.chanvas.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deadlock-prone cycle a person has marked as safe, named by its channel ids, with the reason why and the
 * kind of each of its channels when the mark was made. A note like "the queues are unbounded" is only true of
 * the channels it was written about: when a kind changes, the analysis calls the justification stale instead
 * of trusting it.
 *
 * @param kinds each channel's kind when the cycle was justified, by channel id; either every channel of the
 *              cycle or none (a file written before kinds were kept), never some
 * @param extra fields of the file this version does not know, kept and written back
 */
public record Justification(SortedSet<String> channels, String note, SortedMap<String, Kind> kinds,
                            Map<String, Object> extra) {

    public Justification {
        channels = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(channels)));
        note = note == null ? "" : note;
        kinds = Collections.unmodifiableSortedMap(new TreeMap<>(kinds == null ? Map.of() : kinds));
        if (!kinds.isEmpty() && !kinds.keySet().equals(channels)) {
            throw new IllegalArgumentException("the kinds of a justification name exactly its channels "
                    + channels + ", not " + kinds.keySet());
        }
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** A justification that records no kinds; {@link org.chanvas.model.edit.AddJustification} records them. */
    public Justification(SortedSet<String> channels, String note, Map<String, Object> extra) {
        this(channels, note, null, extra);
    }

    /** A justification that records no kinds; {@link org.chanvas.model.edit.AddJustification} records them. */
    public Justification(SortedSet<String> channels, String note) {
        this(channels, note, null, Map.of());
    }

    /** Whether the channels' kinds were recorded, so that a change of kind can be noticed. */
    public boolean recorded() {
        return !kinds.isEmpty();
    }

    /**
     * The same justification with its channels' kinds as they are in {@code network}; channels the network
     * does not have leave the record empty, since a partial record would guard only part of the cycle.
     */
    public Justification recordedIn(Network network) {
        SortedMap<String, Kind> now = new TreeMap<>();
        for (String id : channels) {
            Optional<Channel> c = network.channel(id);
            if (c.isEmpty()) {
                return new Justification(channels, note, null, extra);
            }
            now.put(id, Kind.of(c.get()));
        }
        return new Justification(channels, note, now, extra);
    }

    /**
     * A channel's kind and, for a buffered one, capacity: what a justification's reasoning depends on.
     *
     * @param capacity the buffer size for {@link ChannelKind#BUFFERED}, 0 for every other kind
     */
    public record Kind(ChannelKind kind, int capacity) {

        public Kind {
            Objects.requireNonNull(kind, "kind");
            capacity = kind == ChannelKind.BUFFERED ? capacity : 0;
        }

        /** The kind a channel has now. */
        public static Kind of(Channel c) {
            return new Kind(c.kind(), c.capacity());
        }

        /** As files and messages write it: {@code "rendezvous"}, {@code "buffered 2"}, {@code "unbounded"}. */
        public String word() {
            return kind == ChannelKind.BUFFERED ? kind.word() + " " + capacity : kind.word();
        }

        /** The kind a file's word names ({@link #word()}'s form), if it is one; a buffer holds at least 1. */
        public static Optional<Kind> fromWord(String word) {
            String[] parts = word.strip().split(" +");
            Optional<ChannelKind> k = ChannelKind.fromWord(parts[0]);
            if (k.isEmpty()) {
                return Optional.empty();
            }
            if (k.get() != ChannelKind.BUFFERED) {
                return parts.length == 1 ? Optional.of(new Kind(k.get(), 0)) : Optional.empty();
            }
            if (parts.length != 2 || !parts[1].matches("[0-9]{1,10}")) {
                return Optional.empty();
            }
            long n = Long.parseLong(parts[1]);
            return n < 1 || n > Integer.MAX_VALUE ? Optional.empty()
                    : Optional.of(new Kind(ChannelKind.BUFFERED, (int) n));
        }
    }
}
