package org.chanvas.model;

import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A deadlock-prone cycle a person has marked as safe, named by its channel ids, with the reason why.
 *
 * @param extra fields of the file this version does not know, kept and written back
 */
public record Justification(SortedSet<String> channels, String note, Map<String, Object> extra) {

    public Justification {
        channels = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(channels)));
        note = note == null ? "" : note;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public Justification(SortedSet<String> channels, String note) {
        this(channels, note, Map.of());
    }
}
