package org.chanvas.runtime.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chanvas.model.Endpoint;
import org.chanvas.runtime.engine.DeterministicRun.Chan;
import org.chanvas.runtime.engine.DeterministicRun.Entry;
import org.chanvas.runtime.engine.DeterministicRun.Move;
import org.chanvas.runtime.engine.DeterministicRun.Proc;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceReader.Traced;
import org.chanvas.runtime.event.TraceWriter;
import org.chanvas.runtime.interp.Request;
import org.chanvas.runtime.value.Values;
import org.chanvas.runtime.watch.WaitOn;

/**
 * The replay's scheduler: instead of drawing a random move it takes the move whose events are the trace's next
 * lines. It predicts each candidate move's events (a process's next request is computed ahead, which is safe:
 * local computation touches nothing outside the process), and checks every event made against the trace, so
 * the first line that does not fit stops the run with a message naming it.
 */
final class TraceFollower implements DeterministicRun.Scheduler {

    /** How many silent steps in a row (local computation, waits that need no event) before giving up. */
    private static final int SILENT_LIMIT = 1_000_000;

    private final DeterministicRun run;
    private final List<Traced> trace;
    private int cursor;
    private int silentInARow;
    private String divergence;
    /** The guesses to take (by index among the ordered alternatives) at the first decisions; then the first. */
    private final List<Integer> forced;
    /** Per decision made: how many alternatives it had, and which was taken. */
    private final List<Integer> widths = new ArrayList<>();
    private final List<Integer> taken = new ArrayList<>();

    TraceFollower(DeterministicRun run, List<Traced> trace, List<Integer> forced) {
        this.run = run;
        this.trace = trace;
        this.forced = List.copyOf(forced);
    }

    /** The first line that did not fit, in words starting with {@code line N:}; null while all fit. */
    String divergence() {
        return divergence;
    }

    /** The 1-based line of the first trace event not yet matched, or -1 when all were. */
    int nextLine() {
        return cursor < trace.size() ? trace.get(cursor).line() : -1;
    }

    /** The first trace event not yet matched, or null. */
    RunEvent nextEvent() {
        return cursor < trace.size() ? trace.get(cursor).event() : null;
    }

    @Override
    public boolean halted() {
        return divergence != null;
    }

    @Override
    public void observe(RunEvent e) {
        if (divergence != null) {
            return;
        }
        if (cursor >= trace.size()) {
            divergence = "line " + (trace.isEmpty() ? 1 : trace.getLast().line() + 1) + ": the trace has ended, but the"
                    + " replay goes on with " + describe(e);
            return;
        }
        RunEvent expected = trace.get(cursor).event();
        if (TraceWriter.json(expected).equals(TraceWriter.json(e))) {
            cursor++;
        } else {
            divergence = "line " + trace.get(cursor).line() + ": the trace says " + describe(expected) + " (at "
                    + expected.nanos() + " ns), but the replay made " + describe(e) + " (at " + e.nanos() + " ns)";
        }
    }

    @Override
    public Move pick(List<Proc> runnable, List<Chan> enabled) {
        if (divergence != null || cursor >= trace.size()) {
            return new Move.Halt(); // a trace that stops early is a run that was stopped: the replay stops there too
        }
        List<Move> matches = new ArrayList<>();
        List<Proc> silent = new ArrayList<>();
        for (Proc p : runnable) {
            if (p.pending == null) {
                p.pending = p.machine.advance();
            }
            List<RunEvent> predicted = predictStep(p);
            if (predicted.isEmpty()) {
                silent.add(p);
            } else if (fits(predicted)) {
                matches.add(new Move.Step(p));
            }
        }
        for (Chan c : enabled) {
            transfers(c, matches);
        }
        if (!silent.isEmpty() && ++silentInARow < SILENT_LIMIT) {
            // A silent step is taken as soon as it can be, while it is still silent (a wait that is ready now may
            // block later), unless a matching step shares a channel with it: then whether that step blocks
            // depends on the order, and the trace, which shows that step's events now, says it came first.
            // And a wait the trace shows was not yet registered at a later line waits too.
            for (Proc p : silent) {
                if (!registersLater(p)
                        && matches.stream().noneMatch(m -> m instanceof Move.Step st && sharesChannel(st.proc(), p))) {
                    return new Move.Step(p);
                }
            }
        }
        if (!matches.isEmpty()) {
            silentInARow = 0;
            return choosePut(matches);
        }
        if (!silent.isEmpty() && silentInARow < SILENT_LIMIT) {
            return new Move.Step(silent.getFirst());
        }
        divergence = "line " + trace.get(cursor).line() + ": the trace says " + describe(trace.get(cursor).event())
                + ", but " + why(trace.get(cursor).event(), runnable, enabled);
        return new Move.Halt();
    }

