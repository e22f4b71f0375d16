package org.chanvas.runtime.value;

import java.util.List;

/**
 * The script language's values (SPEC §3) as plain Java objects: {@link Long}, {@link String}, {@link Boolean}
 * and immutable {@link List}s of values. This class names their types and writes them as text.
 */
public final class Values {

    private Values() {
    }

    /** The word a message uses for the type of a value: {@code int}, {@code string}, {@code bool} or {@code list}. */
    public static String typeName(Object v) {
        return switch (v) {
            case Long l -> "int";
            case String s -> "string";
            case Boolean b -> "bool";
            case List<?> l -> "list";
            case null -> "nothing";
            default -> v.getClass().getSimpleName();
        };
    }

    /** Whether {@code v} is a value scripts can hold (lists checked deeply). */
    public static boolean isValue(Object v) {
        return switch (v) {
            case Long l -> true;
            case String s -> true;
            case Boolean b -> true;
            case List<?> l -> l.stream().allMatch(Values::isValue);
            case null, default -> false;
        };
    }

    /** The text {@code print} and interpolation show: strings bare, lists as {@code [1, "a", true]}. */
    public static String display(Object v) {
        if (v instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        appendLiteral(sb, v);
        return sb.toString();
    }

    /** The value written as the script would write it: strings quoted. */
    public static String literal(Object v) {
        StringBuilder sb = new StringBuilder();
        appendLiteral(sb, v);
        return sb.toString();
    }

    private static void appendLiteral(StringBuilder sb, Object v) {
        switch (v) {
            case String s -> {
                sb.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '"' -> sb.append("\\\"");
                        case '\\' -> sb.append("\\\\");
                        case '\n' -> sb.append("\\n");
                        case '\t' -> sb.append("\\t");
                        default -> sb.append(c);
                    }
                }
                sb.append('"');
            }
            case List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    appendLiteral(sb, l.get(i));
                }
                sb.append(']');
            }
            case null -> sb.append("nothing");
            default -> sb.append(v);
        }
    }

    /** The value as JSON (numbers, strings, booleans, arrays), for traces. */
    public static String json(Object v) {
        StringBuilder sb = new StringBuilder();
        appendJson(sb, v);
        return sb.toString();
    }

    /** Appends {@code v} as JSON. */
    public static void appendJson(StringBuilder sb, Object v) {
        switch (v) {
            case String s -> jsonString(sb, s);
            case List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    appendJson(sb, l.get(i));
                }
                sb.append(']');
            }
            case Long l -> sb.append(l.longValue());
            case Integer i -> sb.append(i.intValue());
            case Boolean b -> sb.append(b.booleanValue());
            case null -> sb.append("null");
            default -> jsonString(sb, v.toString());
        }
    }

    /** Appends {@code s} as a JSON string literal with every control character escaped. */
    public static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
