package org.chanvas.app.editor.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.chanvas.app.diagram.ProcessState;
import org.chanvas.app.diagram.RunOverlay;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.script.ParsedScript;
import org.chanvas.model.script.PortUse;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.value.Values;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;

/**
 * Turns a run's events into what the canvas draws: each process's state, messages travelling their arrows,
 * buffer fill, the reader of a shared channel that took the last message, the line each process is on, and
 * a deadlock's cycle of waits. Plain logic on the FX thread's clock: it never touches a node, so it is tested
 * without a window.
 */
public final class RunAnimator {

    /** A message on its way, drawn from {@code startNanos} for {@code durationNanos}. */
    private record Flight(String channel, String writer, String reader, boolean reply, String value,
                          long startNanos, long durationNanos) {
    }

    /** At most this many tokens are drawn at once, so an instant run does not bury the diagram. */
    private static final int MAX_FLIGHTS = 60;

    private final Network network;
    private final Function<String, ParsedScript> parse;
    private final Map<String, ProcessState> states = new HashMap<>();
    private final Map<String, Integer> fill = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, String> lastReader = new HashMap<>();
    private final List<Flight> flights = new ArrayList<>();
    private List<RunOverlay.WaitEdge> waitCycle = List.of();
    private Diagnosis diagnosis;
    private long transfers;

    public RunAnimator(Network network, Function<String, ParsedScript> parse) {
        this.network = network;
        this.parse = parse;
    }

    /**
     * Takes one event, seen at {@code nowNanos} on the FX clock; a message gets {@code flightNanos} to travel
     * (0 for an instant run: it is then drawn only in passing).
     */
    public void accept(RunEvent event, long nowNanos, long flightNanos) {
        switch (event) {
            case RunEvent.Started s -> states.put(s.process(), ProcessState.RUNNING);
            case RunEvent.SendOffered s -> {
                states.put(s.process(), ProcessState.RUNNING);
                lineOf(s.process(), s.port(), true).ifPresent(l -> lines.put(s.process(), l));
            }
            case RunEvent.Transfer t -> transfer(t, nowNanos, flightNanos);
            // The runtime reports the count under the channel's lock, so the slots follow it exactly.
            case RunEvent.Buffer b -> {
                if (b.held() > 0) {
                    fill.put(b.channel(), b.held());
                } else {
                    fill.remove(b.channel());
                }
            }
            case RunEvent.Received r -> {
                states.put(r.process(), ProcessState.RUNNING);
                lineOf(r.process(), r.port(), false).ifPresent(l -> lines.put(r.process(), l));
            }
            case RunEvent.Blocked b -> {
                boolean sending = b.on().stream().anyMatch(w -> w.direction() == WaitOn.Direction.SEND);
                states.put(b.process(), sending ? ProcessState.WAITING_TO_SEND : ProcessState.WAITING_TO_RECEIVE);
                if (!b.on().isEmpty()) {
                    WaitOn w = b.on().getFirst();
                    lineOf(b.process(), w.port(), w.direction() != WaitOn.Direction.RECV).ifPresent(l -> lines.put(b.process(), l));
                }
            }
            case RunEvent.Printed p -> states.put(p.process(), ProcessState.RUNNING);
            case RunEvent.Slept s -> states.put(s.process(), ProcessState.SLEEPING);
            case RunEvent.Ended e -> states.put(e.process(), ProcessState.FINISHED);
            case RunEvent.Failed f -> {
                states.put(f.process(), ProcessState.FAILED);
                lines.put(f.process(), f.line());
            }
            case RunEvent.Deadlock d -> deadlock(d.diagnosis());
            case RunEvent.Drawn d -> { }
            case RunEvent.Timeout t -> { }
        }
    }

