package org.chanvas.app.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chanvas.model.analysis.CycleReport;
import org.junit.jupiter.api.Test;

class HighlightsTest {

    @Test
    void unjustifiedCyclesAreRedAndWinOverJustifiedOnes() {
        Highlights h = Highlights.fromCycles(List.of(
                new CycleReport(List.of("a", "b"), List.of("ab", "ba"), false, ""),
                new CycleReport(List.of("b", "c"), List.of("bc", "cb"), true, "buffered deep enough"),
                new CycleReport(List.of("d"), List.of("dd"), true, "self-loop on purpose")));
        assertThat(h.deadlockProne().processes()).containsExactlyInAnyOrder("a", "b");
        assertThat(h.deadlockProne().channels()).containsExactlyInAnyOrder("ab", "ba");
        assertThat(h.justified().processes()).containsExactlyInAnyOrder("c", "d");
        assertThat(h.justified().channels()).containsExactlyInAnyOrder("bc", "cb", "dd");
        assertThat(h.focus().isEmpty()).isTrue();
        assertThat(h.run()).isNull();
        assertThat(Highlights.fromCycles(List.of())).isEqualTo(Highlights.NONE);
    }

    @Test
    void aFocusedCycleDimsEverythingElse() {
        Highlights h = Highlights.NONE.withFocus(new Marks(java.util.Set.of("a"), java.util.Set.of("ab")));
        assertThat(h.dimsProcess("a")).isFalse();
        assertThat(h.dimsProcess("z")).isTrue();
        assertThat(h.dimsChannel("ab")).isFalse();
        assertThat(h.dimsChannel("q")).isTrue();
        assertThat(Highlights.NONE.dimsProcess("z")).isFalse();
    }
}
