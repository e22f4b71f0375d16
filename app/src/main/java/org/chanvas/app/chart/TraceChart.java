package org.chanvas.app.chart;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.event.TraceReader;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;

/**
 * The sequence chart of a recorded trace ({@code run --trace}, {@code verify --trace}) of a network, for
 * {@code chanvas export FILE --trace T.jsonl}. The trace is read in batches of lines, so a long one takes
 * memory for one batch and the chart's window only. Every line must fit the network: its processes,
 * channels and ends must be the network's; the first that does not is refused with its line number. The
 * trace is not re-run ({@code run --replay} does that): a chart draws what the trace says happened.
 */
public final class TraceChart {

    /** Lines parsed at a time: one parser per batch, and a batch's events in memory. */
    static final int BATCH = 4096;

    /** What reading gave. */
    public sealed interface Result {
    }

    /** The chart of the whole trace. */
    public record Built(SequenceChartModel chart, long lines) implements Result {
    }

    /** The trace does not fit the network; {@code line} is 1-based and {@code message} says what. */
    public record Refused(long line, String message) implements Result {
        /** {@code line 3: ...}. */
        public String describe() {
            return "line " + line + ": " + message;
        }
    }

    private final Network network;
    private final ChartBuilder builder;
    private final Map<String, Channel> channels = new HashMap<>();

    private TraceChart(Network network, int maxRows) {
        this.network = network;
        this.builder = new ChartBuilder(network, "line", maxRows);
        for (Channel c : network.channels()) {
            channels.put(c.id(), c);
        }
    }

    /** Reads {@code trace} and charts it, keeping the latest {@link ChartBuilder#MAX_ROWS} steps. */
    public static Result read(Network network, Reader trace) {
        return read(network, trace, ChartBuilder.MAX_ROWS);
    }

    public static Result read(Network network, Reader trace, int maxRows) {
        BufferedReader in = new BufferedReader(trace);
        return new TraceChart(network, maxRows).run(in::readLine);
    }

