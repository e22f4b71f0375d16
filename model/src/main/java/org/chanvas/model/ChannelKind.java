package org.chanvas.model;

import java.util.Locale;
import java.util.Optional;

/** How a channel holds messages between its writers and readers (SPEC §1). */
public enum ChannelKind {
    /** Capacity 0: a send waits until a reader takes the message. */
    RENDEZVOUS,
    /** Capacity n ≥ 1: a send waits only while n messages wait. */
    BUFFERED,
    /** A send never waits. */
    UNBOUNDED,
    /** Client/server: {@code call} sends a request and waits for the {@code reply}. */
    CALL;

    /** The word used in files and scripts, e.g. {@code "rendezvous"}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named by a file's word, if it is one. */
    public static Optional<ChannelKind> fromWord(String word) {
        for (ChannelKind k : values()) {
            if (k.word().equals(word)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
