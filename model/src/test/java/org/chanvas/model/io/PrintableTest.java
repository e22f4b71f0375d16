package org.chanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void ordinaryTextIsTheSameString() {
        String text = "café \\ 😀 \"quoted\"";
        assertThat(Printable.escape(text)).isSameAs(text);
    }

    @Test
    void controlsGetTheirNamesOrHexEscapes() {
        assertThat(Printable.escape("a\nb\tc\rd\u001b[31me\u0007f\u0000g\u007fh\u0085i\u202ej\u2028k"))
                .isEqualTo("a\\nb\\tc\\rd\\e[31me\\x07f\\x00g\\x7fh\\x85i\\u202ej\\u2028k");
    }

    @Test
    void everyC0ControlAndDelIsEscaped() {
        for (int cp = 0; cp < 0x20; cp++) {
            assertThat(Printable.escape("x" + (char) cp + "y")).as("U+%04X", cp).startsWith("x\\").endsWith("y")
                    .doesNotContain(String.valueOf((char) cp));
        }
        assertThat(Printable.escape("\u007f")).isEqualTo("\\x7f");
    }
}
