package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.Theme;
import org.chanvas.app.editor.canvas.IncrementalLayout;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;

/** Laying out only around a change gives the moved parts the shapes a full layout gives them. */
class IncrementalLayoutTest {

    private final Theme theme = Theme.light();

    /** A chain p0 → p1 → ... → p{n-1} along a row. */
    private static Network chain(int n) {
        List<Process> ps = new ArrayList<>();
        List<Channel> cs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ps.add(new Process("p" + i, 100 + 200 * i, 100, "x = recv in\nsend out x"));
            if (i > 0) {
                cs.add(new Channel("c" + i, ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("p" + (i - 1), "out")),
                        List.of(new Endpoint("p" + i, "in"))));
            }
        }
        return new Network("", "", ps, cs, List.of(), Map.of());
    }

    @Test
    void aMovedProcessAndItsChannelsMatchTheFullLayoutAndTheRestIsReused() {
        Network before = chain(8);
        DiagramGeometry base = DiagramGeometry.layout(before, theme);
        Network after = before.mapProcess("p4", p -> p.withPosition(900, 260));

        DiagramGeometry quick = new IncrementalLayout(theme).update(base, before, after);
        DiagramGeometry full = DiagramGeometry.layout(after, theme);

        assertThat(quick.process("p4")).isEqualTo(full.process("p4"));
        assertThat(quick.channel("c4").get().segments()).isEqualTo(full.channel("c4").get().segments());
        assertThat(quick.channel("c5").get().segments()).isEqualTo(full.channel("c5").get().segments());
        // Far from the move, the earlier shapes are kept as they were (the same objects).
        assertThat(quick.process("p0").get()).isSameAs(base.process("p0").get());
        assertThat(quick.channel("c1").get()).isSameAs(base.channel("c1").get());
        assertThat(quick.processes()).hasSize(8);
        assertThat(quick.channels()).hasSize(7);
    }

    @Test
    void deletedChannelsAndProcessesDisappearAndAddedOnesAppear() {
        Network before = chain(5);
        DiagramGeometry base = DiagramGeometry.layout(before, theme);
        Network after = before.withChannels(before.channels().subList(0, 3))
                .withProcesses(List.of(before.processes().get(0), before.processes().get(1), before.processes().get(2),
                        before.processes().get(3), new Process("extra", 100, 400, "")));
        DiagramGeometry quick = new IncrementalLayout(theme).update(base, before, after);
        assertThat(quick.processes()).extracting(b -> b.id()).containsExactly("p0", "p1", "p2", "p3", "extra");
        assertThat(quick.channels()).extracting(c -> c.id()).containsExactly("c1", "c2", "c3");
        assertThat(quick.process("p3")).isEqualTo(DiagramGeometry.layout(after, theme).process("p3"));
    }
}
