package org.chanvas.app.export.code;

/** String literals that Python, Go and C-like Promela all read the same way. */
final class Literals {

    private Literals() {
    }

    /** {@code s} double-quoted with backslash escapes; anything outside printable ASCII as a Unicode escape. */
    static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Text for a header comment: one line, no comment terminators. */
    static String oneLine(String s) {
        return s == null ? "" : s.replace("\r", " ").replace("\n", " ").replace("*/", "* /");
    }
}
