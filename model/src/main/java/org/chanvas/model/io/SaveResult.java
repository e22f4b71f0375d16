package org.chanvas.model.io;

import java.nio.file.Path;
import java.util.Objects;

/** The outcome of saving: written, or why not (the old file, if any, is then untouched). */
public sealed interface SaveResult {

    /** The file now holds the network. */
    record Saved(Path file) implements SaveResult {
        public Saved {
            Objects.requireNonNull(file, "file");
        }
    }

    /** Nothing changed on disk; {@code message} names the file and the reason. */
    record SaveFailed(Path file, String message) implements SaveResult {
        public SaveFailed {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
        }
    }
}
