package org.chanvas.app.chart;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chanvas.app.chart.SequenceChartModel.End;
import org.chanvas.app.chart.SequenceChartModel.Lifeline;
import org.chanvas.app.chart.SequenceChartModel.Message;
import org.chanvas.app.chart.SequenceChartModel.Wait;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.value.Values;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;

/**
 * Builds a {@link SequenceChartModel} from a run's events, one at a time, in the order the run made them (the
 * editor's moves, or a trace's lines). A step is a transfer or a put into a buffer; a message put into a buffer
 * is drawn from its put to its take. A process waits from its {@code block} event until its next move: a
 * transfer or put it takes part in, or any event of its own. Only the latest {@link #MAX_ROWS} steps are kept,
 * so memory stays bounded however long the run: older messages and waits are dropped as new ones come.
 */
public final class ChartBuilder {

    /** The most steps a chart draws: the latest ones, with a note of how many came before. */
    public static final int MAX_ROWS = 1000;

    private final Map<String, Integer> index = new HashMap<>();
    private final String[] ids;
    private final String[] labels;
    private final double[] endedAt;
    private final boolean[] failed;
    private final double[] waitFrom;
    private final boolean[] waitSending;
    private final Map<String, ChannelKind> kinds = new HashMap<>();
    /** Rows of puts not yet taken, per channel, oldest first, with the value put. */
    private final Map<String, ArrayDeque<Put>> puts = new LinkedHashMap<>();
    /** The value a process last offered to send: what its next put carries. */
    private final Map<String, Object> offered = new HashMap<>();
    private final ArrayDeque<Message> messages = new ArrayDeque<>();
    private final ArrayDeque<Wait> waits = new ArrayDeque<>();
    private final int maxRows;
    private final String refName;
    private long rows;
    private long firstRow;
    private End end = new End.Open();
    private boolean midRun;

    private record Put(long ref, double row, String writer, Object value) {
    }

    /** A builder for a run of {@code network}; {@code refName} says what the refs given count. */
    public ChartBuilder(Network network, String refName) {
        this(network, refName, MAX_ROWS);
    }

