package org.chanvas.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON tree in which every value knows the line and column it starts at, so that a fault found long after
 * parsing (a duplicate id, an unknown process) can still be shown where it is in the file. Built from Jackson's
 * streaming parser.
 */
final class JsonTree {

    private JsonTree() {
    }

    /** A position in the text, 1-based. */
    record Where(int line, int column) {
        static Where of(JsonLocation loc) {
            return new Where(Math.max(0, loc.getLineNr()), Math.max(0, loc.getColumnNr()));
        }
    }

    /** A JSON value with its position. */
    sealed interface Node {
        Where where();

        /** "an object", "a string", ... for messages. */
        String kind();
    }

    /** An object; members keep the file's order. */
    record Obj(Map<String, Member> members, Where where) implements Node {
        public String kind() {
            return "an object";
        }
    }

    /** A member of an object, with the position of its name. */
    record Member(String name, Where nameWhere, Node value) {
    }

    record Arr(List<Node> items, Where where) implements Node {
        public String kind() {
            return "a list";
        }
    }

    record Str(String value, Where where) implements Node {
        public String kind() {
            return "a string";
        }
    }

    /**
     * A whole number (exact), or a number with a fraction or exponent: exact as written, and as the nearest
     * double (which, unlike a BigDecimal, keeps the sign of -0.0).
     */
    record Num(BigInteger integer, BigDecimal decimal, double fraction, Where where) implements Node {
        public String kind() {
            return "a number";
        }

        boolean isInteger() {
            return integer != null;
        }

        double asDouble() {
            return integer != null ? integer.doubleValue() : fraction;
        }
    }

    record Bool(boolean value, Where where) implements Node {
        public String kind() {
            return value ? "true" : "false";
        }
    }

    record Null(Where where) implements Node {
        public String kind() {
            return "null";
        }
    }

    /** The outcome of parsing: a tree, or a syntax fault with its position. */
    sealed interface Parsed {
    }

    record Tree(Node root) implements Parsed {
    }

    record SyntaxError(Where where, String message) implements Parsed {
    }

    private static final Pattern SOURCE = Pattern.compile("at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    /** Parses {@code text} as exactly one JSON value. Never throws on bad input. */
    static Parsed parse(JsonFactory factory, String text) {
        try (JsonParser p = factory.createParser(text)) {
            try {
                return document(p);
            } catch (StreamConstraintsException e) {
                // Thrown without a location, and in words that name Jackson's classes: say where and what instead.
                Where where = Where.of(p.currentLocation());
                return new SyntaxError(where, beyondLimit(e, factory.streamReadConstraints(), where));
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            return new SyntaxError(loc == null ? new Where(0, 0) : Where.of(loc), tidy(e.getOriginalMessage()));
        } catch (IOException e) {
            // Reading from a String only fails through the parser; kept for the checked signature.
            return new SyntaxError(new Where(0, 0), "cannot read JSON: " + e.getMessage());
        }
    }

    private static Parsed document(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return new SyntaxError(new Where(1, 1), "the file is empty; expected a JSON object");
        }
        List<SyntaxError> faults = new ArrayList<>();
        Node root = value(p, faults);
        if (!faults.isEmpty()) {
            return faults.getFirst();
        }
        JsonToken after = p.nextToken();
        if (after != null) {
            return new SyntaxError(Where.of(p.currentTokenLocation()),
                    "unexpected text after the end of the JSON document");
        }
        return new Tree(root);
    }

    /** One of the parser's limits (SPEC §2: 1,000 levels, 1,000 digits), in words with its place. */
    static String beyondLimit(StreamConstraintsException e, StreamReadConstraints limits, Where where) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String at = " at line " + where.line() + ", column " + where.column();
        if (message.contains("nesting depth")) {
            return "nested too deep" + at + " (more than " + limits.getMaxNestingDepth()
                    + " levels of lists and objects)";
        }
        if (message.contains("Number value length")) {
            return "number too long" + at + " (more than " + limits.getMaxNumberLength() + " characters)";
        }
        if (message.contains("String value length")) {
            return "text too long" + at + " (more than " + limits.getMaxStringLength() + " characters)";
        }
        if (message.contains("Name length")) {
            return "field name too long" + at + " (more than " + limits.getMaxNameLength() + " characters)";
        }
        return "a value too large to read" + at;
    }

    /**
     * Jackson's messages end in "at [Source: REDACTED ...; line: 3, column: 5]" and use "end-of-input";
     * say the same in plain words.
     */
    static String tidy(String message) {
        if (message == null) {
            return "not valid JSON";
        }
        Matcher m = SOURCE.matcher(message);
        String plain = m.replaceAll(r -> "at line " + r.group(1) + ", column " + r.group(2));
        plain = plain.replace("Unexpected end-of-input", "the file ends too early (truncated?)")
                .replace("end-of-input", "end of file");
        return "not valid JSON: " + plain.strip();
    }

    private static Node value(JsonParser p, List<SyntaxError> faults) throws IOException {
        Where where = Where.of(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Member> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Where nameWhere = Where.of(p.currentTokenLocation());
                    p.nextToken();
                    Node v = value(p, faults);
                    if (members.containsKey(name)) {
                        faults.add(new SyntaxError(nameWhere, "the field \"" + name + "\" appears twice in one object"));
                    }
                    members.put(name, new Member(name, nameWhere, v));
                }
                yield new Obj(Collections.unmodifiableMap(members), where);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, faults));
                }
                yield new Arr(List.copyOf(items), where);
            }
            case VALUE_STRING -> new Str(p.getText(), where);
            case VALUE_NUMBER_INT -> new Num(p.getBigIntegerValue(), null, 0, where);
            case VALUE_NUMBER_FLOAT -> new Num(null, p.getDecimalValue(), p.getDoubleValue(), where);
            case VALUE_TRUE -> new Bool(true, where);
            case VALUE_FALSE -> new Bool(false, where);
            case VALUE_NULL -> new Null(where);
            default -> throw new IllegalStateException("unexpected token " + t + " at " + where);
        };
    }
}
