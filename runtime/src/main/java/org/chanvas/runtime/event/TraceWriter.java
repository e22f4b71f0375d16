package org.chanvas.runtime.event;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.chanvas.model.Endpoint;
import org.chanvas.runtime.value.Values;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;

/**
 * Writes events as JSON lines (SPEC §4 {@code run --trace}): one object per event with its {@code type}
 * ({@code start}, {@code send}, {@code transfer}, {@code buffer}, {@code recv}, {@code block}, {@code print}, {@code sleep},
 * {@code end}, {@code error}, {@code deadlock}, {@code random}, {@code timeout}) and {@code t}, nanoseconds since the start.
 */
public final class TraceWriter {

    private final Writer out;

    public TraceWriter(Writer out) {
        this.out = out;
    }

    public void write(RunEvent e) throws IOException {
        out.write(json(e));
        out.write('\n');
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** The event as one line of JSON, without the newline; keys in a fixed order. */
    public static String json(RunEvent e) {
        StringWriter text = new StringWriter(96);
        try (JsonGenerator g = Values.generator(text)) {
            write(g, e);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void write(JsonGenerator g, RunEvent e) throws IOException {
        switch (e) {
            case RunEvent.Started s -> {
                head(g, "start", e);
                field(g, "process", s.process());
                field(g, "label", s.label());
            }
            case RunEvent.SendOffered s -> {
                head(g, "send", e);
                field(g, "process", s.process());
                field(g, "port", s.port());
                field(g, "channel", s.channel());
                value(g, s.value());
            }
            case RunEvent.Transfer t -> {
                head(g, "transfer", e);
                field(g, "channel", t.channel());
                field(g, "from", endpoint(t.from()));
                field(g, "to", endpoint(t.to()));
                value(g, t.value());
            }
            case RunEvent.Buffer b -> {
                head(g, "buffer", e);
                field(g, "channel", b.channel());
                g.writeNumberField("held", b.held());
                if (b.from() != null) {
                    field(g, "from", endpoint(b.from()));
                }
            }
            case RunEvent.Received r -> {
                head(g, "recv", e);
                field(g, "process", r.process());
                field(g, "port", r.port());
                field(g, "channel", r.channel());
                value(g, r.value());
            }
            case RunEvent.Blocked b -> {
                head(g, "block", e);
                field(g, "process", b.process());
                g.writeFieldName("waits");
                waits(g, b.on());
            }
            case RunEvent.Printed p -> {
                head(g, "print", e);
                field(g, "process", p.process());
                field(g, "label", p.label());
                field(g, "text", p.text());
            }
            case RunEvent.Slept s -> {
                head(g, "sleep", e);
                field(g, "process", s.process());
                g.writeNumberField("ms", s.millis());
            }
            case RunEvent.Ended en -> {
                head(g, "end", e);
                field(g, "process", en.process());
            }
            case RunEvent.Failed f -> {
                head(g, "error", e);
                field(g, "process", f.process());
                g.writeNumberField("line", f.line());
                g.writeNumberField("column", f.column());
                field(g, "message", f.message());
            }
            case RunEvent.Deadlock d -> {
                head(g, "deadlock", e);
                Diagnosis diag = d.diagnosis();
                field(g, "kind", diag.kind());
                g.writeArrayFieldStart("waiting");
                for (Diagnosis.Waiting w : diag.waiting()) {
                    g.writeStartObject();
                    g.writeStringField("process", w.process());
                    g.writeBooleanField("stuck", w.stuck());
                    g.writeFieldName("waits");
                    waits(g, w.on());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("cycle");
                for (String p : diag.cycle()) {
                    g.writeString(p);
                }
                g.writeEndArray();
            }
            case RunEvent.Drawn d -> {
                head(g, "random", e);
                field(g, "process", d.process());
                g.writeNumberField("value", d.value());
            }
            case RunEvent.Timeout t -> head(g, "timeout", e);
        }
        g.writeEndObject();
    }

    private static String endpoint(Endpoint e) {
        return e == null ? "" : e.toString();
    }

    private static void head(JsonGenerator g, String type, RunEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        g.writeNumberField("t", e.nanos());
    }

    private static void field(JsonGenerator g, String name, String v) throws IOException {
        g.writeStringField(name, v == null ? "" : v);
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        g.writeFieldName("value");
        Values.writeJson(g, v);
    }

    private static void waits(JsonGenerator g, java.util.List<WaitOn> on) throws IOException {
        g.writeStartArray();
        for (WaitOn w : on) {
            g.writeStartObject();
            g.writeStringField("channel", w.channel());
            g.writeStringField("port", w.port());
            g.writeStringField("direction", w.direction().word());
            if (w.peer() != null) {
                g.writeStringField("peer", w.peer());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
