package org.chanvas.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.Process;

/**
 * Writes a network as {@code chanvas/1} text that diffs well: fixed key order (known fields first, then unknown
 * ones sorted by name), two-space indent, one field a line, short lists of plain values on one line, "\n" line
 * ends and a final newline. Strings keep their characters; only what JSON requires is escaped, and a lone
 * surrogate is written as an escape so that it survives the trip.
 */
final class NetworkEncoder {

    private final StringBuilder out = new StringBuilder();

    static String encode(Network net) {
        NetworkEncoder e = new NetworkEncoder();
        e.network(net);
        return e.out.append('\n').toString();
    }

    /** A JSON object under construction: an ordered list of name/value pairs. */
    private static final class Fields {
        private final List<Map.Entry<String, Object>> entries = new ArrayList<>();

        Fields put(String name, Object value) {
            entries.add(Map.entry(name, value == null ? NULL : value));
            return this;
        }

        Fields putIf(boolean condition, String name, Object value) {
            return condition ? put(name, value) : this;
        }

        /** The unknown fields, sorted by name, skipping any that would shadow a known one. */
        Fields extras(Map<String, Object> extra, Set<String> known) {
            new TreeMap<>(extra).forEach((k, v) -> {
                if (!known.contains(k)) {
                    put(k, v);
                }
            });
            return this;
        }
    }

    /** Stands for JSON null inside {@link Fields}, whose entries cannot hold Java null. */
    private static final Object NULL = new Object();

    private void network(Network net) {
        Fields f = new Fields().put("format", ChanvasFormat.FORMAT)
                .putIf(!net.title().isEmpty(), "title", net.title())
                .putIf(!net.description().isEmpty(), "description", net.description())
                .put("processes", net.processes().stream().map(NetworkEncoder::process).toList())
                .put("channels", net.channels().stream().map(NetworkEncoder::channel).toList())
                .putIf(!net.justified().isEmpty(), "justified",
                        net.justified().stream().map(NetworkEncoder::justification).toList())
                .extras(net.extra(), NetworkDecoder.TOP_FIELDS);
        value(f, 0);
    }

    private static Fields process(Process p) {
        return new Fields().put("id", p.id())
                .putIf(p.label() != null, "label", p.label())
                .put("x", p.x())
                .put("y", p.y())
                .put("script", p.script())
                .putIf(!p.params().isEmpty(), "params", p.params())
                .extras(p.extra(), NetworkDecoder.PROCESS_FIELDS);
    }

    private static Fields channel(Channel c) {
        boolean hasNode = c.x() != null && c.y() != null;
        return new Fields().put("id", c.id())
                .putIf(c.label() != null, "label", c.label())
                .put("kind", c.kind().word())
                .putIf(c.kind() == ChannelKind.BUFFERED, "capacity", c.capacity())
                .put("writers", c.writers().stream().map(Endpoint::toString).toList())
                .put("readers", c.readers().stream().map(Endpoint::toString).toList())
                .putIf(hasNode, "x", c.x())
                .putIf(hasNode, "y", c.y())
                .extras(c.extra(), NetworkDecoder.CHANNEL_FIELDS);
    }

    private static Fields justification(Justification j) {
        return new Fields().put("channels", List.copyOf(j.channels()))
                .put("note", j.note())
                .extras(j.extra(), NetworkDecoder.JUSTIFIED_FIELDS);
    }

    // ---- the printer: any mix of Fields, JsonNode and plain Java values ----

    private void value(Object v, int indent) {
        switch (v) {
            case Fields f -> object(f.entries, indent);
            case JsonNode n when n.isObject() -> {
                List<Map.Entry<String, Object>> entries = new ArrayList<>();
                n.properties().forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
                object(entries, indent);
            }
            case JsonNode n when n.isArray() -> {
                List<Object> items = new ArrayList<>();
                n.forEach(items::add);
                array(items, indent);
            }
            case JsonNode n when n.isNull() || n.isMissingNode() -> out.append("null");
            case JsonNode n when n.isBoolean() -> out.append(n.booleanValue());
            case JsonNode n when n.isNumber() -> number(n.numberValue());
            case JsonNode n when n.isTextual() -> string(n.textValue());
            case JsonNode n -> string(n.asText());
            case Map<?, ?> m -> {
                List<Map.Entry<String, Object>> entries = new ArrayList<>();
                m.forEach((k, val) -> entries.add(Map.entry(String.valueOf(k), val == null ? NULL : val)));
                object(entries, indent);
            }
            case Collection<?> c -> array(new ArrayList<>(c), indent);
            case String s -> string(s);
            case Number n -> number(n);
            case Boolean b -> out.append(b);
            default -> {
                if (v == NULL) {
                    out.append("null");
                } else {
                    string(v.toString());
                }
            }
        }
    }

    private void object(List<Map.Entry<String, Object>> entries, int indent) {
        if (entries.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        for (Iterator<Map.Entry<String, Object>> it = entries.iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> e = it.next();
            indent(indent + 1);
            string(e.getKey());
            out.append(": ");
            value(e.getValue(), indent + 1);
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        indent(indent);
        out.append('}');
    }

    private void array(List<?> items, int indent) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        if (items.stream().allMatch(NetworkEncoder::isPlain)) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                value(items.get(i) == null ? NULL : items.get(i), indent);
            }
            out.append(']');
            return;
        }
        out.append("[\n");
        for (int i = 0; i < items.size(); i++) {
            indent(indent + 1);
            value(items.get(i) == null ? NULL : items.get(i), indent + 1);
            out.append(i < items.size() - 1 ? ",\n" : "\n");
        }
        indent(indent);
        out.append(']');
    }

    /** A value written on one line: not an object or a list. */
    private static boolean isPlain(Object v) {
        return !(v instanceof Fields || v instanceof Map || v instanceof Collection
                || v instanceof JsonNode n && n.isContainerNode());
    }

    private void indent(int level) {
        out.repeat("  ", level);
    }

    private void number(Number n) {
        switch (n) {
            case Double d -> decimal(d);
            case Float f -> decimal(f.doubleValue());
            case BigDecimal b -> out.append(b);
            case BigInteger b -> out.append(b);
            default -> out.append(n.longValue());
        }
    }

    /**
     * Whole numbers without ".0" (a centre at 120 reads "120", as people write it); others as Java prints
     * them, which is valid JSON. JSON has no NaN or infinity: those are written as 0 rather than a broken file.
     */
    private void decimal(double d) {
        if (!Double.isFinite(d)) {
            out.append('0');
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
            out.append((long) d);
        } else {
            out.append(d);
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean lone = Character.isHighSurrogate(ch)
                            ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                            : Character.isLowSurrogate(ch) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    if (ch < 0x20 || lone || ch == '\u2028' || ch == '\u2029') {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
