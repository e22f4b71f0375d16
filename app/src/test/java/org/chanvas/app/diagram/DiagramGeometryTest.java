package org.chanvas.app.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.PortDirection;
import org.junit.jupiter.api.Test;

class DiagramGeometryTest {

    private final Theme theme = Theme.light();
    private final DiagramGeometry ring = DiagramGeometry.layout(SampleNetworks.ring(), theme);
    private final DiagramGeometry pc = DiagramGeometry.layout(SampleNetworks.producerConsumer(), theme);

    @Test
    void channelLabelsCoverNoBoxAndNoOtherLabel() {
        for (DiagramGeometry g : List.of(ring, pc, DiagramGeometry.layout(SampleNetworks.ring(), Theme.dark()))) {
            for (ChannelShape c : g.channels()) {
                for (ProcessBox p : g.processes()) {
                    assertThat(c.label().bounds().intersects(p.outline()))
                            .as("label of %s over box %s", c.id(), p.id()).isFalse();
                }
                for (ChannelShape o : g.channels()) {
                    if (o != c) {
                        assertThat(c.label().bounds().intersects(o.label().bounds()))
                                .as("label of %s over label of %s", c.id(), o.id()).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void processLabelsSitInsideTheirBoxes() {
        for (ProcessBox p : ring.processes()) {
            Box t = p.title().bounds();
            assertThat(p.box().contains(new Pt(t.x(), t.y())) && p.box().contains(new Pt(t.maxX(), t.maxY())))
                    .as(p.id()).isTrue();
            for (PortStub s : p.ports()) {
                assertThat(s.label().bounds().intersects(t)).as("port %s over title", s.endpoint()).isFalse();
            }
        }
    }

    @Test
    void arrowheadEndsAtTheReadersPortOnTheBoxBorder() {
        ChannelShape q = pc.channel("q").orElseThrow();
        ProcessBox consumer = pc.process("consumer").orElseThrow();
        PortStub in = consumer.port("in").orElseThrow();
        Pt tip = q.segments().getFirst().head().tip();
        assertThat(tip).isEqualTo(in.tip());
        // The consumer sits right of the producer, so its inbound port is on its left side, at the border
        // plus the tab's depth, and outside the box.
        assertThat(in.side()).isEqualTo(Side.LEFT);
        assertThat(tip.x()).isCloseTo(consumer.box().x() - 6, within(1e-9));
        assertThat(tip.y()).isBetween(consumer.box().y(), consumer.box().maxY());
        assertThat(consumer.box().contains(tip)).isFalse();
        assertThat(pc.process("producer").orElseThrow().port("out").orElseThrow().side()).isEqualTo(Side.RIGHT);
    }

    @Test
    void everyArrowheadTouchesItsReaderOrItsNode() {
        for (ChannelShape c : ring.channels()) {
            for (Segment s : c.segments()) {
                if (s.reader() != null) {
                    PortStub r = ring.process(s.reader().process()).orElseThrow().port(s.reader().port()).orElseThrow();
                    assertThat(s.head().tip()).as(c.id()).isEqualTo(r.tip());
                    assertThat(r.direction()).isEqualTo(PortDirection.INBOUND);
                } else {
                    assertThat(s.head().tip().distance(c.node().centre()))
                            .as(c.id()).isCloseTo(c.node().radius(), within(1.01));
                }
            }
        }
    }

    @Test
    void parallelAndOppositeChannelsAreDrawnApart() {
        List<String> ids = List.of("ab", "ab2", "ba");
        for (String x : ids) {
            for (String y : ids) {
                if (x.compareTo(y) < 0) {
                    Segment sx = ring.channel(x).orElseThrow().segments().getFirst();
                    Segment sy = ring.channel(y).orElseThrow().segments().getFirst();
                    assertThat(minDistance(sx.polyline(), sy.polyline())).as(x + " vs " + y).isGreaterThan(12);
                    assertThat(sx.pointAt(0.5).distance(sy.pointAt(0.5))).as(x + " vs " + y).isGreaterThan(20);
                }
            }
        }
        // Two channels a → b bend to opposite sides of the straight line between their ends.
        Segment ab = ring.channel("ab").orElseThrow().segments().getFirst();
        Segment ab2 = ring.channel("ab2").orElseThrow().segments().getFirst();
        assertThat(bulge(ab)).isNegative();
        assertThat(bulge(ab2)).isPositive();
    }

    @Test
    void selfLoopRunsOutsideItsBox() {
        ProcessBox looper = ring.process("looper").orElseThrow();
        Segment loop = ring.channel("self").orElseThrow().segments().getFirst();
        assertThat(loop.polyline()).hasSizeGreaterThan(5);
        for (Pt p : loop.polyline()) {
            assertThat(looper.box().contains(p)).as("%s inside the box", p).isFalse();
            assertThat(p.y()).isLessThanOrEqualTo(looper.box().y() - 6 + 1e-9);
        }
        assertThat(looper.box().y() - loop.pointAt(0.5).y()).isGreaterThan(30);
    }

    @Test
    void kindMarksMatchTheChannelKinds() {
        assertThat(pc.channel("q").orElseThrow().marks()).singleElement().isInstanceOf(KindMark.InfinityMark.class);
        KindMark.SlotRow three = (KindMark.SlotRow) ring.channel("bc").orElseThrow().marks().getFirst();
        assertThat(three.drawn()).isEqualTo(3);
        assertThat(three.overflow()).isNull();
        KindMark.SlotRow twelve = (KindMark.SlotRow) ring.channel("ba").orElseThrow().marks().getFirst();
        assertThat(twelve.drawn()).isLessThan(12);
        assertThat(twelve.overflow().text()).isEqualTo("…12");
        assertThat(ring.channel("rpc").orElseThrow().marks()).singleElement().isInstanceOf(KindMark.ReturnHook.class);
        assertThat(ring.channel("ab").orElseThrow().marks()).isEmpty();
        assertThat(ring.channel("bc").orElseThrow().label().text()).isEqualTo("bc [3]");
        assertThat(ring.channel("rpc").orElseThrow().label().text()).isEqualTo("rpc (call)");
    }

    @Test
    void sharedChannelHasANodeWithArrowsInFromWritersAndOutToReaders() {
        ChannelShape jobs = ring.channel("jobs").orElseThrow();
        assertThat(jobs.shared()).isTrue();
        assertThat(jobs.segments()).hasSize(3);
        assertThat(jobs.segments().stream().filter(s -> s.reader() == null)).hasSize(2);
        for (ProcessBox p : ring.processes()) {
            assertThat(p.outline().intersects(jobs.node().bounds())).as(p.id()).isFalse();
        }
        assertThat(ring.tokenPosition("jobs", "client1", "server", 0.5).orElseThrow()
                .distance(jobs.node().centre())).isCloseTo(jobs.node().radius(), within(1.01));
    }

    @Test
    void sharedChannelsBetweenTheSameGroupsGetNodesApart() {
        // The lecture's worker pool: jobs from the farmer to three workers, results back.
        Network pool = new Network("", "", List.of(
                new Process("farmer", 100, 250, ""), new Process("w1", 500, 100, ""),
                new Process("w2", 500, 250, ""), new Process("w3", 500, 400, "")),
                List.of(new Channel("jobs", ChannelKind.BUFFERED, 10, List.of(SampleNetworks.end("farmer.jobs")),
                                List.of(SampleNetworks.end("w1.work"), SampleNetworks.end("w2.work"), SampleNetworks.end("w3.work"))),
                        new Channel("results", ChannelKind.UNBOUNDED, 0,
                                List.of(SampleNetworks.end("w1.out"), SampleNetworks.end("w2.out"), SampleNetworks.end("w3.out")),
                                List.of(SampleNetworks.end("farmer.results")))),
                List.of(), Map.of());
        DiagramGeometry g = DiagramGeometry.layout(pool, theme);
        SharedNode jobs = g.channel("jobs").orElseThrow().node();
        SharedNode results = g.channel("results").orElseThrow().node();
        assertThat(jobs.centre().distance(results.centre())).isGreaterThan(4 * jobs.radius());
        KindMark slots = g.channel("jobs").orElseThrow().marks().getFirst();
        assertThat(slots.bounds().intersects(results.bounds())).isFalse();
        for (ProcessBox p : g.processes()) {
            assertThat(p.outline().intersects(jobs.bounds()) || p.outline().intersects(results.bounds())).isFalse();
        }
    }

    @Test
    void hitTestingFindsWhatIsUnderThePointer() {
        ProcessBox b = ring.process("b").orElseThrow();
        assertThat(ring.processAt(b.box().centre())).contains(b);
        assertThat(ring.processAt(new Pt(-500, -500))).isEmpty();
        Segment ca = ring.channel("ca").orElseThrow().segments().getFirst();
        Pt nearCa = ca.pointAt(0.4).plus(ca.tangentAt(0.4).normal().times(3));
        assertThat(ring.channelAt(nearCa).map(ChannelShape::id)).contains("ca");
        assertThat(ring.channelAt(ca.pointAt(0.4).plus(ca.tangentAt(0.4).normal().times(25)))).isEmpty();
        ChannelShape jobs = ring.channel("jobs").orElseThrow();
        assertThat(ring.sharedNodeAt(jobs.node().centre())).contains(jobs.node());
        PortStub req = ring.process("c").orElseThrow().port("req").orElseThrow();
        assertThat(ring.portAt(req.tab().centre())).contains(req);
    }

    @Test
    void tokensTravelFromTheWritersPortToTheReadersPort() {
        Segment q = pc.channel("q").orElseThrow().segments().getFirst();
        assertThat(pc.tokenPosition("q", "producer", "consumer", 0)).contains(q.start());
        assertThat(pc.tokenPosition("q", "producer", "consumer", 1)).contains(q.end());
        assertThat(pc.tokenPosition("q", "consumer", "producer", 0.5)).isEmpty();
        assertThat(pc.tokenPosition("nope", "producer", "consumer", 0.5)).isEmpty();
    }

    @Test
    void layoutIsDeterministicAndBoundsHoldEverything() {
        assertThat(DiagramGeometry.layout(SampleNetworks.ring(), theme)).isEqualTo(ring);
        Box bounds = ring.bounds();
        for (ProcessBox p : ring.processes()) {
            assertThat(bounds.inflate(1e-6).contains(new Pt(p.outline().x(), p.outline().y()))).isTrue();
            assertThat(bounds.inflate(1e-6).contains(new Pt(p.outline().maxX(), p.outline().maxY()))).isTrue();
        }
        for (ChannelShape c : ring.channels()) {
            Box cb = c.bounds();
            assertThat(bounds.inflate(1e-6).contains(new Pt(cb.x(), cb.y()))
                    && bounds.inflate(1e-6).contains(new Pt(cb.maxX(), cb.maxY()))).as(c.id()).isTrue();
        }
    }

    @Test
    void endsNamingMissingProcessesAreLeftOutInsteadOfFailing() {
        Network half = new Network("", "", List.of(new Process("a", 0, 0, "")),
                List.of(SampleNetworks.channel("x", ChannelKind.RENDEZVOUS, 0, "a.out", "ghost.in"),
                        new Channel("y", ChannelKind.RENDEZVOUS, 0,
                                List.of(SampleNetworks.end("a.o2"), SampleNetworks.end("ghost.o")),
                                List.of(SampleNetworks.end("a.i2")))),
                List.of(), Map.of());
        DiagramGeometry g = DiagramGeometry.layout(half, theme);
        assertThat(g.channels()).extracting(ChannelShape::id).containsExactly("y");
        assertThat(g.channel("y").orElseThrow().shared()).isFalse();
        assertThat(DiagramGeometry.layout(Network.empty(), theme).bounds()).isEqualTo(new Box(0, 0, 0, 0));
    }

    @Test
    void textMeasureIsTheSameEveryTime() {
        TextMeasure a = new AwtTextMeasure(theme);
        TextMeasure b = new AwtTextMeasure(Theme.light());
        assertThat(a.width("consumer", FontRole.PROCESS)).isEqualTo(b.width("consumer", FontRole.PROCESS))
                .isGreaterThan(a.width("a", FontRole.PROCESS));
        assertThat(a.width("consumer", FontRole.PROCESS)).isGreaterThan(a.width("consumer", FontRole.PORT));
        assertThat(a.width("", FontRole.CHANNEL)).isZero();
    }

    /** Signed distance of the curve's middle from its chord: which side it bends to. */
    private static double bulge(Segment s) {
        Pt n = s.end().minus(s.start()).unit().normal();
        Pt d = s.pointAt(0.5).minus(Pt.lerp(s.start(), s.end(), 0.5));
        return d.x() * n.x() + d.y() * n.y();
    }

    private static double minDistance(List<Pt> a, List<Pt> b) {
        double best = Double.MAX_VALUE;
        for (Pt p : a) {
            for (int i = 1; i < b.size(); i++) {
                best = Math.min(best, p.distanceToSegment(b.get(i - 1), b.get(i)));
            }
        }
        return best;
    }
}
