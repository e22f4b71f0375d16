package org.chanvas.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.chanvas.model.Network;
import org.chanvas.model.analysis.Fault;
import org.chanvas.model.analysis.NetworkValidator;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadError;
import org.chanvas.model.io.LoadResult;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.engine.RunPlan;

/**
 * Loads the FILE of a command and tells every fault on stderr in the same words for each command: load
 * faults as {@code file:line:column: path: message}, validation faults as {@code check} prints them,
 * {@code file: where: message} and then {@code file: invalid: N faults}. Every command that needs a valid
 * network ({@code run}, {@code export}, {@code verify}) refuses what {@code check} calls invalid, with exit 2.
 */
final class NetworkInput {

    private NetworkInput() {
    }

    /** The network in {@code file}, or empty after each fault was printed to {@code err} (exit 2 follows). */
    static Optional<Network> load(Path file, PrintWriter err) {
        TerminalText shown = TerminalText.detect();
        return switch (ChanvasFormat.read(file)) {
            case LoadResult.Loaded l -> Optional.of(l.network());
            case LoadResult.Failed f -> {
                for (LoadError e : f.errors()) {
                    err.println(shown.line(e.describe()));
                }
                yield Optional.empty();
            }
        };
    }

    /**
     * The run plan of the network in {@code file}: loaded, then made from {@link NetworkValidator}'s verdict
     * ({@link RunPlan#compile}); otherwise empty after every fault was printed in check's words (exit 2 follows).
     */
    static Optional<RunPlan> loadPlan(Path file, PrintWriter err) {
        Optional<Network> network = load(file, err);
        if (network.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunPlan.compile(network.get(), ScriptParser::parse));
        } catch (RunPlan.InvalidPlanException e) {
            printFaults(file, e.faults(), err);
            return Optional.empty();
        }
    }

    /** Prints validation faults as {@code check} does. */
    static void printFaults(Path file, List<Fault> faults, PrintWriter err) {
        TerminalText shown = TerminalText.detect();
        for (Fault f : faults) {
            err.println(shown.line(file + ": " + f.where() + ": " + f.message()));
        }
        if (!faults.isEmpty()) {
            err.println(file + ": invalid: " + faults.size() + (faults.size() == 1 ? " fault" : " faults"));
        }
    }
}