    /**
     * Whether the process's pending silent wait must have come later in the recorded run: its own block shows
     * in the trace (it was not ready then), or before its next line another process blocks to send on a
     * channel it would read (so no reader was there yet).
     */
    private boolean registersLater(Proc p) {
        if (!(p.pending instanceof Request.Recv || p.pending instanceof Request.Select)) {
            return false;
        }
        List<String> reads = new ArrayList<>();
        switch (p.pending) {
            case Request.Recv r -> reads.add(run.channelOf(p, r.port()).model.id());
            case Request.Select sel -> {
                for (Request.Offer o : sel.offers()) {
                    if (o instanceof Request.RecvOffer ro) {
                        reads.add(run.channelOf(p, ro.port()).model.id());
                    }
                }
            }
            default -> {
            }
        }
        for (int i = cursor; i < trace.size(); i++) {
            RunEvent e = trace.get(i).event();
            if (e instanceof RunEvent.Blocked b && !b.process().equals(p.id) && b.on().stream()
                    .anyMatch(w -> w.direction() == WaitOn.Direction.SEND && reads.contains(w.channel()))) {
                return true;
            }
            // a transfer may name it as the writer of a message that sat in a buffer: not its own step
            if (!(e instanceof RunEvent.Transfer) && names(e, p.id)) {
                return e instanceof RunEvent.Blocked;
            }
        }
        return false;
    }

    /** Whether the two processes' next requests touch a common channel. */
    private boolean sharesChannel(Proc a, Proc b) {
        List<Chan> of = channels(a);
        return channels(b).stream().anyMatch(of::contains);
    }

    private List<Chan> channels(Proc p) {
        return switch (p.pending) {
            case Request.Send s -> List.of(run.channelOf(p, s.port()));
            case Request.Call c -> List.of(run.channelOf(p, c.port()));
            case Request.Recv r -> List.of(run.channelOf(p, r.port()));
            case Request.Reply r -> List.of(run.channelOf(p, r.port()));
            case Request.Select sel -> sel.offers().stream().<Chan>mapMulti((o, out) -> {
                switch (o) {
                    case Request.RecvOffer ro -> out.accept(run.channelOf(p, ro.port()));
                    case Request.SendOffer so -> out.accept(run.channelOf(p, so.port()));
                    case Request.AfterOffer ao -> {
                    }
                }
            }).toList();
            case null, default -> List.of();
        };
    }

    /** Whether the trace's next lines are exactly these events. */
    private boolean fits(List<RunEvent> predicted) {
        if (cursor + predicted.size() > trace.size()) {
            return false;
        }
        for (int i = 0; i < predicted.size(); i++) {
            if (!TraceWriter.json(predicted.get(i)).equals(TraceWriter.json(trace.get(cursor + i).event()))) {
                return false;
            }
        }
        return true;
    }

    /** The events the process's next step would make now, mirroring DeterministicRun.step. */
    private List<RunEvent> predictStep(Proc p) {
        long now = run.now();
        List<RunEvent> out = new ArrayList<>(2);
        switch (p.pending) {
            case Request.Send s -> writeStep(p, s.port(), s.value(), out);
            case Request.Call c -> writeStep(p, c.port(), c.value(), out);
            case Request.Recv rv -> {
                Chan c = run.channelOf(p, rv.port());
                if (c.buffer.isEmpty() && c.writers.isEmpty()) {
                    out.add(new RunEvent.Blocked(now, p.id, List.of(WaitOn.recv(c.model.id(), rv.port()))));
                }
            }
            case Request.Reply rp -> {
                Proc client = p.toAnswer.get(rp.port());
                Endpoint to = client == null || client.entries.isEmpty() ? null : client.entries.getFirst().endpoint();
                out.add(new RunEvent.Transfer(now, run.channelOf(p, rp.port()).model.id(), new Endpoint(p.id, rp.port()),
                        to, rp.value()));
            }
            case Request.Select sel -> selectStep(p, sel, out);
            case Request.Sleep sl -> out.add(new RunEvent.Slept(now, p.id, sl.millis()));
            case Request.Print pr -> out.add(new RunEvent.Printed(now, p.id, p.label, pr.text()));
            case Request.Yield y -> {
            }
            case Request.Done d -> out.add(new RunEvent.Ended(now, p.id));
            case Request.Failed f -> out.add(new RunEvent.Failed(now, p.id, f.pos().line(), f.pos().column(), f.message()));
            case Request.Choose c -> {
                // never made: a replay's machines draw random values
            }
        }
        return out;
    }

    private void writeStep(Proc p, String port, Object value, List<RunEvent> out) {
        Chan c = run.channelOf(p, port);
        out.add(new RunEvent.SendOffered(run.now(), p.id, port, c.model.id(), value));
        boolean ready = !c.readers.isEmpty() || (c.capacity > 0 && (c.buffer.size() < c.capacity || c.unbounded));
        if (!ready) {
            out.add(new RunEvent.Blocked(run.now(), p.id, List.of(WaitOn.send(c.model.id(), port))));
        }
    }

