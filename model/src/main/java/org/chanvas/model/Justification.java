package org.chanvas.model;

import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** A deadlock-prone cycle a person has marked as safe, named by its channel ids, with the reason why. */
public record Justification(SortedSet<String> channels, String note) {

    public Justification {
        channels = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(channels)));
        note = note == null ? "" : note;
    }
}
