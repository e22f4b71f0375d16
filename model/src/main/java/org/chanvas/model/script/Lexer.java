package org.chanvas.model.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.chanvas.model.script.Token.Kind;

/**
 * Splits a script into tokens. A string with {@code {expr}} parts becomes a head, the tokens of each
 * expression, middles and a tail, so the parser reads interpolated expressions with its ordinary rules.
 * Open interpolations are kept on an explicit stack, so no input can make the lexer recurse.
 * Faults are added to the diagnostics and the lexer carries on; it never throws.
 */
final class Lexer {

    /** An open {@code {...}} inside a string: where the string began and how many plain braces are open within. */
    private static final class Interpolation {
        final int stringStart;
        int braces;

        Interpolation(int stringStart) {
            this.stringStart = stringStart;
        }
    }

    private final String src;
    private final LineMap lines;
    private final List<Diagnostic> diagnostics;
    private final List<Token> tokens;
    private final Deque<Interpolation> open = new ArrayDeque<>();
    private int i;
    private int lastEnd;

    Lexer(String src, LineMap lines, List<Diagnostic> diagnostics) {
        this.src = src;
        this.lines = lines;
        this.diagnostics = diagnostics;
        // Sized for typical scripts (a token every 3 or 4 characters), so the list rarely grows and copies.
        this.tokens = new ArrayList<>(src.length() / 3 + 8);
    }