    /** Mirrors DeterministicRun.select: offers register guard by guard, each seeing the ones before it. */
    private void selectStep(Proc p, Request.Select sel, List<RunEvent> out) {
        Map<Chan, Integer> readersAdded = new HashMap<>();
        Map<Chan, Integer> writersAdded = new HashMap<>();
        List<WaitOn> on = new ArrayList<>();
        boolean ready = false;
        for (Request.Offer o : sel.offers()) {
            if (o instanceof Request.SendOffer so) {
                out.add(new RunEvent.SendOffered(run.now(), p.id, so.port(), run.channelOf(p, so.port()).model.id(),
                        so.value()));
            }
        }
        for (Request.Offer o : sel.offers()) {
            switch (o) {
                case Request.RecvOffer ro -> {
                    Chan c = run.channelOf(p, ro.port());
                    readersAdded.merge(c, 1, Integer::sum);
                    on.add(WaitOn.recv(c.model.id(), ro.port()));
                    ready |= !c.buffer.isEmpty() || c.writers.size() + writersAdded.getOrDefault(c, 0) > 0;
                }
                case Request.SendOffer so -> {
                    Chan c = run.channelOf(p, so.port());
                    writersAdded.merge(c, 1, Integer::sum);
                    on.add(WaitOn.send(c.model.id(), so.port()));
                    ready |= c.readers.size() + readersAdded.getOrDefault(c, 0) > 0
                            || (c.capacity > 0 && c.buffer.size() < c.capacity);
                }
                case Request.AfterOffer ao -> {
                }
            }
        }
        if (!ready && !on.isEmpty()) {
            out.add(new RunEvent.Blocked(run.now(), p.id, on));
        }
    }

    /** Adds the channel's communications whose events are the trace's next lines. */
    private void transfers(Chan c, List<Move> matches) {
        long now = run.now();
        String id = c.model.id();
        if (c.canTake()) {
            DeterministicRun.Held h = c.buffer.peek();
            for (Entry r : c.readers) {
                if (fits(List.of(new RunEvent.Buffer(now, id, c.buffer.size() - 1),
                        new RunEvent.Transfer(now, id, h.from(), r.endpoint(), h.value())))) {
                    matches.add(new Move.Take(c, r));
                }
            }
        }
        if (c.canPut() && c.buffer.size() < c.capacity) {
            for (Entry w : c.writers) {
                if (fits(List.of(new RunEvent.Buffer(now, id, c.buffer.size() + 1)))) {
                    matches.add(new Move.Put(c, w));
                }
            }
        }
        if (c.canHandOver()) {
            for (Entry w : c.writers) {
                for (Entry r : c.readers) {
                    if (w.proc() != r.proc()
                            && fits(List.of(new RunEvent.Transfer(now, id, w.endpoint(), r.endpoint(), w.value())))) {
                        matches.add(new Move.HandOver(c, w, r));
                    }
                }
            }
        }
    }

    /**
     * A put shows only the buffer's new size; which writer it was shows when the message is taken: the
     * (held+1)-th transfer on the channel from here on; without one, by which writer moves on first.
     */
    private Move choosePut(List<Move> matches) {
        if (!(matches.getFirst() instanceof Move.Put first)) {
            return matches.getFirst();
        }
        int skip = first.chan().buffer.size();
        String id = first.chan().model.id();
        for (int i = cursor; i < trace.size(); i++) {
            if (trace.get(i).event() instanceof RunEvent.Transfer t && t.channel().equals(id) && skip-- == 0) {
                for (Move m : matches) {
                    if (m instanceof Move.Put p && p.chan() == first.chan() && p.writer().endpoint().equals(t.from())
                            && Values.json(p.writer().value()).equals(Values.json(t.value()))) {
                        return m;
                    }
                }
                break;
            }
        }
        // Never taken in the trace: the writer that was put resumed, so its own next line likely comes soonest.
        // That is a guess; the replay records it as a decision that a later attempt may take differently.
        List<Move> puts = new ArrayList<>();
        for (Move m : matches) {
            if (m instanceof Move.Put p && p.chan() == first.chan()) {
                puts.add(m);
            }
        }
        puts.sort(java.util.Comparator.comparingInt(m -> nextOwnLine(((Move.Put) m).writer().proc())));
        if (puts.size() == 1) {
            return puts.getFirst();
        }
        int decision = widths.size();
        int choice = decision < forced.size() ? Math.min(forced.get(decision), puts.size() - 1) : 0;
        widths.add(puts.size());
        taken.add(choice);
        return puts.get(choice);
    }

