package org.chanvas.model;

import java.util.Objects;
import java.util.Optional;

/** One end of a channel: a port of a process, written {@code process.port} in files. */
public record Endpoint(String process, String port) implements Comparable<Endpoint> {

    public Endpoint {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(port, "port");
    }

    /** Parses {@code process.port}; empty when the text has no dot or an empty side. */
    public static Optional<Endpoint> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(text.substring(0, dot), text.substring(dot + 1)));
    }

    @Override
    public int compareTo(Endpoint o) {
        int c = process.compareTo(o.process);
        return c != 0 ? c : port.compareTo(o.port);
    }

    @Override
    public String toString() {
        return process + "." + port;
    }
}
