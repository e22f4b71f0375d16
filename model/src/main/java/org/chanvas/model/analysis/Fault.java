package org.chanvas.model.analysis;

import java.util.Objects;

/** One thing wrong with a network: what kind, where, and a message a person can act on. */
public record Fault(FaultKind kind, Place place, String message) {

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(message, "message");
    }

    /** The place in words, as {@code check --json} prints it: e.g. {@code "process producer, line 3:5"}. */
    public String where() {
        return place.where();
    }

    @Override
    public String toString() {
        return where() + ": " + message;
    }
}