    /**
     * The choices for the next attempt: the last guess that has an untried alternative takes it, the
     * guesses before it stay; empty when every alternative was tried.
     */
    List<Integer> nextAttempt() {
        for (int d = taken.size() - 1; d >= 0; d--) {
            if (taken.get(d) + 1 < widths.get(d)) {
                List<Integer> next = new ArrayList<>(taken.subList(0, d));
                next.add(taken.get(d) + 1);
                return next;
            }
        }
        return List.of();
    }

    /** How far the trace was matched: the number of its events made so far. */
    int matched() {
        return cursor;
    }

    /**
     * Index in the trace of the process's next event once it moves on: not a transfer, nor a receipt while it
     * also reads in a select (it may get one still waiting, not put).
     */
    private int nextOwnLine(Proc p) {
        boolean reads = p.entries.stream().anyMatch(e -> run.channelOf(p, e.port()).readers.contains(e));
        for (int i = cursor; i < trace.size(); i++) {
            RunEvent e = trace.get(i).event();
            if (reads && e instanceof RunEvent.Transfer t && t.to() != null && t.to().process().equals(p.id)) {
                return Integer.MAX_VALUE; // its select took a message instead: it was not the one put
            }
            if (!(e instanceof RunEvent.Transfer) && !(reads && e instanceof RunEvent.Received) && names(e, p.id)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static boolean names(RunEvent e, String process) {
        return switch (e) {
            case RunEvent.Transfer t -> t.from() != null && t.from().process().equals(process)
                    || t.to() != null && t.to().process().equals(process);
            case RunEvent.SendOffered s -> s.process().equals(process);
            case RunEvent.Received r -> r.process().equals(process);
            case RunEvent.Blocked b -> b.process().equals(process);
            case RunEvent.Printed p -> p.process().equals(process);
            case RunEvent.Slept s -> s.process().equals(process);
            case RunEvent.Ended en -> en.process().equals(process);
            case RunEvent.Failed f -> f.process().equals(process);
            case RunEvent.Started s -> s.process().equals(process);
            case RunEvent.Buffer b -> false;
            case RunEvent.Deadlock d -> false;
            case RunEvent.Timeout t -> false;
        };
    }

    /** Why the trace's next event cannot happen now, in the network's words. */
    private String why(RunEvent e, List<Proc> runnable, List<Chan> enabled) {
        if (e instanceof RunEvent.Transfer t && t.from() != null && t.to() != null) {
            Chan c = run.chan(t.channel());
            if (c == null) {
                return "the network has no channel " + t.channel();
            }
            if (c.writers.stream().noneMatch(w -> w.endpoint().equals(t.from()))
                    && c.buffer.stream().noneMatch(h -> t.from().equals(h.from()))) {
                return t.from().process() + " is not ready to send";
            }
            if (c.readers.stream().noneMatch(r -> r.endpoint().equals(t.to()))) {
                return t.to().process() + " is not ready to receive";
            }
            return "the message or the buffer on " + t.channel() + " differs";
        }
        for (Proc p : runnable) {
            if (names(e, p.id)) {
                List<RunEvent> predicted = predictStep(p);
                return p.id + "'s next step makes " + (predicted.isEmpty() ? "nothing to see"
                        : predicted.stream().map(TraceFollower::describe).collect(Collectors.joining(", then ")));
            }
        }
        return runnable.isEmpty() && enabled.isEmpty() ? "nothing can move" : "no process or channel can make it now";
    }

    /** An event in a few words for a divergence message. */
    static String describe(RunEvent e) {
        return switch (e) {
            case RunEvent.Started s -> "start of " + s.process();
            case RunEvent.SendOffered s -> s.process() + " offering " + Values.literal(s.value()) + " on " + s.port();
            case RunEvent.Transfer t -> "transfer on " + t.channel() + " from " + t.from() + " to " + t.to() + " of "
                    + Values.literal(t.value());
            case RunEvent.Buffer b -> "buffer of " + b.channel() + " holding " + b.held();
            case RunEvent.Received r -> r.process() + " receiving " + Values.literal(r.value()) + " on " + r.port();
            case RunEvent.Blocked b -> b.process() + " waiting "
                    + b.on().stream().map(WaitOn::describe).collect(Collectors.joining(" or "));
            case RunEvent.Printed p -> p.process() + " printing \"" + p.text() + "\"";
            case RunEvent.Slept s -> s.process() + " sleeping " + s.millis() + " ms";
            case RunEvent.Ended en -> "end of " + en.process();
            case RunEvent.Failed f -> "error in " + f.process() + " at " + f.line() + ":" + f.column();
            case RunEvent.Deadlock d -> d.diagnosis().kind() + " " + d.diagnosis().cycle();
            case RunEvent.Timeout t -> "timeout";
        };
    }
}
