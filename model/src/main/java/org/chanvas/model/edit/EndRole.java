package org.chanvas.model.edit;

/** Which list of a channel an end sits in: a writer (outbound port) or a reader (inbound port). */
public enum EndRole {
    WRITER, READER;

    /** "writer" or "reader", for messages. */
    public String word() {
        return this == WRITER ? "writer" : "reader";
    }
}