    public ChartBuilder(Network network, String refName, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("a chart keeps at least one row");
        }
        this.maxRows = maxRows;
        this.refName = refName;
        List<Process> ps = network.processes();
        int n = ps.size();
        ids = new String[n];
        labels = new String[n];
        endedAt = new double[n];
        failed = new boolean[n];
        waitFrom = new double[n];
        waitSending = new boolean[n];
        for (int i = 0; i < n; i++) {
            ids[i] = ps.get(i).id();
            labels[i] = ps.get(i).displayLabel();
            index.put(ids[i], i);
            endedAt[i] = -1;
            waitFrom[i] = -1;
        }
        for (Channel c : network.channels()) {
            kinds.put(c.id(), c.kind());
        }
    }

    /** Says that the events given begin after the run's start: the chart then says that earlier ones are not drawn. */
    public void startsMidRun() {
        midRun = true;
    }

    /** Marks a process as waiting from here on, unless it already waits (e.g. a window that begins mid-run). */
    public void waitingFromStart(String process, boolean sending) {
        Integer p = index.get(process);
        if (p != null && waitFrom[p] < 0) {
            waitFrom[p] = rows;
            waitSending[p] = sending;
        }
    }

    /** Adds one event; {@code ref} is the move or trace line that made it. Unknown names are ignored. */
    public void accept(long ref, RunEvent event) {
        switch (event) {
            case RunEvent.Started s -> {
                Integer p = index.get(s.process());
                if (p != null && s.label() != null && !s.label().isEmpty()) {
                    labels[p] = s.label();
                }
            }
            case RunEvent.Blocked b -> {
                Integer p = index.get(b.process());
                if (p != null && waitFrom[p] < 0) {
                    waitFrom[p] = rows;
                    waitSending[p] = !b.on().isEmpty() && b.on().stream().allMatch(w -> w.direction() == WaitOn.Direction.SEND);
                }
            }
            case RunEvent.SendOffered s -> {
                offered.put(s.process(), s.value());
                moved(s.process(), rows);
            }
            case RunEvent.Buffer b -> {
                if (b.from() != null) {
                    double row = step();
                    Object value = offered.remove(b.from().process());
                    puts.computeIfAbsent(b.channel(), k -> new ArrayDeque<>())
                            .add(new Put(ref, row, b.from().process(), value));
                    moved(b.from().process(), row);
                }
            }
            case RunEvent.Transfer t -> transfer(ref, t);
            case RunEvent.Received r -> moved(r.process(), rows);
            case RunEvent.Printed p -> moved(p.process(), rows);
            case RunEvent.Slept s -> moved(s.process(), rows);
            case RunEvent.Drawn d -> moved(d.process(), rows);
            case RunEvent.Ended e -> ended(e.process(), false);
            case RunEvent.Failed f -> {
                ended(f.process(), true);
                Integer p = index.get(f.process());
                end = new End.Failed(f.process(), p == null ? f.process() : labels[p], f.line(), f.column(), f.message());
            }
            case RunEvent.Deadlock d -> end(new End.Deadlocked(d.diagnosis()));
            case RunEvent.Timeout t -> end = new End.TimedOut();
        }
    }

    /** Sets how the run ended, when it is known apart from the events (the editor's outcome). */
    public void end(End e) {
        end = e instanceof End.Deadlocked d ? new End.Deadlocked(relabel(d.diagnosis())) : e;
        if (e instanceof End.Deadlocked d) {
            // Every process the diagnosis names waits to the end, whether or not a block was recorded for it
            // (a counterexample records only the moves that lead there).
            for (Diagnosis.Waiting w : d.diagnosis().waiting()) {
                waitingFromStart(w.process(), !w.on().isEmpty()
                        && w.on().stream().allMatch(o -> o.direction() == WaitOn.Direction.SEND));
            }
        }
    }

    private void transfer(long ref, RunEvent.Transfer t) {
        ChannelKind kind = kinds.get(t.channel());
        boolean buffered = kind == ChannelKind.BUFFERED || kind == ChannelKind.UNBOUNDED;
        String from = t.from() == null ? null : t.from().process();
        String to = t.to() == null ? null : t.to().process();
        double row = step();
        double sentAt = row;
        if (buffered) {
            ArrayDeque<Put> q = puts.get(t.channel());
            Put put = q == null ? null : q.poll();
            if (put != null) {
                sentAt = put.row();
            }
        }
        messages.add(new Message(ref, t.channel(), from, to, Values.display(t.value()), sentAt, row));
        if (to != null) {
            moved(to, row);
        }
        // A take from a buffer moves only the reader: the writer left the message there earlier.
        if (from != null && !buffered) {
            moved(from, row);
        }
        trim();
    }

    /** The next step's row, at its middle. */
    private double step() {
        double row = rows + 0.5;
        rows++;
        return row;
    }

    private void moved(String process, double at) {
        Integer p = index.get(process);
        if (p != null && waitFrom[p] >= 0) {
            if (at > waitFrom[p]) {
                waits.add(new Wait(process, waitFrom[p], at, false, waitSending[p]));
            }
            waitFrom[p] = -1;
        }
    }

    private void ended(String process, boolean failure) {
        moved(process, rows);
        Integer p = index.get(process);
        if (p != null) {
            endedAt[p] = rows;
            failed[p] = failure;
        }
    }

    /** Drops what lies wholly above the kept window. */
    private void trim() {
        if (rows - firstRow <= maxRows) {
            return;
        }
        firstRow = rows - maxRows;
        while (!messages.isEmpty() && messages.peekFirst().receivedAt() < firstRow) {
            messages.removeFirst();
        }
        while (!waits.isEmpty() && waits.peekFirst().to() <= firstRow) {
            waits.removeFirst();
        }
    }

    /** The deadlock's waiting processes named by the labels the run gave them. */
    private Diagnosis relabel(Diagnosis d) {
        List<Diagnosis.Waiting> ws = new ArrayList<>();
        for (Diagnosis.Waiting w : d.waiting()) {
            Integer p = index.get(w.process());
            ws.add(p == null ? w : new Diagnosis.Waiting(w.process(), labels[p], w.on(), w.stuck()));
        }
        return new Diagnosis(ws, d.cycle(), d.stuck());
    }

    /** The chart of everything accepted so far. */
    public SequenceChartModel build() {
        List<Lifeline> lifelines = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            lifelines.add(new Lifeline(ids[i], labels[i], endedAt[i], failed[i]));
        }
        List<Wait> ws = new ArrayList<>(waits.size() + ids.length);
        for (Wait w : waits) {
            if (w.to() > firstRow) {
                ws.add(w.from() < firstRow ? new Wait(w.process(), firstRow, w.to(), false, w.sending()) : w);
            }
        }
        for (int i = 0; i < ids.length; i++) {
            if (waitFrom[i] >= 0) {
                ws.add(new Wait(ids[i], Math.max(firstRow, waitFrom[i]), rows, true, waitSending[i]));
            }
        }
        List<Message> held = new ArrayList<>();
        for (Map.Entry<String, ArrayDeque<Put>> e : puts.entrySet()) {
            for (Put p : e.getValue()) {
                held.add(new Message(p.ref(), e.getKey(), p.writer(), null,
                        p.value() == null ? "" : Values.display(p.value()), Math.max(firstRow, p.row()), p.row()));
            }
        }
        End shown = end;
        if (shown instanceof End.Open && ids.length > 0 && java.util.Arrays.stream(endedAt).allMatch(x -> x >= 0)) {
            shown = new End.Finished();
        }
        return new SequenceChartModel(lifelines, List.copyOf(messages), held, ws, firstRow, rows, shown, refName,
                maxRows, midRun);
    }
}
