package org.chanvas.app.cli;

import java.io.Console;
import org.chanvas.model.io.Printable;

/**
 * What the commands write for a person: on a terminal, control characters and escape codes from scripts or
 * files ({@code ESC [2J}, a bell, a bidirectional override) are shown as escapes ({@code \e[2J}, {@code \x07})
 * so that they cannot clear, recolour or reorder the screen; into a file or a pipe the text is kept as it is.
 *
 * @param terminal whether the output is a terminal
 */
record TerminalText(boolean terminal) {

    /** The setting for this process's standard output. */
    static TerminalText detect() {
        Console console = System.console();
        return new TerminalText(console != null && console.isTerminal());
    }

    /** One line (a print, a message): every control character escaped on a terminal, line breaks included. */
    String line(String text) {
        return terminal ? Printable.escape(text) : text;
    }

    /** Several lines (a diagnosis): each line as {@link #line}, the line breaks kept. */
    String lines(String text) {
        if (!terminal || text.chars().noneMatch(c -> c != '\n' && Printable.isControl(c))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            out.append(Printable.escape(text.substring(start, nl))).append('\n');
            start = nl + 1;
        }
        return out.append(Printable.escape(text.substring(start))).toString();
    }
}
