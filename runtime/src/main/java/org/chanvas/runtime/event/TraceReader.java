package org.chanvas.runtime.event;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chanvas.model.Endpoint;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;

/**
 * Reads a trace written by {@link TraceWriter} (SPEC §4 {@code run --trace}) back into {@link RunEvent}s, so a
 * recorded run can be replayed. Bad input never throws: the result names the first line that does not fit.
 * Blank lines are skipped. A deadlock's waiting processes take their labels from the trace's {@code start}
 * events (the deadlock line itself does not carry them); without a start the process id stands in.
 */
public final class TraceReader {

    /** One event and the 1-based line of the trace it came from. */
    public record Traced(int line, RunEvent event) {
    }

    /** What reading gave: every event, or the first malformed line. */
    public sealed interface Result {
    }

    /** The whole trace read. */
    public record Read(List<Traced> lines) implements Result {
        public Read {
            lines = List.copyOf(lines);
        }

        /** The events alone, in trace order. */
        public List<RunEvent> events() {
            return lines.stream().map(Traced::event).toList();
        }
    }

    /** The trace is not one this reader understands; {@code line} is 1-based. */
    public record Malformed(int line, String message) implements Result {
        /** {@code line 3: ...}. */
        public String describe() {
            return "line " + line + ": " + message;
        }
    }

    /** Thrown inside the reader only, to stop at a bad field; never escapes. */
    private static final class Bad extends Exception {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    /** Labels seen on start events, for the deadlock's waiting processes. */
    private final Map<String, String> labels = new HashMap<>();

    private TraceReader() {
    }

    /** Reads a whole trace text. */
    public static Result read(String text) {
        return read(new StringReader(text));
    }

    /** Reads a whole trace; an I/O failure is reported as a malformed line, like any other bad input. */
    public static Result read(Reader in) {
        TraceReader r = new TraceReader();
        List<Traced> out = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader br = new BufferedReader(in)) {
            String line;
            while ((line = br.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(new Traced(lineNo, r.event(line)));
                } catch (Bad b) {
                    return new Malformed(lineNo, b.getMessage());
                }
            }
        } catch (IOException e) {
            return new Malformed(lineNo + 1, "cannot read the trace: " + e.getMessage());
        }
        return new Read(out);
    }

    private RunEvent event(String line) throws Bad {
        JsonNode n;
        try {
            n = json.readTree(line);
        } catch (JacksonException e) {
            throw new Bad("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new Bad("expected a JSON object, one event per line");
        }
        String type = text(n, "type");
        long t = number(n, "t");
        return switch (type) {
            case "start" -> {
                String process = text(n, "process");
                String label = text(n, "label");
                labels.put(process, label);
                yield new RunEvent.Started(t, process, label);
            }
            case "send" -> new RunEvent.SendOffered(t, text(n, "process"), text(n, "port"), text(n, "channel"),
                    value(n, "value"));
            case "transfer" -> new RunEvent.Transfer(t, text(n, "channel"), endpoint(n, "from"), endpoint(n, "to"),
                    value(n, "value"));
            case "buffer" -> new RunEvent.Buffer(t, text(n, "channel"), Math.toIntExact(number(n, "held")),
                    n.has("from") ? endpoint(n, "from") : null);
            case "recv" -> new RunEvent.Received(t, text(n, "process"), text(n, "port"), text(n, "channel"),
                    value(n, "value"));
            case "block" -> new RunEvent.Blocked(t, text(n, "process"), waits(n.get("waits"), "waits"));
            case "print" -> new RunEvent.Printed(t, text(n, "process"), text(n, "label"), text(n, "text"));
            case "sleep" -> new RunEvent.Slept(t, text(n, "process"), number(n, "ms"));
            case "end" -> new RunEvent.Ended(t, text(n, "process"));
            case "error" -> new RunEvent.Failed(t, text(n, "process"), Math.toIntExact(number(n, "line")),
                    Math.toIntExact(number(n, "column")), text(n, "message"));
            case "deadlock" -> new RunEvent.Deadlock(t, diagnosis(n));
            case "random" -> new RunEvent.Drawn(t, text(n, "process"), number(n, "value"));
            case "timeout" -> new RunEvent.Timeout(t);
            default -> throw new Bad("unknown event type \"" + type + "\"");
        };
    }

    private Diagnosis diagnosis(JsonNode n) throws Bad {
        String kind = text(n, "kind");
        if (!kind.equals("deadlock") && !kind.equals("stuck")) {
            throw new Bad("\"kind\" must be \"deadlock\" or \"stuck\", not \"" + kind + "\"");
        }
        JsonNode ws = n.get("waiting");
        if (ws == null || !ws.isArray()) {
            throw new Bad("\"waiting\" must be a list");
        }
        List<Diagnosis.Waiting> waiting = new ArrayList<>();
        for (int i = 0; i < ws.size(); i++) {
            JsonNode w = ws.get(i);
            String where = "waiting[" + i + "]";
            if (!w.isObject()) {
                throw new Bad(where + " must be an object");
            }
            String process = text(w, "process", where + ".process");
            JsonNode stuck = w.get("stuck");
            if (stuck == null || !stuck.isBoolean()) {
                throw new Bad(where + ".stuck must be true or false");
            }
            waiting.add(new Diagnosis.Waiting(process, labels.getOrDefault(process, process),
                    waits(w.get("waits"), where + ".waits"), stuck.booleanValue()));
        }
        JsonNode cs = n.get("cycle");
        if (cs == null || !cs.isArray()) {
            throw new Bad("\"cycle\" must be a list");
        }
        List<String> cycle = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            if (!cs.get(i).isTextual()) {
                throw new Bad("cycle[" + i + "] must be a process id");
            }
            cycle.add(cs.get(i).textValue());
        }
        return new Diagnosis(waiting, cycle, kind.equals("stuck"));
    }

