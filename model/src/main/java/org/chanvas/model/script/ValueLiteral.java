package org.chanvas.model.script;

import java.util.ArrayList;
import java.util.List;

/**
 * A parameter's value written as the script language writes a literal (SPEC §3.1): {@code 3}, {@code -3},
 * {@code "A"}, {@code true}, {@code [1, "two", [false]]}. The inspector reads what a person types with it and
 * shows a value with it, so a value reads the same in the inspector and in a script.
 */
public final class ValueLiteral {

    /** As deep as a value may nest (docs/spec-additions.md, §3 limits). */
    private static final int MAX_DEPTH = 200;

    /** What reading a literal gave: a value, or why the text is not one (error non-null, value null). */
    public record Reading(Object value, String error) {

        public boolean ok() {
            return error == null;
        }
    }

    private final String text;
    private int i;
    private String error;

    private ValueLiteral(String text) {
        this.text = text;
    }

    /** Reads {@code text} as one literal value; surrounding blanks are allowed, anything else after it is not. */
    public static Reading parse(String text) {
        ValueLiteral r = new ValueLiteral(text == null ? "" : text);
        r.blanks();
        if (r.i >= r.text.length()) {
            return new Reading(null, "a value is needed: a whole number, \"text\", true/false or a list like [1, 2]");
        }
        Object v = r.value(0);
        if (r.error == null) {
            r.blanks();
            if (r.i < r.text.length()) {
                r.fail("unexpected '" + r.text.charAt(r.i) + "' after the value");
            }
        }
        if (r.error != null) {
            return new Reading(null, r.error);
        }
        String bad = Parameters.badValue(v);
        return bad == null ? new Reading(v, null) : new Reading(null, bad);
    }

    /** {@code value} written as a literal that {@link #parse} reads back to an equal value. */
    public static String format(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case String s -> {
                out.append('"');
                s.codePoints().forEach(cp -> {
                    switch (cp) {
                        case '"', '\\', '{', '}' -> out.append('\\').appendCodePoint(cp);
                        case '\n' -> out.append("\\n");
                        case '\t' -> out.append("\\t");
                        default -> out.appendCodePoint(cp);
                    }
                });
                out.append('"');
            }
            case List<?> items -> {
                out.append('[');
                for (int k = 0; k < items.size(); k++) {
                    if (k > 0) {
                        out.append(", ");
                    }
                    write(items.get(k), out);
                }
                out.append(']');
            }
            case null -> out.append("null");
            default -> out.append(value);
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            fail("a value nests at most " + MAX_DEPTH + " lists deep");
            return null;
        }
        blanks();
        if (i >= text.length()) {
            fail("the value ends too early");
            return null;
        }
        char c = text.charAt(i);
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            return list(depth);
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = i;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            String word = text.substring(start, i);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> {
                    fail("'" + word + "' is not a value: write text in quotes, \"" + word + "\"");
                    yield null;
                }
            };
        }
        fail("'" + c + "' cannot start a value: use a whole number, \"text\", true/false or [a list]");
        return null;
    }

    private Object number() {
        int start = i;
        if (text.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i == digits) {
            fail("a '-' must be followed by digits");
            return null;
        }
        if (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '.')) {
            fail("'" + text.substring(start, Math.min(text.length(), i + 1)) + "' is not a whole number");
            return null;
        }
        try {
            return Long.parseLong(text.substring(start, i));
        } catch (NumberFormatException e) {
            fail(text.substring(start, i) + " does not fit in 64 bits");
            return null;
        }
    }

    private Object string() {
        StringBuilder s = new StringBuilder();
        i++;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i++;
                return s.toString();
            }
            if (c == '{' || c == '}') {
                // In a script a brace interpolates; a parameter is a plain value, so say how to write the brace.
                fail("a value cannot interpolate: write \\" + c + " for a brace in the text");
                return null;
            }
            if (c == '\\') {
                if (i + 1 >= text.length()) {
                    break;
                }
                char e = text.charAt(i + 1);
                switch (e) {
                    case '"', '\\', '{', '}' -> s.append(e);
                    case 'n' -> s.append('\n');
                    case 't' -> s.append('\t');
                    default -> {
                        fail("unknown escape '\\" + e + "'; known are \\\" \\\\ \\n \\t \\{ \\}");
                        return null;
                    }
                }
                i += 2;
                continue;
            }
            s.append(c);
            i++;
        }
        fail("the text has no closing quote");
        return null;
    }

    private Object list(int depth) {
        i++;
        List<Object> items = new ArrayList<>();
        blanks();
        if (i < text.length() && text.charAt(i) == ']') {
            i++;
            return items;
        }
        while (error == null) {
            Object v = value(depth + 1);
            if (error != null) {
                return null;
            }
            items.add(v);
            blanks();
            if (i >= text.length()) {
                fail("the list has no closing ]");
                return null;
            }
            char c = text.charAt(i++);
            if (c == ']') {
                return items;
            }
            if (c != ',') {
                fail("expected , or ] in the list, not '" + c + "'");
                return null;
            }
        }
        return null;
    }

    private void blanks() {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
    }

    private void fail(String message) {
        if (error == null) {
            error = message;
        }
    }
}
