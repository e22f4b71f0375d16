package org.chanvas.app.editor.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.chanvas.app.editor.Problem;
import org.chanvas.model.Network;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;

/**
 * A deadlock or stuck run in words, twice: one line for the banner above the diagram (the cycle of waits and how
 * many wait), so that it never pushes the diagram down, and the full account for its details (who waits on what
 * for whom, the cycle, whether the analysis saw it coming, who else waits).
 */
public final class DeadlockWords {

    /**
     * Names of the cycle the one line spells out before it says "…": four keep the count of waiting processes
     * in view beside "details" in a 1280 px window (six were cut off mid-name).
     */
    private static final int NAMES_SHOWN = 4;

    private final Network network;
    private final List<Problem.Cycle> predicted;

    /** @param predicted the cycles the static analysis listed for {@code network} */
    public DeadlockWords(Network network, List<Problem.Cycle> predicted) {
        this.network = network;
        this.predicted = List.copyOf(predicted);
    }

    /**
     * One line: "Deadlock: phil1 → fork2 → phil2 → … (5 processes waiting)"; a stuck run without a cycle names
     * the first waiting process and what it waits on.
     */
    public String oneLine(Diagnosis d) {
        StringBuilder sb = new StringBuilder(d.stuck() ? "Stuck: " : "Deadlock: ");
        int waiting = d.waiting().size();
        if (!d.cycle().isEmpty()) {
            List<String> labels = d.cycle().stream().map(this::label).toList();
            List<String> shown = new ArrayList<>(labels.subList(0, Math.min(NAMES_SHOWN, labels.size())));
            shown.add(labels.size() > NAMES_SHOWN ? "\u2026" : labels.getFirst());
            sb.append(String.join(" \u2192 ", shown));
        } else if (!d.waiting().isEmpty()) {
            Diagnosis.Waiting w = d.waiting().getFirst();
            sb.append(w.label()).append(" waits ").append(w.on().stream().map(WaitOn::describe)
                    .reduce((a, b) -> a + " or " + b).orElse(""));
            if (w.stuck()) {
                sb.append(", but every peer has ended");
            }
        }
        sb.append(" (").append(waiting).append(waiting == 1 ? " process" : " processes").append(" waiting)");
        return sb.toString();
    }

    /** The full account: who waits for whom, the cycle, whether the analysis had predicted it. */
    public String details(Diagnosis d) {
        StringBuilder sb = new StringBuilder(d.stuck() ? "Stuck: " : "Deadlock: ");
        // The cycle's waits first, in its order: they are the explanation; the others are listed in the Console.
        List<Diagnosis.Waiting> told = new ArrayList<>();
        for (String id : d.cycle()) {
            d.waiting().stream().filter(w -> w.process().equals(id)).findFirst().ifPresent(told::add);
        }
        for (Diagnosis.Waiting w : d.waiting()) {
            if (told.size() < 3 && !told.contains(w) && d.cycle().isEmpty()) {
                told.add(w);
            }
        }
        List<String> parts = new ArrayList<>();
        for (Diagnosis.Waiting w : told) {
            String peer = w.on().stream().map(o -> peerOf(w.process(), o)).filter(s -> !s.isEmpty()).findFirst().orElse("");
            parts.add(w.label() + " waits " + w.on().stream().map(WaitOn::describe)
                    .reduce((a, b) -> a + " or " + b).orElse("") + (peer.isEmpty() ? "" : " for " + peer)
                    + (w.stuck() ? ", but every peer has ended" : ""));
        }
        sb.append(String.join("; ", parts)).append('.');

        if (!d.cycle().isEmpty()) {
            List<String> labels = d.cycle().stream().map(this::label).toList();
            sb.append(" Cycle of waits: ").append(String.join(" \u2192 ", labels)).append(" \u2192 ")
                    .append(labels.getFirst()).append('.');
            Set<String> waitSet = Set.copyOf(d.cycle());
            Optional<Problem.Cycle> seen = predicted.stream()
                    .filter(c -> Set.copyOf(c.processes()).equals(waitSet)).findFirst();
            seen.ifPresentOrElse(
                    c -> sb.append(" Static analysis had predicted this cycle")
                            .append(c.justified() ? " (marked justified: " + c.note().replaceAll("[.\\s]+$", "") + ")."
                                    : c.isStale() ? " (its justification is stale: " + c.stale() + ")." : "."),
                    () -> sb.append(" Static analysis had not listed this cycle."));
        }
        List<String> others = d.waiting().stream().filter(w -> !told.contains(w)).map(Diagnosis.Waiting::label).toList();
        if (!others.isEmpty()) {
            sb.append(" Also waiting: ").append(String.join(", ", others)).append(" (see the Console).");
        }
        return sb.toString();
    }

    private String peerOf(String process, WaitOn on) {
        if (on.peer() != null) {
            return label(on.peer());
        }
        return network.channel(on.channel()).map(c -> {
            var ends = on.direction() == WaitOn.Direction.SEND ? c.readers() : c.writers();
            return ends.stream().map(e -> label(e.process())).distinct().reduce((a, b) -> a + " or " + b).orElse("");
        }).orElse("");
    }

    private String label(String id) {
        return network.process(id).map(org.chanvas.model.Process::displayLabel).orElse(id);
    }
}
