package org.chanvas.runtime.event;

import java.io.IOException;
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

    /** The event as one line of JSON, without the newline. */
    public static String json(RunEvent e) {
        StringBuilder sb = new StringBuilder(96);
        switch (e) {
            case RunEvent.Started s -> {
                head(sb, "start", e);
                field(sb, "process", s.process());
                field(sb, "label", s.label());
            }
            case RunEvent.SendOffered s -> {
                head(sb, "send", e);
                field(sb, "process", s.process());
                field(sb, "port", s.port());
                field(sb, "channel", s.channel());
                value(sb, s.value());
            }
            case RunEvent.Transfer t -> {
                head(sb, "transfer", e);
                field(sb, "channel", t.channel());
                field(sb, "from", endpoint(t.from()));
                field(sb, "to", endpoint(t.to()));
                value(sb, t.value());
            }
            case RunEvent.Buffer b -> {
                head(sb, "buffer", e);
                field(sb, "channel", b.channel());
                sb.append(",\"held\":").append(b.held());
                if (b.from() != null) {
                    field(sb, "from", endpoint(b.from()));
                }
            }
            case RunEvent.Received r -> {
                head(sb, "recv", e);
                field(sb, "process", r.process());
                field(sb, "port", r.port());
                field(sb, "channel", r.channel());
                value(sb, r.value());
            }
            case RunEvent.Blocked b -> {
                head(sb, "block", e);
                field(sb, "process", b.process());
                sb.append(",\"waits\":");
                waits(sb, b.on());
            }
            case RunEvent.Printed p -> {
                head(sb, "print", e);
                field(sb, "process", p.process());
                field(sb, "label", p.label());
                field(sb, "text", p.text());
            }
            case RunEvent.Slept s -> {
                head(sb, "sleep", e);
                field(sb, "process", s.process());
                sb.append(",\"ms\":").append(s.millis());
            }
            case RunEvent.Ended en -> {
                head(sb, "end", e);
                field(sb, "process", en.process());
            }
            case RunEvent.Failed f -> {
                head(sb, "error", e);
                field(sb, "process", f.process());
                sb.append(",\"line\":").append(f.line()).append(",\"column\":").append(f.column());
                field(sb, "message", f.message());
            }
            case RunEvent.Deadlock d -> {
                head(sb, "deadlock", e);
                Diagnosis diag = d.diagnosis();
                field(sb, "kind", diag.kind());
                sb.append(",\"waiting\":[");
                for (int i = 0; i < diag.waiting().size(); i++) {
                    Diagnosis.Waiting w = diag.waiting().get(i);
                    sb.append(i == 0 ? "{" : ",{");
                    sb.append("\"process\":");
                    Values.jsonString(sb, w.process());
                    sb.append(",\"stuck\":").append(w.stuck()).append(",\"waits\":");
                    waits(sb, w.on());
                    sb.append('}');
                }
                sb.append("],\"cycle\":[");
                for (int i = 0; i < diag.cycle().size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    Values.jsonString(sb, diag.cycle().get(i));
                }
                sb.append(']');
            }
            case RunEvent.Drawn d -> {
                head(sb, "random", e);
                field(sb, "process", d.process());
                sb.append(",\"value\":").append(d.value());
            }
            case RunEvent.Timeout t -> head(sb, "timeout", e);
        }
        return sb.append('}').toString();
    }

    private static String endpoint(Endpoint e) {
        return e == null ? "" : e.toString();
    }

    private static void head(StringBuilder sb, String type, RunEvent e) {
        sb.append("{\"type\":\"").append(type).append("\",\"t\":").append(e.nanos());
    }

    private static void field(StringBuilder sb, String name, String v) {
        sb.append(",\"").append(name).append("\":");
        Values.jsonString(sb, v == null ? "" : v);
    }

    private static void value(StringBuilder sb, Object v) {
        sb.append(",\"value\":");
        Values.appendJson(sb, v);
    }

    private static void waits(StringBuilder sb, java.util.List<WaitOn> on) {
        sb.append('[');
        for (int i = 0; i < on.size(); i++) {
            WaitOn w = on.get(i);
            sb.append(i == 0 ? "{" : ",{");
            sb.append("\"channel\":");
            Values.jsonString(sb, w.channel());
            sb.append(",\"port\":");
            Values.jsonString(sb, w.port());
            sb.append(",\"direction\":\"").append(w.direction().word()).append('"');
            if (w.peer() != null) {
                sb.append(",\"peer\":");
                Values.jsonString(sb, w.peer());
            }
            sb.append('}');
        }
        sb.append(']');
    }
}
