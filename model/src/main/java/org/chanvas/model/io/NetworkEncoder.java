package org.chanvas.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
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
 * ends and a final newline. Jackson's generator writes the JSON; {@link Layout} places the line breaks.
 * Strings keep their characters; only what JSON requires is escaped (plus U+2028 and U+2029, which some
 * JavaScript readers take for line ends), and a lone surrogate is written as an escape so that it survives
 * the trip.
 */
final class NetworkEncoder {

    private final JsonGenerator out;
    private final Layout layout = new Layout();

    private NetworkEncoder(JsonGenerator out) {
        this.out = out;
        out.setPrettyPrinter(layout);
        out.setCharacterEscapes(Escapes.INSTANCE);
    }

    static String encode(Network net) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            new NetworkEncoder(g).network(net);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a StringWriter does not fail
        }
        return text.append('\n').toString();
    }

    /** Immutable once built; unknown fields may nest deeper than Jackson's default write limit. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
            .build();

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

    private void network(Network net) throws IOException {
        Fields f = new Fields().put("format", ChanvasFormat.FORMAT)
                .putIf(!net.title().isEmpty(), "title", net.title())
                .putIf(!net.description().isEmpty(), "description", net.description())
                .put("processes", net.processes().stream().map(NetworkEncoder::process).toList())
                .put("channels", net.channels().stream().map(NetworkEncoder::channel).toList())
                .putIf(!net.justified().isEmpty(), "justified",
                        net.justified().stream().map(NetworkEncoder::justification).toList())
                .extras(net.extra(), NetworkDecoder.TOP_FIELDS);
        value(f);
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
        Map<String, String> kinds = new TreeMap<>();
        j.kinds().forEach((id, k) -> kinds.put(id, k.word()));
        return new Fields().put("channels", List.copyOf(j.channels()))
                .putIf(j.recorded(), "kinds", kinds)
                .put("note", j.note())
                .extras(j.extra(), NetworkDecoder.JUSTIFIED_FIELDS);
    }

    // ---- the printer: any mix of Fields, JsonNode and plain Java values ----

    private void value(Object v) throws IOException {
        switch (v) {
            case Fields f -> object(f.entries);
            case JsonNode n when n.isObject() -> {
                List<Map.Entry<String, Object>> entries = new ArrayList<>();
                n.properties().forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
                object(entries);
            }
            case JsonNode n when n.isArray() -> {
                List<Object> items = new ArrayList<>();
                n.forEach(items::add);
                array(items);
            }
            case JsonNode n when n.isNull() || n.isMissingNode() -> out.writeNull();
            case JsonNode n when n.isBoolean() -> out.writeBoolean(n.booleanValue());
            case JsonNode n when n.isNumber() -> number(n.numberValue());
            case JsonNode n when n.isTextual() -> string(n.textValue());
            case JsonNode n -> string(n.asText());
            case Map<?, ?> m -> {
                List<Map.Entry<String, Object>> entries = new ArrayList<>();
                m.forEach((k, val) -> entries.add(Map.entry(String.valueOf(k), val == null ? NULL : val)));
                object(entries);
            }
            case Collection<?> c -> array(new ArrayList<>(c));
            case String s -> string(s);
            case Number n -> number(n);
            case Boolean b -> out.writeBoolean(b);
            default -> {
                if (v == NULL) {
                    out.writeNull();
                } else {
                    string(v.toString());
                }
            }
        }
    }

    private void object(List<Map.Entry<String, Object>> entries) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, Object> e : entries) {
            String name = e.getKey();
            if (hasLoneSurrogate(name)) {
                out.writeFieldName(new EscapedName(name));
            } else {
                out.writeFieldName(name);
            }
            value(e.getValue());
        }
        out.writeEndObject();
    }

    private void array(List<?> items) throws IOException {
        layout.inlineNext = items.stream().allMatch(NetworkEncoder::isPlain);
        out.writeStartArray();
        for (Object item : items) {
            value(item == null ? NULL : item);
        }
        out.writeEndArray();
    }

    /** A value written on one line: not an object or a list. */
    private static boolean isPlain(Object v) {
        return !(v instanceof Fields || v instanceof Map || v instanceof Collection
                || v instanceof JsonNode n && n.isContainerNode());
    }

    private void number(Number n) throws IOException {
        switch (n) {
            case Double d -> decimal(d);
            case Float f -> decimal(f.doubleValue());
            case BigDecimal b -> out.writeNumber(b);
            case BigInteger b -> out.writeNumber(b);
            default -> out.writeNumber(n.longValue());
        }
    }

    /**
     * Whole numbers without ".0" (a centre at 120 reads "120", as people write it); others as Java prints
     * them, which is valid JSON. JSON has no NaN or infinity: those are written as 0 rather than a broken file.
     */
    private void decimal(double d) throws IOException {
        if (!Double.isFinite(d)) {
            out.writeNumber(0);
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
            out.writeNumber((long) d);
        } else {
            out.writeNumber(d);
        }
    }

    /**
     * A string through the generator; one with a lone surrogate, which no escape table can tell from half of
     * a pair, is escaped here and written as a raw value.
     */
    private void string(String s) throws IOException {
        if (hasLoneSurrogate(s)) {
            out.writeRawValue(withLoneSurrogates(s));
        } else {
            out.writeString(s);
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return true;
            }
        }
        return false;
    }

    private static String withLoneSurrogates(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean pair = Character.isHighSurrogate(ch) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                b.append(ch).append(s.charAt(++i));
            } else if (Character.isSurrogate(ch) || ch < 0x80 && Escapes.CODES[ch] != 0 || ch == '\u2028'
                    || ch == '\u2029') {
                b.append(Escapes.sequence(ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }

    /**
     * A field name the generator writes with our escapes: it writes a name's quoted characters as they are,
     * and {@link SerializedString} would not escape a lone surrogate.
     */
    private record EscapedName(String name, SerializedString plain, char[] quoted) implements SerializableString {
        EscapedName(String name) {
            this(name, new SerializedString(name), inner(withLoneSurrogates(name)));
        }

        private static char[] inner(String quoted) {
            return quoted.substring(1, quoted.length() - 1).toCharArray();
        }

        @Override
        public String getValue() {
            return name;
        }

        @Override
        public int charLength() {
            return name.length();
        }

        @Override
        public char[] asQuotedChars() {
            return quoted.clone();
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            if (offset + quoted.length > buffer.length) {
                return -1;
            }
            System.arraycopy(quoted, 0, buffer, offset, quoted.length);
            return quoted.length;
        }

        // byte output is not used: the encoder writes characters
        @Override
        public byte[] asUnquotedUTF8() {
            return plain.asUnquotedUTF8();
        }

        @Override
        public byte[] asQuotedUTF8() {
            return new String(quoted).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            byte[] b = asQuotedUTF8();
            if (offset + b.length > buffer.length) {
                return -1;
            }
            System.arraycopy(b, 0, buffer, offset, b.length);
            return b.length;
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            return plain.appendUnquotedUTF8(buffer, offset);
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return plain.appendUnquoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(java.io.OutputStream out) throws IOException {
            byte[] b = asQuotedUTF8();
            out.write(b);
            return b.length;
        }

        @Override
        public int writeUnquotedUTF8(java.io.OutputStream out) throws IOException {
            return plain.writeUnquotedUTF8(out);
        }

        @Override
        public int putQuotedUTF8(java.nio.ByteBuffer buffer) {
            byte[] b = asQuotedUTF8();
            if (b.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(b);
            return b.length;
        }

        @Override
        public int putUnquotedUTF8(java.nio.ByteBuffer buffer) {
            return plain.putUnquotedUTF8(buffer);
        }
    }

    /**
     * The file's line breaks: an object puts each field on a line of its own, a list of plain values stays on
     * one line ({@code [a, b]}), a list holding objects or lists puts each item on a line. One per generator.
     */
    private static final class Layout implements PrettyPrinter {
        /** Set by the encoder just before a list starts: whether it goes on one line. */
        boolean inlineNext;
        private final ArrayDeque<Boolean> inline = new ArrayDeque<>();
        private int depth;

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
            // one document per file
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            inline.push(inlineNext);
            if (!inlineNext) {
                depth++;
            }
            g.writeRaw('[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (!inline.peek()) {
                newline(g);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (inline.peek()) {
                g.writeRaw(' ');
            } else {
                newline(g);
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (!inline.pop()) {
                depth--;
                if (values > 0) {
                    newline(g);
                }
            }
            g.writeRaw(']');
        }
    }

    /** JSON's escapes, with control characters as lower-case {@code \\u00xx} and U+2028, U+2029 escaped too. */
    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final Escapes INSTANCE = new Escapes();
        static final int[] CODES = codes();

        private static int[] codes() {
            int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (int c = 0; c < 0x20; c++) {
                if (codes[c] == CharacterEscapes.ESCAPE_STANDARD) {
                    codes[c] = CharacterEscapes.ESCAPE_CUSTOM;
                }
            }
            return codes;
        }

        static String sequence(int ch) {
            return switch (ch) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> String.format("\\u%04x", ch);
            };
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return CODES.clone();
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(sequence(ch));
            }
            return null;
        }
    }
}