    /**
     * Reads a trace file's bytes as UTF-8, line by line, so a line that is not UTF-8 is named by its number;
     * a line longer than {@link #MAX_LINE_BYTES} is refused rather than read whole.
     */
    public static Result read(Network network, InputStream trace) {
        InputStream in = new BufferedInputStream(trace, 1 << 16);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        return new TraceChart(network, ChartBuilder.MAX_ROWS).run(() -> {
            line.reset();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (line.size() >= MAX_LINE_BYTES) {
                    throw new LineTooLong();
                }
                line.write(b);
            }
            if (b < 0 && line.size() == 0) {
                return null;
            }
            return utf8.decode(ByteBuffer.wrap(line.toByteArray())).toString();
        });
    }

    /** The longest line read, in bytes: a trace event is a few hundred; values may be long, not endless. */
    static final int MAX_LINE_BYTES = 16 << 20;

    /** Where the lines come from; null at the end. */
    @FunctionalInterface
    private interface Lines {
        String next() throws IOException;
    }

    private static final class LineTooLong extends IOException {
        LineTooLong() {
            super(null, null);
        }
    }

    private Result run(Lines in) {
        long lineNo = 0;
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        long batchStart = 1;
        try {
            String line;
            while ((line = in.next()) != null) {
                lineNo++;
                batch.append(line).append('\n');
                if (++inBatch == BATCH) {
                    Optional<Refused> r = feed(batch, batchStart);
                    if (r.isPresent()) {
                        return r.get();
                    }
                    batch.setLength(0);
                    inBatch = 0;
                    batchStart = lineNo + 1;
                }
            }
        } catch (LineTooLong e) {
            return new Refused(lineNo + 1, "longer than " + (MAX_LINE_BYTES >> 20) + " MiB");
        } catch (CharacterCodingException e) {
            return new Refused(lineNo + 1, "not UTF-8 text");
        } catch (IOException e) {
            return new Refused(lineNo + 1, "cannot read the trace: " + e.getMessage());
        }
        Optional<Refused> r = feed(batch, batchStart);
        if (r.isPresent()) {
            return r.get();
        }
        return new Built(builder.build(), lineNo);
    }

    /** Parses and checks one batch whose first line is line {@code first} of the trace. */
    private Optional<Refused> feed(CharSequence batch, long first) {
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        return switch (TraceReader.read(batch.toString())) {
            case TraceReader.Malformed m -> Optional.of(new Refused(first - 1 + m.line(), m.message()));
            case TraceReader.Read read -> {
                for (TraceReader.Traced t : read.lines()) {
                    long at = first - 1 + t.line();
                    Optional<String> misfit = misfit(t.event());
                    if (misfit.isPresent()) {
                        yield Optional.of(new Refused(at, misfit.get()));
                    }
                    builder.accept(at, t.event());
                }
                yield Optional.empty();
            }
        };
    }

    /** What in an event does not fit the network, if anything. */
    private Optional<String> misfit(RunEvent e) {
        return switch (e) {
            case RunEvent.Started s -> process(s.process());
            case RunEvent.SendOffered s -> process(s.process()).or(() -> end(s.channel(), s.process(), s.port(), true));
            case RunEvent.Received r -> process(r.process()).or(() -> channel(r.channel()))
                    .or(() -> receivedOn(r));
            case RunEvent.Blocked b -> process(b.process()).or(() -> waits(b.process(), b.on()));
            case RunEvent.Printed p -> process(p.process());
            case RunEvent.Slept s -> process(s.process());
            case RunEvent.Ended en -> process(en.process());
            case RunEvent.Failed f -> process(f.process());
            case RunEvent.Drawn d -> process(d.process());
            case RunEvent.Timeout t -> Optional.empty();
            case RunEvent.Transfer t -> transfer(t);
            case RunEvent.Buffer b -> buffer(b);
            case RunEvent.Deadlock d -> deadlock(d.diagnosis());
        };
    }

    private Optional<String> process(String id) {
        return network.process(id).isPresent() ? Optional.empty()
                : Optional.of("process \"" + id + "\" is not in the network");
    }

    private Optional<String> channel(String id) {
        return channels.containsKey(id) ? Optional.empty()
                : Optional.of("channel \"" + id + "\" is not in the network");
    }

    /** {@code process.port} must be a writer ({@code writing}) or reader of {@code channel}. */
    private Optional<String> end(String channel, String process, String port, boolean writing) {
        Optional<String> c = channel(channel);
        if (c.isPresent()) {
            return c;
        }
        Channel ch = channels.get(channel);
        Endpoint e = new Endpoint(process, port);
        List<Endpoint> ends = writing ? ch.writers() : ch.readers();
        return ends.contains(e) ? Optional.empty()
                : Optional.of(e + " is not a " + (writing ? "writer" : "reader") + " of channel " + channel);
    }

    /** A reply comes back to the client on its own (writer) port; any other message arrives at a reader. */
    private Optional<String> receivedOn(RunEvent.Received r) {
        Channel ch = channels.get(r.channel());
        Endpoint e = new Endpoint(r.process(), r.port());
        if (ch.readers().contains(e) || ch.kind() == ChannelKind.CALL && ch.writers().contains(e)) {
            return Optional.empty();
        }
        return Optional.of(e + " is not a reader of channel " + r.channel());
    }

    private Optional<String> waits(String process, List<WaitOn> on) {
        for (WaitOn w : on) {
            Optional<String> c = channel(w.channel());
            if (c.isPresent()) {
                return c;
            }
            Channel ch = channels.get(w.channel());
            Endpoint e = new Endpoint(process, w.port());
            if (!ch.writers().contains(e) && !ch.readers().contains(e)) {
                return Optional.of(e + " is not an end of channel " + w.channel());
            }
        }
        return Optional.empty();
    }

    private Optional<String> transfer(RunEvent.Transfer t) {
        Optional<String> c = channel(t.channel());
        if (c.isPresent()) {
            return c;
        }
        Channel ch = channels.get(t.channel());
        if (t.from() == null && t.to() == null) {
            return Optional.of("a transfer on " + t.channel() + " with neither a sender nor a receiver");
        }
        boolean request = (t.from() == null || ch.writers().contains(t.from()))
                && (t.to() == null || ch.readers().contains(t.to()));
        // A call's reply goes back from the server (a reader) to the client (a writer).
        boolean reply = ch.kind() == ChannelKind.CALL && (t.from() == null || ch.readers().contains(t.from()))
                && (t.to() == null || ch.writers().contains(t.to()));
        if (request || reply) {
            return Optional.empty();
        }
        Endpoint wrong = t.from() != null && !ch.writers().contains(t.from()) && !ch.readers().contains(t.from())
                ? t.from() : t.to();
        return Optional.of("a transfer on channel " + t.channel() + " from " + t.from() + " to " + t.to()
                + ", but " + wrong + (ch.writers().contains(wrong) || ch.readers().contains(wrong)
                ? " is on the wrong side of it" : " is not an end of it"));
    }

    private Optional<String> buffer(RunEvent.Buffer b) {
        Optional<String> c = channel(b.channel());
        if (c.isPresent()) {
            return c;
        }
        Channel ch = channels.get(b.channel());
        if (ch.kind() != ChannelKind.BUFFERED && ch.kind() != ChannelKind.UNBOUNDED) {
            return Optional.of("channel " + b.channel() + " is a " + ch.kind().word() + " channel, with no buffer");
        }
        if (b.held() < 0 || ch.kind() == ChannelKind.BUFFERED && b.held() > ch.capacity()) {
            return Optional.of("channel " + b.channel() + " holds " + b.held() + " messages, but its capacity is "
                    + ch.capacity());
        }
        if (b.from() != null && !ch.writers().contains(b.from())) {
            return Optional.of(b.from() + " is not a writer of channel " + b.channel());
        }
        return Optional.empty();
    }

    private Optional<String> deadlock(Diagnosis d) {
        for (Diagnosis.Waiting w : d.waiting()) {
            Optional<String> m = process(w.process()).or(() -> waits(w.process(), w.on()));
            if (m.isPresent()) {
                return m;
            }
        }
        for (String p : d.cycle()) {
            Optional<String> m = process(p);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }
}
