package org.chanvas.app.diagram;

import java.util.List;
import java.util.Map;

/**
 * A run's state drawn over the diagram. Plain data: the editor fills it in each pulse from the run's events.
 *
 * @param states     each process's state; processes not listed are drawn at rest
 * @param bufferFill how many messages wait in each buffered channel, by channel id
 * @param tokens     messages in flight
 * @param waitCycle  the cycle of waits of a deadlock, in order; drawn bold red with numbered arrows
 * @param banner     words describing a deadlock or stuck run, or {@code null}
 */
public record RunOverlay(Map<String, ProcessState> states, Map<String, Integer> bufferFill, List<Token> tokens,
                         List<WaitEdge> waitCycle, String banner) {

    public RunOverlay {
        states = Map.copyOf(states);
        bufferFill = Map.copyOf(bufferFill);
        tokens = List.copyOf(tokens);
        waitCycle = List.copyOf(waitCycle);
    }

    public ProcessState state(String process) {
        return states.getOrDefault(process, ProcessState.IDLE);
    }

    /**
     * A message travelling a channel from a writer to a reader.
     *
     * @param t     how far along, 0 at the writer and 1 at the reader
     * @param value the message as text, shown in a pill beside the dot
     */
    public record Token(String channel, String writer, String reader, double t, String value) {
    }

    /**
     * One wait of a deadlock: {@code waiter} waits on {@code channel} for {@code peer}. Drawn along the
     * channel's route between the two, whichever way the channel runs.
     */
    public record WaitEdge(String waiter, String peer, String channel) {
    }
}
