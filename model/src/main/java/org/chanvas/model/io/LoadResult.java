package org.chanvas.model.io;

import java.util.List;
import java.util.Objects;
import org.chanvas.model.Network;

/** The outcome of reading a {@code chanvas/1} file: the network, or every fault found (at least one). */
public sealed interface LoadResult {

    /** The file was read and is consistent. */
    record Loaded(Network network) implements LoadResult {
        public Loaded {
            Objects.requireNonNull(network, "network");
        }
    }

    /** The file could not be read; {@code errors} lists the faults in file order, the first being the main one. */
    record Failed(List<LoadError> errors) implements LoadResult {
        public Failed {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a failed load needs at least one error");
            }
        }

        /** The first fault, the one to show when there is room for one. */
        public LoadError error() {
            return errors.getFirst();
        }
    }
}