    private void transfer(RunEvent.Transfer t, long now, long flightNanos) {
        transfers++;
        Optional<Channel> ch = network.channel(t.channel());
        boolean reply = ch.isPresent() && ch.get().kind() == ChannelKind.CALL && ch.get().readers().contains(t.from());
        Endpoint writer = reply ? t.to() : t.from();
        Endpoint reader = reply ? t.from() : t.to();
        if (!reply) {
            lastReader.put(t.channel(), reader.process());
        }
        // Both ends move on after a transfer: the writer's send (or the server's reply) completed.
        states.put(t.from().process(), ProcessState.RUNNING);
        states.put(t.to().process(), ProcessState.RUNNING);
        long duration = flightNanos > 0 ? flightNanos : 250_000_000L;
        flights.add(new Flight(t.channel(), writer.process(), reader.process(), reply, Values.display(t.value()),
                now, duration));
        while (flights.size() > MAX_FLIGHTS) {
            flights.removeFirst();
        }
    }

    private void deadlock(Diagnosis d) {
        diagnosis = d;
        for (Diagnosis.Waiting w : d.waiting()) {
            boolean sending = w.on().stream().anyMatch(o -> o.direction() == WaitOn.Direction.SEND);
            states.put(w.process(), sending ? ProcessState.WAITING_TO_SEND : ProcessState.WAITING_TO_RECEIVE);
        }
        List<RunOverlay.WaitEdge> edges = new ArrayList<>();
        List<String> cycle = d.cycle();
        for (int i = 0; i < cycle.size(); i++) {
            String waiter = cycle.get(i);
            String peer = cycle.get((i + 1) % cycle.size());
            String channel = d.waiting().stream().filter(w -> w.process().equals(waiter))
                    .flatMap(w -> w.on().stream()).map(WaitOn::channel)
                    .filter(c -> network.channel(c).map(ch -> ch.touches(peer)).orElse(false))
                    .findFirst().orElse(null);
            if (channel != null) {
                edges.add(new RunOverlay.WaitEdge(waiter, peer, channel));
            }
        }
        waitCycle = List.copyOf(edges);
    }

    /** What to draw at {@code nowNanos}; messages that have arrived are dropped. */
    public RunOverlay overlay(long nowNanos) {
        List<RunOverlay.Token> tokens = new ArrayList<>();
        for (Iterator<Flight> it = flights.iterator(); it.hasNext(); ) {
            Flight f = it.next();
            double t = (nowNanos - f.startNanos()) / (double) f.durationNanos();
            if (t >= 1) {
                it.remove();
                continue;
            }
            double along = Math.max(0, t);
            tokens.add(new RunOverlay.Token(f.channel(), f.writer(), f.reader(), f.reply() ? 1 - along : along, f.value()));
        }
        return new RunOverlay(states, fill, tokens, waitCycle, null);
    }

    /** Whether messages are still drawn travelling. */
    public boolean animating() {
        return !flights.isEmpty();
    }

    /** The 1-based script line a process was last seen on, if known. */
    public Optional<Integer> line(String process) {
        return Optional.ofNullable(lines.get(process));
    }

    /** The reader of a shared channel that took its latest message. */
    public Optional<String> lastReader(String channel) {
        return Optional.ofNullable(lastReader.get(channel));
    }

    public ProcessState state(String process) {
        return states.getOrDefault(process, ProcessState.IDLE);
    }

    public Optional<Diagnosis> diagnosis() {
        return Optional.ofNullable(diagnosis);
    }

    public List<RunOverlay.WaitEdge> waitCycle() {
        return waitCycle;
    }

    public long transfers() {
        return transfers;
    }

    /**
     * The line of the statement that uses {@code port} in the given direction: the first such use after the
     * line the process was on (scripts loop), else the first.
     */
    private Optional<Integer> lineOf(String process, String port, boolean writing) {
        Optional<org.chanvas.model.Process> p = network.process(process);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        List<PortUse> uses = parse.apply(p.get().script()).portUses().stream()
                .filter(u -> u.port().equals(port))
                .filter(u -> writing == (u.how() == PortUse.How.SEND || u.how() == PortUse.How.CALL
                        || u.how() == PortUse.How.REPLY))
                .toList();
        if (uses.isEmpty()) {
            return Optional.empty();
        }
        int current = lines.getOrDefault(process, 0);
        return Optional.of(uses.stream().filter(u -> u.pos().line() > current).findFirst()
                .orElse(uses.getFirst()).pos().line());
    }
}