    private static List<WaitOn> waits(JsonNode arr, String where) throws Bad {
        if (arr == null || !arr.isArray()) {
            throw new Bad("\"" + where + "\" must be a list");
        }
        List<WaitOn> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode w = arr.get(i);
            String at = where + "[" + i + "]";
            if (!w.isObject()) {
                throw new Bad(at + " must be an object");
            }
            String dir = text(w, "direction", at + ".direction");
            WaitOn.Direction d;
            try {
                d = WaitOn.Direction.valueOf(dir.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Bad(at + ".direction must be send, recv or reply, not \"" + dir + "\"");
            }
            JsonNode peer = w.get("peer");
            if (peer != null && !peer.isTextual()) {
                throw new Bad(at + ".peer must be a process id");
            }
            out.add(new WaitOn(text(w, "channel", at + ".channel"), text(w, "port", at + ".port"), d,
                    peer == null ? null : peer.textValue()));
        }
        return out;
    }

    private static String text(JsonNode n, String field) throws Bad {
        return text(n, field, "\"" + field + "\"");
    }

    private static String text(JsonNode n, String field, String where) throws Bad {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new Bad(where + " is missing");
        }
        if (!v.isTextual()) {
            throw new Bad(where + " must be a string");
        }
        return v.textValue();
    }

    private static long number(JsonNode n, String field) throws Bad {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new Bad("\"" + field + "\" is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new Bad("\"" + field + "\" must be a whole number");
        }
        long x = v.longValue();
        if ((field.equals("held") || field.equals("line") || field.equals("column"))
                && (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE)) {
            throw new Bad("\"" + field + "\" is too large");
        }
        return x;
    }

    /** The writer writes a missing endpoint (a reply whose client left) as "". */
    private static Endpoint endpoint(JsonNode n, String field) throws Bad {
        String s = text(n, field);
        if (s.isEmpty()) {
            return null;
        }
        return Endpoint.parse(s).orElseThrow(() -> new Bad("\"" + field + "\" must be process.port, not \"" + s + "\""));
    }

    private static Object value(JsonNode n, String field) throws Bad {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new Bad("\"" + field + "\" is missing");
        }
        return scriptValue(v, field);
    }

    /** Script values are whole numbers (Long), strings, booleans and lists of them; JSON null is "no value". */
    private static Object scriptValue(JsonNode v, String where) throws Bad {
        if (v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw new Bad(where + " is a whole number too large for a script value");
            }
            return v.longValue();
        }
        if (v.isArray()) {
            List<Object> out = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                Object item = scriptValue(v.get(i), where + "[" + i + "]");
                if (item == null) {
                    throw new Bad(where + "[" + i + "] is null; a list holds values only");
                }
                out.add(item);
            }
            return List.copyOf(out);
        }
        throw new Bad(where + " must be a whole number, a string, true/false or a list of those");
    }
}
