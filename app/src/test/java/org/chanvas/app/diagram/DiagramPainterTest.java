package org.chanvas.app.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Paints the run overlay onto an image and checks each state shows its colour where the editor expects it. */
class DiagramPainterTest {

    private final Theme theme = Theme.light();
    private final DiagramGeometry geo = DiagramGeometry.layout(SampleNetworks.ring(), theme);
    private final Box area = geo.bounds().inflate(30);

    private final RunOverlay run = new RunOverlay(
            Map.of("a", ProcessState.WAITING_TO_SEND, "b", ProcessState.WAITING_TO_RECEIVE,
                    "c", ProcessState.RUNNING, "client1", ProcessState.SLEEPING,
                    "client2", ProcessState.FINISHED, "server", ProcessState.FAILED),
            Map.of("bc", 2, "jobs", 3),
            List.of(new RunOverlay.Token("ab", "a", "b", 0.3, "Message 3"),
                    new RunOverlay.Token("jobs", "client2", "server", 0.7, "[A, 2]")),
            List.of(new RunOverlay.WaitEdge("a", "b", "ab"), new RunOverlay.WaitEdge("b", "c", "bc"),
                    new RunOverlay.WaitEdge("c", "a", "ca")),
            "Deadlock: a, b and c wait for each other");

    @Test
    void eachProcessStateShowsItsColourOnTheBorder() throws Exception {
        BufferedImage img = paint(Highlights.NONE.withRun(run).withSelection(new Marks(Set.of("server"), Set.of("rpc"))));
        Files.createDirectories(Path.of("target"));
        ImageIO.write(img, "png", Path.of("target", "run-overlay.png").toFile());
        Theme.Palette p = theme.palette();
        assertThat(borderHas(img, "a", p.waitingSend())).isTrue();
        assertThat(borderHas(img, "b", p.waitingReceive())).isTrue();
        assertThat(borderHas(img, "c", p.running())).isTrue();
        assertThat(borderHas(img, "client1", p.sleeping())).isTrue();
        assertThat(borderHas(img, "server", p.failed())).isTrue();
        assertThat(borderHas(img, "looper", p.boxStroke())).isTrue();
        // Finished is faded: its border is lighter than an idle one.
        assertThat(borderHas(img, "client2", p.boxStroke())).isFalse();
    }

    @Test
    void tokensAreDrawnOnTheirRouteAndTheWaitCycleIsRed() {
        BufferedImage img = paint(Highlights.NONE.withRun(run));
        Pt token = geo.tokenPosition("ab", "a", "b", 0.3).orElseThrow();
        assertThat(colourNear(img, token, 1, theme.palette().text())).isTrue();
        Pt onCa = geo.channel("ca").orElseThrow().segments().getFirst().pointAt(0.7);
        assertThat(colourNear(img, onCa, 2, theme.palette().cycle())).isTrue();
        BufferedImage still = paint(Highlights.NONE);
        assertThat(colourNear(still, onCa, 2, theme.palette().cycle())).isFalse();
    }

    @Test
    void aFocusedCycleDimsTheRest() {
        BufferedImage img = paint(SampleNetworks.ringHighlights().withFocus(new Marks(Set.of("looper"), Set.of("self"))));
        assertThat(borderHas(img, "server", theme.palette().boxStroke())).isFalse();
        assertThat(borderHas(img, "looper", theme.palette().justified())).isTrue();
    }

    private BufferedImage paint(Highlights h) {
        BufferedImage img = new BufferedImage((int) Math.ceil(area.w()), (int) Math.ceil(area.h()), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.translate(-area.x(), -area.y());
        DiagramPainter painter = new DiagramPainter(theme);
        painter.paintBackground(g, area, true, 20);
        painter.paint(g, geo, h);
        g.dispose();
        return img;
    }

    /** Whether the middle of the box's left border has the colour. */
    private boolean borderHas(BufferedImage img, String process, Color c) {
        Box b = geo.process(process).orElseThrow().box();
        return colourNear(img, new Pt(b.x(), b.y() + b.h() * 0.5 + 9), 1, c);
    }

    private boolean colourNear(BufferedImage img, Pt p, int r, Color want) {
        int cx = (int) Math.floor(p.x() - area.x());
        int cy = (int) Math.floor(p.y() - area.y());
        for (int x = cx - r; x <= cx + r; x++) {
            for (int y = cy - r; y <= cy + r; y++) {
                Color c = new Color(img.getRGB(x, y), true);
                if (Math.abs(c.getRed() - want.getRed()) + Math.abs(c.getGreen() - want.getGreen())
                        + Math.abs(c.getBlue() - want.getBlue()) < 20) {
                    return true;
                }
            }
        }
        return false;
    }
}
