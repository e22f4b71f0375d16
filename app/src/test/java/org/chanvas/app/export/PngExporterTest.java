package org.chanvas.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.chanvas.app.diagram.Box;
import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.Pt;
import org.chanvas.app.diagram.SampleNetworks;
import org.chanvas.app.diagram.Segment;
import org.chanvas.app.diagram.Theme;
import org.chanvas.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PngExporterTest {

    @TempDir
    Path dir;

    private final Network ring = SampleNetworks.ring();
    private final DiagramGeometry geometry = DiagramGeometry.layout(ring, Theme.light());

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void imageIsTheDiagramPlusMarginAtTheScale(int scale) throws Exception {
        Path out = dir.resolve("ring-" + scale + ".png");
        ExportResult r = new PngExporter().export(ring, SampleNetworks.ringHighlights(),
                ExportOptions.defaults().withScale(scale), out);
        assertThat(r).isInstanceOf(ExportResult.Written.class);
        BufferedImage img = ImageIO.read(out.toFile());
        Box b = geometry.bounds().inflate(ExportOptions.DEFAULT_MARGIN);
        assertThat(img.getWidth()).isEqualTo((int) Math.ceil(b.w() * scale));
        assertThat(img.getHeight()).isEqualTo((int) Math.ceil(b.h() * scale));
    }

    @Test
    void cycleIsRedWhereItRunsAndPlainWithoutHighlight() {
        Segment ca = geometry.channel("ca").orElseThrow().segments().getFirst();
        Pt onCycle = ca.pointAt(0.35);
        BufferedImage lit = new PngExporter().render(ring, SampleNetworks.ringHighlights(), ExportOptions.defaults().withScale(2));
        BufferedImage plain = new PngExporter().render(ring, SampleNetworks.ringHighlights(),
                ExportOptions.defaults().withScale(2).withHighlight(false));
        assertThat(near(lit, onCycle, 2, new Color(0xd32f2f))).isTrue();
        assertThat(near(plain, onCycle, 2, new Color(0xd32f2f))).isFalse();
        assertThat(near(plain, onCycle, 2, Theme.light().palette().channel())).isTrue();
        // A channel that is on no cycle is never red.
        Pt offCycle = geometry.channel("rpc").orElseThrow().segments().getFirst().pointAt(0.35);
        assertThat(near(lit, offCycle, 2, new Color(0xd32f2f))).isFalse();
    }

    @Test
    void backgroundIsWhiteOrTransparent() {
        BufferedImage white = new PngExporter().render(ring, null, ExportOptions.defaults());
        BufferedImage clear = new PngExporter().render(ring, null, ExportOptions.defaults().withTransparent(true));
        assertThat(new Color(white.getRGB(1, 1), true)).isEqualTo(Color.WHITE);
        assertThat(new Color(clear.getRGB(1, 1), true).getAlpha()).isZero();
        BufferedImage dark = new PngExporter().render(ring, null, ExportOptions.defaults().withTheme(Theme.dark()));
        assertThat(new Color(dark.getRGB(1, 1), true)).isEqualTo(Theme.dark().palette().background());
    }

    @Test
    void emptyNetworkGivesASmallValidImage() throws Exception {
        Path out = dir.resolve("empty.png");
        assertThat(new PngExporter().export(Network.empty(), null, ExportOptions.defaults(), out))
                .isInstanceOf(ExportResult.Written.class);
        assertThat(ImageIO.read(out.toFile()).getWidth()).isPositive();
        assertThat(Files.size(out)).isPositive();
    }

    /** Whether a pixel within {@code radius} of a diagram point has (nearly) the given colour. */
    static boolean near(BufferedImage img, Pt p, int radius, Color want) {
        Box area = DiagramGeometry.layout(SampleNetworks.ring(), Theme.light()).bounds().inflate(ExportOptions.DEFAULT_MARGIN);
        double scale = img.getWidth() / area.w();
        int cx = (int) Math.floor((p.x() - area.x()) * scale);
        int cy = (int) Math.floor((p.y() - area.y()) * scale);
        for (int x = cx - radius; x <= cx + radius; x++) {
            for (int y = cy - radius; y <= cy + radius; y++) {
                Color c = new Color(img.getRGB(x, y), true);
                if (Math.abs(c.getRed() - want.getRed()) + Math.abs(c.getGreen() - want.getGreen())
                        + Math.abs(c.getBlue() - want.getBlue()) < 24) {
                    return true;
                }
            }
        }
        return false;
    }
}
