package org.chanvas.model.script;

/**
 * One lexical unit of a script. Offsets are UTF-16 indices into the source, {@code end} exclusive.
 *
 * @param text      the word, the digits, or the decoded text of a string part
 * @param textStart where the decoded text begins in the source (after a quote or a closing brace)
 * @param prevEnd   where the previous token ended, so a fault found at a line end can point right
 *                  after the last word instead of at trailing blanks or a comment
 * @param bad       a token the lexer already reported (a stray character, an invented string end);
 *                  the parser fails on it without a second message
 */
record Token(Kind kind, int start, int end, String text, int textStart, int prevEnd, boolean bad) {

    /** The kinds of token. Keywords are {@link #WORD}s: a keyword is still a good port name. */
    enum Kind {
        WORD, INT,
        /** A whole string without interpolation. */
        STRING,
        /** A string's text up to its first {@code {}. */
        STR_HEAD,
        /** Text between a {@code }} and the next {@code {} of the same string. */
        STR_MID,
        /** Text from the last {@code }} to the closing quote. */
        STR_TAIL,
        LPAREN, RPAREN, LBRACKET, RBRACKET, LBRACE, RBRACE, COMMA, DOTDOT, ASSIGN,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH, PERCENT,
        NEWLINE, SEMI, ERROR, EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** True for a word token spelling {@code word}. */
    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    int length() {
        return end - start;
    }
}
