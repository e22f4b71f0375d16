package org.chanvas.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import org.chanvas.model.Network;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadError;
import org.chanvas.model.io.LoadResult;

/** Loads the FILE of a command, telling every load fault on stderr in the same words for each command. */
final class NetworkInput {

    private NetworkInput() {
    }

    /** The network in {@code file}, or empty after each fault was printed to {@code err} (exit 2 follows). */
    static Optional<Network> load(Path file, PrintWriter err) {
        return switch (ChanvasFormat.read(file)) {
            case LoadResult.Loaded l -> Optional.of(l.network());
            case LoadResult.Failed f -> {
                for (LoadError e : f.errors()) {
                    err.println(e.describe());
                }
                yield Optional.empty();
            }
        };
    }
}
