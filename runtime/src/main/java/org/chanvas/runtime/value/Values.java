package org.chanvas.runtime.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

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

    /** Whether {@code v} is a value scripts can hold (lists checked deeply, without recursion). */
    public static boolean isValue(Object v) {
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(v == null ? NOTHING : v);
        while (!todo.isEmpty()) {
            switch (todo.pop()) {
                case Long l -> {
                }
                case String s -> {
                }
                case Boolean b -> {
                }
                case List<?> l -> {
                    for (Object item : l) {
                        todo.push(item == null ? NOTHING : item);
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** Stands for null on stacks that refuse nulls. */
    private static final Object NOTHING = new Object();

    /** Levels of list nesting in {@code v}: 0 for a plain value, 1 for a list of plain values. */
    public static int depth(Object v) {
        if (v instanceof ScriptList s) {
            return s.depth();
        }
        if (!(v instanceof List<?> top)) {
            return 0;
        }
        int deepest = 0;
        ArrayDeque<Iterator<?>> open = new ArrayDeque<>();
        open.push(top.iterator());
        deepest = 1;
        while (!open.isEmpty()) {
            Iterator<?> it = open.peek();
            if (!it.hasNext()) {
                open.pop();
                continue;
            }
            Object item = it.next();
            if (item instanceof ScriptList s) {
                deepest = Math.max(deepest, open.size() + s.depth());
            } else if (item instanceof List<?> l) {
                open.push(l.iterator());
                deepest = Math.max(deepest, open.size());
            }
        }
        return deepest;
    }

    /**
     * The {@link List#hashCode()} of {@code v} (plain values their own), computed without recursion so a
     * deeply nested list from outside the interpreter (a trace, a test) cannot overflow the stack.
     */
    public static int hash(Object v) {
        if (!(v instanceof List<?> top) || v instanceof ScriptList) {
            return v == null ? 0 : v.hashCode();
        }
        ArrayDeque<Iterator<?>> open = new ArrayDeque<>();
        ArrayDeque<int[]> partial = new ArrayDeque<>();
        open.push(top.iterator());
        partial.push(new int[] {1});
        while (true) {
            Iterator<?> it = open.peek();
            if (it.hasNext()) {
                Object item = it.next();
                if (item instanceof List<?> inner && !(item instanceof ScriptList)) {
                    open.push(inner.iterator());
                    partial.push(new int[] {1});
                } else {
                    int[] h = partial.peek();
                    h[0] = 31 * h[0] + (item == null ? 0 : item.hashCode());
                }
                continue;
            }
            open.pop();
            int done = partial.pop()[0];
            if (open.isEmpty()) {
                return done;
            }
            int[] h = partial.peek();
            h[0] = 31 * h[0] + done;
        }
    }

    /** Items in {@code v} counted through every level of nesting (0 for a plain value); saturates. */
    public static long weight(Object v) {
        if (v instanceof ScriptList s) {
            return s.weight();
        }
        if (!(v instanceof List<?> top)) {
            return 0;
        }
        long total = 0;
        ArrayDeque<List<?>> todo = new ArrayDeque<>();
        todo.push(top);
        while (!todo.isEmpty()) {
            List<?> l = todo.pop();
            total += l.size();
            for (Object item : l) {
                if (item instanceof ScriptList s) {
                    total += s.weight();
                } else if (item instanceof List<?> inner) {
                    todo.push(inner);
                }
            }
            if (total < 0) {
                return Long.MAX_VALUE;
            }
        }
        return total;
    }

    /**
     * Script equality ({@code ==}): same type and same contents. Iterative, so nesting depth cannot overflow
     * the stack; identical sublists are skipped and each pair of sublists is compared once, so sharing
     * ({@code l = [l, l]}) keeps the cost linear in the number of distinct lists.
     */
    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (!(a instanceof List<?>) || !(b instanceof List<?>)) {
            return a != null && !(a instanceof List<?>) && a.equals(b);
        }
        ArrayDeque<Object> todo = new ArrayDeque<>();
        Set<Pair> seen = null;
        todo.push(a);
        todo.push(b);
        while (!todo.isEmpty()) {
            Object y = todo.pop();
            Object x = todo.pop();
            if (x == y) {
                continue;
            }
            if (x instanceof List<?> lx && y instanceof List<?> ly) {
                if (lx.size() != ly.size()) {
                    return false;
                }
                if (lx instanceof ScriptList sx && ly instanceof ScriptList sy
                        && (sx.hashCode() != sy.hashCode() || sx.weight() != sy.weight())) {
                    return false;
                }
                if (Values.depth(lx) > 1) {
                    if (seen == null) {
                        seen = new HashSet<>();
                    }
                    if (!seen.add(new Pair(lx, ly))) {
                        continue; // compared already (or being compared): a difference there is found there
                    }
                }
                for (int i = lx.size() - 1; i >= 0; i--) {
                    todo.push(lx.get(i));
                    todo.push(ly.get(i));
                }
            } else if (x == null || x instanceof List<?> || y instanceof List<?> || !x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    /** Two lists by identity. */
    private record Pair(Object x, Object y) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && p.x == x && p.y == y;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(x) * 31 + System.identityHashCode(y);
        }
    }

    /** The text {@code print} and interpolation show: strings bare, lists as {@code [1, "a", true]}. */
    public static String display(Object v) {
        if (v instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        appendLiteral(sb, v, Integer.MAX_VALUE);
        return sb.toString();
    }

    /**
     * Appends what {@link #display} shows, stopping once {@code sb} would pass {@code maxChars}: false when
     * it stopped (the text is then cut), so printing a huge value costs no more than the limit.
     */
    public static boolean appendDisplay(StringBuilder sb, Object v, int maxChars) {
        if (v instanceof String s) {
            if (sb.length() + s.length() > maxChars) {
                return false;
            }
            sb.append(s);
            return true;
        }
        return appendLiteral(sb, v, maxChars);
    }

    /** The value written as the script would write it: strings quoted. */
    public static String literal(Object v) {
        StringBuilder sb = new StringBuilder();
        appendLiteral(sb, v, Integer.MAX_VALUE);
        return sb.toString();
    }

    /** The literal cut to about {@value #BRIEF} characters, for messages about values of any size. */
    public static String brief(Object v) {
        StringBuilder sb = new StringBuilder();
        if (!appendLiteral(sb, v, BRIEF)) {
            sb.append("…");
        }
        return sb.toString();
    }

    /** How long {@link #brief} lets a literal get. */
    public static final int BRIEF = 120;

    /** Iterative: nesting depth cannot overflow the stack; stops at {@code maxChars}. */
    private static boolean appendLiteral(StringBuilder sb, Object v, int maxChars) {
        ArrayDeque<Iterator<?>> open = new ArrayDeque<>();
        Object next = v;
        while (true) {
            if (next instanceof List<?> l) {
                sb.append('[');
                open.push(l.iterator());
            } else {
                appendPlain(sb, next);
            }
            if (sb.length() > maxChars) {
                sb.setLength(maxChars);
                return false;
            }
            next = null;
            while (!open.isEmpty()) {
                Iterator<?> it = open.peek();
                if (it.hasNext()) {
                    if (sb.charAt(sb.length() - 1) != '[') {
                        sb.append(", ");
                    }
                    next = it.next();
                    break;
                }
                open.pop();
                sb.append(']');
            }
            if (open.isEmpty() && next == null) {
                if (sb.length() > maxChars) {
                    sb.setLength(maxChars);
                    return false;
                }
                return true;
            }
        }
    }

    private static void appendPlain(StringBuilder sb, Object v) {
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
            case null -> sb.append("nothing");
            default -> sb.append(v);
        }
    }

    /**
     * Writes JSON with Jackson's generator. Immutable once built (no static mutable state); its nesting
     * limit is lifted because values are bounded by {@code Limits} when they are made, not when written.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
            .build();

    /** A generator writing compact JSON into {@code out}, for whoever writes values inside a larger object. */
    public static JsonGenerator generator(Writer out) {
        try {
            return JSON.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as JSON (numbers, strings, booleans, arrays), for traces. */
    public static String json(Object v) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = generator(out)) {
            writeJson(g, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Appends {@code v} as JSON. */
    public static void appendJson(StringBuilder sb, Object v) {
        sb.append(json(v));
    }

    /** Writes {@code v} with the generator; iterative, so nesting depth cannot overflow the stack. */
    public static void writeJson(JsonGenerator g, Object v) throws IOException {
        ArrayDeque<Iterator<?>> open = new ArrayDeque<>();
        Object next = v;
        while (true) {
            if (next instanceof List<?> l) {
                g.writeStartArray();
                open.push(l.iterator());
            } else {
                switch (next) {
                    case String s -> g.writeString(s);
                    case Long l -> g.writeNumber(l.longValue());
                    case Integer n -> g.writeNumber(n.intValue());
                    case Boolean b -> g.writeBoolean(b);
                    case null -> g.writeNull();
                    default -> g.writeString(next.toString());
                }
            }
            while (!open.isEmpty() && !open.peek().hasNext()) {
                open.pop();
                g.writeEndArray();
            }
            if (open.isEmpty()) {
                return;
            }
            next = open.peek().next();
        }
    }

    /** Appends {@code s} as a JSON string literal with every control character escaped. */
    public static void jsonString(StringBuilder sb, String s) {
        sb.append(json(s));
    }
}
