package org.chanvas.model.io;

import java.util.Objects;

/**
 * Why a file did not load, and where: the file, the line and column (1-based; 0 when unknown), the JSON path
 * of the faulty value (e.g. {@code processes[2].id}; empty when the fault is the file itself) and the fault.
 */
public record LoadError(String file, int line, int column, String path, String message) {

    public LoadError {
        Objects.requireNonNull(file, "file");
        path = path == null ? "" : path;
        Objects.requireNonNull(message, "message");
    }

    /** One line for people and terminals: {@code prod-cons.chanvas.json:12:7: processes[1].id: duplicate id ...}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
