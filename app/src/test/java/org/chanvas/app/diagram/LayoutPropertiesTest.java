package org.chanvas.app.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Layout holds its promises on random networks, not only on the hand-made ones. */
class LayoutPropertiesTest {

    /** A channel between process indexes, possibly shared (extra writers), of some kind. */
    record Wire(int writer, int reader, int extraWriter, ChannelKind kind, int capacity) {
    }

    /** Up to twelve channels between the nine processes; nine in ten have a second writer, so share the channel. */
    private static Gen<List<Wire>> wires() {
        Gen<Wire> wire = integers().between(0, 8).zip(integers().between(0, 8), integers().between(-1, 8),
                Generate.enumValues(ChannelKind.class), integers().between(1, 20), Wire::new);
        return lists().of(wire).ofSizeBetween(0, 12);
    }

    /** Nine processes on a roomy 3 × 3 grid, as a person would place them, with random channels. */
    private static Network network(List<Wire> wires) {
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ps.add(new Process("p" + i, 320.0 * (i % 3), 260.0 * (i / 3), ""));
        }
        List<Channel> cs = new ArrayList<>();
        for (int k = 0; k < wires.size(); k++) {
            Wire w = wires.get(k);
            List<Endpoint> writers = new ArrayList<>(List.of(new Endpoint("p" + w.writer(), "o" + k)));
            if (w.extraWriter() >= 0) {
                writers.add(new Endpoint("p" + w.extraWriter(), "x" + k));
            }
            int cap = w.kind() == ChannelKind.BUFFERED ? w.capacity() : 0;
            cs.add(new Channel("c" + k, w.kind(), cap, writers, List.of(new Endpoint("p" + w.reader(), "i" + k))));
        }
        return new Network("", "", ps, cs, List.of(), Map.of());
    }

    @Test
    void labelsNeverCoverABoxAndArrowsEndAtTheirReaders() {
        // A layout takes milliseconds; fewer shrink cycles keep a failure's report to seconds.
        qt().withExamples(150).withShrinkCycles(200).forAll(wires())
                .checkAssert(LayoutPropertiesTest::labelsClearAndArrowsEndAtReaders);
    }

    private static void labelsClearAndArrowsEndAtReaders(List<Wire> wires) {
        DiagramGeometry g = DiagramGeometry.layout(network(wires), Theme.light());
        assertThat(g.channels()).hasSize(wires.size());
        for (ChannelShape c : g.channels()) {
            for (ProcessBox p : g.processes()) {
                assertThat(c.label().bounds().intersects(p.box())).as("label %s on %s", c.id(), p.id()).isFalse();
            }
            for (Segment s : c.segments()) {
                if (s.reader() != null) {
                    PortStub in = g.process(s.reader().process()).orElseThrow().port(s.reader().port()).orElseThrow();
                    assertThat(s.head().tip()).isEqualTo(in.tip());
                }
                assertFinite(s);
            }
        }
    }

    private static void assertFinite(Segment s) {
        assertThat(s.polyline()).allSatisfy(p -> assertThat(Double.isFinite(p.x()) && Double.isFinite(p.y()))
                .as("finite point %s", p).isTrue());
    }

    @Test
    void anyNetworkLaysOutWithoutFailing() {
        qt().withExamples(100).withShrinkCycles(200).forAll(wires(), booleans().all())
                .checkAssert(LayoutPropertiesTest::laysOutSqueezed);
    }

    private static void laysOutSqueezed(List<Wire> wires, boolean dark) {
        // Squeeze everything onto two spots: boxes overlap, nodes collide; layout must still answer.
        Network n = network(wires).withProcesses(network(wires).processes().stream()
                .map(p -> p.withPosition(p.id().hashCode() % 2 * 10, 0)).toList());
        DiagramGeometry g = DiagramGeometry.layout(n, dark ? Theme.dark() : Theme.light());
        assertThat(g.bounds().w()).isPositive();
        assertThat(g.processAt(g.processes().getFirst().box().centre())).isPresent();
        // Every process and channel is still drawn, on finite coordinates, however they collide.
        assertThat(g.processes()).hasSize(9);
        assertThat(g.channels()).hasSize(wires.size());
        for (ChannelShape c : g.channels()) {
            assertThat(c.segments()).as("segments of %s", c.id()).isNotEmpty();
            c.segments().forEach(LayoutPropertiesTest::assertFinite);
        }
    }
}
