package org.chanvas.app.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every process state reads in both themes: names and port names against their box's fill at a contrast of at
 * least 4.5:1 (WCAG 2 relative luminance), finished processes too (issue 11: light grey on white was 1.7:1).
 */
class ThemeContrastTest {

    /** WCAG 2: (L1 + 0.05) / (L2 + 0.05), the lighter over the darker. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    @Test
    void theFormulaGivesTheKnownAnswers() {
        assertThat(contrast(Color.BLACK, Color.WHITE)).isCloseTo(21, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(contrast(Color.WHITE, Color.WHITE)).isEqualTo(1);
        // The complaint: #bfbfbf-ish grey on white is about 1.7:1.
        assertThat(contrast(new Color(0xc4c4c4), Color.WHITE)).isCloseTo(1.74, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void namesAndPortsOfEveryStateReadAgainstTheirFillInBothThemes() {
        for (Theme theme : List.of(Theme.light(), Theme.dark(), Theme.presentation())) {
            for (ProcessState state : ProcessState.values()) {
                Theme.Look look = theme.look(state);
                assertThat(contrast(look.text(), look.fill())).as("%s %s name", theme.name(), state)
                        .isGreaterThanOrEqualTo(4.5);
                assertThat(contrast(look.portText(), look.fill())).as("%s %s ports", theme.name(), state)
                        .isGreaterThanOrEqualTo(4.5);
            }
        }
    }

    @Test
    void aFinishedProcessStillLooksDifferentFromARunningOne() {
        for (Theme theme : List.of(Theme.light(), Theme.dark(), Theme.presentation())) {
            Theme.Look done = theme.look(ProcessState.FINISHED);
            Theme.Look running = theme.look(ProcessState.RUNNING);
            assertThat(done.stroke()).isNotEqualTo(running.stroke());
            assertThat(done.fill()).isNotEqualTo(running.fill());
            assertThat(done.badge()).isNotNull();
        }
    }
}
