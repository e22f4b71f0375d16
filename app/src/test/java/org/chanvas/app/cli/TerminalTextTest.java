package org.chanvas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    private static final String HOSTILE = "p: \u001b[2J\u001b]0;owned\u0007red\u202e\r";

    @Test
    void onATerminalEscapeCodesAreShownNotObeyed() {
        assertThat(new TerminalText(true).line(HOSTILE)).isEqualTo("p: \\e[2J\\e]0;owned\\x07red\\u202e\\r");
        assertThat(new TerminalText(true).line("a\nb")).isEqualTo("a\\nb");
    }

    @Test
    void aDiagnosisKeepsItsLinesAndEscapesWithinThem() {
        assertThat(new TerminalText(true).lines("deadlock:\n  p waits \u001b[31m\n")).isEqualTo("deadlock:\n  p waits \\e[31m\n");
        String plain = "deadlock:\n  p waits\n";
        assertThat(new TerminalText(true).lines(plain)).isSameAs(plain);
    }

    @Test
    void intoAFileOrAPipeTheTextIsKept() {
        assertThat(new TerminalText(false).line(HOSTILE)).isEqualTo(HOSTILE);
        assertThat(new TerminalText(false).lines(HOSTILE)).isEqualTo(HOSTILE);
    }
}
