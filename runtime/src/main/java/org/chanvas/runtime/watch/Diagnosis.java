package org.chanvas.runtime.watch;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a run can never move again: each waiting process and what it waits for, and the cycle of waits
 * (process ids, the first repeated at the end implied) when there is one.
 *
 * @param stuck true when there is no cycle and some process waits on a channel whose peers have all ended
 */
public record Diagnosis(List<Waiting> waiting, List<String> cycle, boolean stuck) {

    public Diagnosis {
        waiting = List.copyOf(waiting);
        cycle = List.copyOf(cycle);
    }

    /** One waiting process. @param stuck whether every peer it could be woken by has ended */
    public record Waiting(String process, String label, List<WaitOn> on, boolean stuck) {
        public Waiting {
            on = List.copyOf(on);
        }
    }

    /** {@code stuck} or {@code deadlock}. */
    public String kind() {
        return stuck ? "stuck" : "deadlock";
    }

    /** Several lines of plain words for a terminal or a banner. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(stuck ? "stuck: a process waits on a channel whose every peer has ended"
                : "deadlock: every live process waits and none can move").append('\n');
        for (Waiting w : waiting) {
            if (w.on().isEmpty()) {
                sb.append("  ").append(w.label()).append(" is not waiting on any channel\n");
                continue;
            }
            sb.append("  ").append(w.label()).append(" waits ")
                    .append(w.on().stream().map(WaitOn::describe).collect(Collectors.joining(" or ")));
            if (w.stuck()) {
                sb.append(", but every peer has ended");
            }
            sb.append('\n');
        }
        if (!cycle.isEmpty()) {
            sb.append("  cycle of waits: ").append(String.join(" -> ", cycle)).append(" -> ")
                    .append(cycle.getFirst()).append('\n');
        }
        return sb.toString();
    }
}
