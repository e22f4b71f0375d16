package org.chanvas.model.io;

/**
 * Control characters made visible: the one rule for text that reaches a terminal (a script's {@code print}, a
 * label in a message) or a drawing (a label in an export). {@code \n}, {@code \t}, {@code \r} and {@code \e}
 * (escape) keep their usual names; other controls (C0, DEL, C1), the bidirectional overrides and the line and
 * paragraph separators become {@code \xHH} (or a backslash, {@code u} and four hex digits). Everything else,
 * backslashes included, is kept as it is, so ordinary text reads the same.
 */
public final class Printable {

    private Printable() {
    }

    /**
     * Whether a code point would act on a terminal or a layout instead of showing: C0 and C1 controls, DEL,
     * U+2028/U+2029, and the bidirectional embeddings, overrides and isolates (which reorder what follows).
     */
    public static boolean isControl(int cp) {
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029
                || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Whether {@code text} holds a character {@link #isControl} names. */
    public static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with each control character written as an escape; the same string when there is none. */
    public static String escape(String text) {
        if (!hasControl(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (isControl(cp)) {
                out.append(escapeOf(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** The escape for one control character, e.g. {@code \e} or {@code \x07}. */
    public static String escapeOf(int cp) {
        return switch (cp) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case 0x1b -> "\\e";
            default -> cp < 0x100 ? String.format("\\x%02x", cp) : String.format("\\u%04x", cp);
        };
    }
}
