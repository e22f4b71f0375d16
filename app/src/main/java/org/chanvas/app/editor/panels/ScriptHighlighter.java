package org.chanvas.app.editor.panels;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a script into coloured spans for the script editor. It only colours: a lenient scan that never
 * fails, so half-typed text still looks right; the parser alone decides what is an error.
 */
public final class ScriptHighlighter {

    /** What a span is, which decides its colour. */
    public enum Style { KEYWORD, CHANNEL_OP, PORT, STRING, NUMBER, COMMENT, LITERAL, PARAM, PLAIN }

    /** Characters {@code [start, end)} of the text drawn in {@code style}. */
    public record Span(int start, int end, Style style) {
    }

    private static final Set<String> KEYWORDS = Set.of("if", "else", "while", "forever", "repeat", "for", "in",
            "select", "sleep", "print", "stop", "as", "after", "and", "or", "not", "len", "random", "self",
            "break", "continue", "int", "str", "all", "any");
    private static final Set<String> CHANNEL_OPS = Set.of("send", "recv", "call", "reply");
    private static final Set<String> LITERALS = Set.of("true", "false");

    /** The spans of {@code text}, in order, covering every non-blank character. */
    public List<Span> spans(String text) {
        return spans(text, Set.of());
    }

    /**
     * The spans of {@code text}, with the process's parameter names (SPEC §3.1) drawn as {@link Style#PARAM}: a
     * person sees at a glance which words come from the inspector's table rather than from the script.
     */
    public List<Span> spans(String text, Set<String> params) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        boolean portNext = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '#') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.add(new Span(i, end, Style.COMMENT));
                i = end;
            } else if (c == '"') {
                int end = stringEnd(text, i);
                string(text, i, end, params, out);
                i = end;
                portNext = false;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < n && Character.isDigit(text.charAt(end))) {
                    end++;
                }
                out.add(new Span(i, end, Style.NUMBER));
                i = end;
                portNext = false;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String word = text.substring(i, end);
                Style style;
                if (portNext) {
                    // Any word after send/recv/call/reply is a port, keywords included ("recv in").
                    style = Style.PORT;
                    portNext = false;
                } else if (CHANNEL_OPS.contains(word)) {
                    style = Style.CHANNEL_OP;
                    portNext = true;
                } else if (params.contains(word)) {
                    // a parameter may be named like a function word (int, all): as a variable it is the parameter
                    style = Style.PARAM;
                } else if (KEYWORDS.contains(word)) {
                    style = Style.KEYWORD;
                } else if (LITERALS.contains(word)) {
                    style = Style.LITERAL;
                } else {
                    style = Style.PLAIN;
                }
                out.add(new Span(i, end, style));
                i = end;
            } else {
                if (!Character.isWhitespace(c)) {
                    portNext = false;
                }
                i++;
            }
        }
        return out;
    }

    /**
     * A string {@code [start, end)}: one STRING span, except that a parameter named inside a {@code {...}}
     * interpolation is a PARAM span of its own ({@code "Server {name} got {m}"}), as it is outside strings.
     */
    private static void string(String text, int start, int end, Set<String> params, List<Span> out) {
        int from = start;
        int depth = 0;
        int i = start + 1;
        while (i < end && !params.isEmpty()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth > 0 && (Character.isLetter(c) || c == '_')) {
                int w = i;
                while (w < end && (Character.isLetterOrDigit(text.charAt(w)) || text.charAt(w) == '_')) {
                    w++;
                }
                if (params.contains(text.substring(i, w))) {
                    out.add(new Span(from, i, Style.STRING));
                    out.add(new Span(i, w, Style.PARAM));
                    from = w;
                }
                i = w;
                continue;
            }
            i++;
        }
        if (from < end) {
            out.add(new Span(from, end, Style.STRING));
        }
    }

    /** The index after the closing quote, or the end of the line for an unclosed string. */
    private static int stringEnd(String text, int open) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i + 1;
            }
            if (c == '\n') {
                return i;
            }
            i++;
        }
        return i;
    }
}