    List<Token> tokenize() {
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            switch (c) {
                case ' ', '\t', '\f', '\u000B' -> i++;
                case '#' -> skipComment();
                case '\n' -> newline(1);
                case '\r' -> newline(i + 1 < n && src.charAt(i + 1) == '\n' ? 2 : 1);
                case '"' -> string(i, i, false);
                case '{' -> {
                    if (!open.isEmpty()) {
                        open.peek().braces++;
                    }
                    simple(Kind.LBRACE, 1);
                }
                case '}' -> closeBrace();
                case '(' -> simple(Kind.LPAREN, 1);
                case ')' -> simple(Kind.RPAREN, 1);
                case '[' -> simple(Kind.LBRACKET, 1);
                case ']' -> simple(Kind.RBRACKET, 1);
                case ',' -> simple(Kind.COMMA, 1);
                case ';' -> simple(Kind.SEMI, 1);
                case '+' -> simple(Kind.PLUS, 1);
                case '-' -> simple(Kind.MINUS, 1);
                case '*' -> simple(Kind.STAR, 1);
                case '/' -> simple(Kind.SLASH, 1);
                case '%' -> simple(Kind.PERCENT, 1);
                case '=' -> simple(next('=') ? Kind.EQ : Kind.ASSIGN, next('=') ? 2 : 1);
                case '<' -> simple(next('=') ? Kind.LE : Kind.LT, next('=') ? 2 : 1);
                case '>' -> simple(next('=') ? Kind.GE : Kind.GT, next('=') ? 2 : 1);
                case '!' -> {
                    if (next('=')) {
                        simple(Kind.NE, 2);
                    } else {
                        stray(1, "unexpected '!'; write 'not' for negation");
                    }
                }
                case '.' -> {
                    if (next('.')) {
                        simple(Kind.DOTDOT, 2);
                    } else {
                        stray(1, "unexpected '.'; a range is written 'a..b'");
                    }
                }
                case '&' -> stray(next('&') ? 2 : 1, "unexpected '" + (next('&') ? "&&" : "&") + "'; write 'and'");
                case '|' -> stray(next('|') ? 2 : 1, "unexpected '" + (next('|') ? "||" : "|") + "'; write 'or'");
                default -> {
                    if (isDigit(c)) {
                        number();
                    } else if (isWordStart(c)) {
                        word();
                    } else {
                        int cp = src.codePointAt(i);
                        stray(Character.charCount(cp), "unexpected character " + describe(cp));
                    }
                }
            }
        }
        closeOpenStrings(n);
        add(Kind.EOF, n, n, "", n, false);
        return tokens;
    }

    private boolean next(char expected) {
        return i + 1 < src.length() && src.charAt(i + 1) == expected;
    }

    private void skipComment() {
        while (i < src.length() && src.charAt(i) != '\n' && src.charAt(i) != '\r') {
            i++;
        }
    }

    private void newline(int width) {
        // A string cannot span lines: an interpolation still open here belongs to an unterminated string.
        closeOpenStrings(i);
        Token t = new Token(Kind.NEWLINE, i, i + width, "", i, lastEnd, false);
        tokens.add(t);
        i += width;
    }

    private void closeOpenStrings(int at) {
        while (!open.isEmpty()) {
            Interpolation in = open.pop();
            report(in.stringStart, at - in.stringStart, "unterminated string");
            add(Kind.STR_TAIL, at, at, "", at, true);
        }
    }

    private void closeBrace() {
        Interpolation in = open.peek();
        if (in != null && in.braces == 0) {
            open.pop();
            string(i, in.stringStart, true);
            return;
        }
        if (in != null) {
            in.braces--;
        }
        simple(Kind.RBRACE, 1);
    }

    /**
     * Reads string text from just after {@code tokenStart} (a quote, or the brace that closed an
     * interpolation) up to the closing quote, the next {@code {}, or the end of the line.
     */
    private void string(int tokenStart, int stringStart, boolean continued) {
        StringBuilder text = new StringBuilder();
        int j = tokenStart + 1;
        int n = src.length();
        while (j < n) {
            char c = src.charAt(j);
            if (c == '"') {
                add(continued ? Kind.STR_TAIL : Kind.STRING, tokenStart, j + 1, text.toString(), tokenStart + 1, false);
                i = j + 1;
                return;
            }
            if (c == '{') {
                add(continued ? Kind.STR_MID : Kind.STR_HEAD, tokenStart, j + 1, text.toString(), tokenStart + 1,
                        false);
                open.push(new Interpolation(stringStart));
                i = j + 1;
                return;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '\\' && j + 1 < n && src.charAt(j + 1) != '\n' && src.charAt(j + 1) != '\r') {
                char e = src.charAt(j + 1);
                switch (e) {
                    case '"', '\\', '{', '}' -> text.append(e);
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    default -> {
                        int cp = src.codePointAt(j + 1);
                        report(j, 1 + Character.charCount(cp), "unknown escape '\\" + Character.toString(cp)
                                + "'; known are \\\" \\\\ \\n \\t \\{ \\}");
                        text.appendCodePoint(cp);
                        j += Character.charCount(cp) - 1;
                    }
                }
                j += 2;
                continue;
            }
            text.append(c);
            j++;
        }
        report(stringStart, j - stringStart, "unterminated string");
        add(continued ? Kind.STR_TAIL : Kind.STRING, tokenStart, j, text.toString(), tokenStart + 1, false);
        i = j;
    }

    private void number() {
        int start = i;
        while (i < src.length() && isDigit(src.charAt(i))) {
            i++;
        }
        if (i < src.length() && isWordPart(src.charAt(i))) {
            while (i < src.length() && isWordPart(src.charAt(i))) {
                i++;
            }
            report(start, i - start, "invalid number '" + src.substring(start, i) + "'");
            add(Kind.ERROR, start, i, src.substring(start, i), start, true);
            return;
        }
        add(Kind.INT, start, i, src.substring(start, i), start, false);
    }

    private void word() {
        int start = i;
        while (i < src.length() && isWordPart(src.charAt(i))) {
            i++;
        }
        add(Kind.WORD, start, i, src.substring(start, i), start, false);
    }

    private void simple(Kind kind, int width) {
        String spelled = spelling(kind);
        add(kind, i, i + width, spelled != null ? spelled : src.substring(i, i + width), i, false);
        i += width;
    }

    /** The one way to write a punctuation token: a shared constant instead of a new string per token. */
    private static String spelling(Kind kind) {
        return switch (kind) {
            case LPAREN -> "(";
            case RPAREN -> ")";
            case LBRACKET -> "[";
            case RBRACKET -> "]";
            case LBRACE -> "{";
            case RBRACE -> "}";
            case COMMA -> ",";
            case SEMI -> ";";
            case DOTDOT -> "..";
            case ASSIGN -> "=";
            case EQ -> "==";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case PLUS -> "+";
            case MINUS -> "-";
            case STAR -> "*";
            case SLASH -> "/";
            case PERCENT -> "%";
            default -> null;
        };
    }

    private void stray(int width, String message) {
        report(i, width, message);
        add(Kind.ERROR, i, i + width, src.substring(i, i + width), i, true);
        i += width;
    }

    private void add(Kind kind, int start, int end, String text, int textStart, boolean bad) {
        tokens.add(new Token(kind, start, end, text, textStart, lastEnd, bad));
        if (end > start) {
            lastEnd = end;
        }
    }

    private void report(int offset, int length, String message) {
        diagnostics.add(new Diagnostic(lines.pos(offset), length, message));
    }

    private static String describe(int cp) {
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || !Character.isDefined(cp)
                || Character.getType(cp) == Character.SURROGATE) {
            return String.format("U+%04X", cp);
        }
        return "'" + Character.toString(cp) + "'";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
