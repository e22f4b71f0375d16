package org.chanvas.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.chanvas.app.diagram.SampleNetworks;
import org.junit.jupiter.api.Test;

/**
 * The ring example rendered as a person looked at it and approved it (golden-ring.png). A change to the
 * drawing fails here on purpose: look at target/golden-ring-actual.png and, if it is better, replace the golden.
 * The tolerance absorbs anti-aliasing differences between Java builds, not changes of shape or colour.
 */
class GoldenImageTest {

    /** A pixel differs when its channels differ by more than this in total. */
    private static final int PIXEL_TOLERANCE = 60;
    /** At most this share of pixels may differ. */
    private static final double SHARE_TOLERANCE = 0.005;

    @Test
    void ringMatchesTheApprovedPicture() throws Exception {
        BufferedImage golden;
        try (InputStream in = getClass().getResourceAsStream("golden-ring.png")) {
            assertThat(in).as("golden image on the test class path").isNotNull();
            golden = ImageIO.read(in);
        }
        BufferedImage actual = new PngExporter().render(SampleNetworks.ring(), SampleNetworks.ringHighlights(),
                ExportOptions.defaults());
        Path dump = Path.of("target", "golden-ring-actual.png");
        Files.createDirectories(dump.getParent());
        ImageIO.write(actual, "png", dump.toFile());

        assertThat(actual.getWidth()).isEqualTo(golden.getWidth());
        assertThat(actual.getHeight()).isEqualTo(golden.getHeight());
        long differing = 0;
        for (int y = 0; y < golden.getHeight(); y++) {
            for (int x = 0; x < golden.getWidth(); x++) {
                if (distance(golden.getRGB(x, y), actual.getRGB(x, y)) > PIXEL_TOLERANCE) {
                    differing++;
                }
            }
        }
        double share = differing / (double) (golden.getWidth() * golden.getHeight());
        assertThat(share).as("share of differing pixels (see %s)", dump.toAbsolutePath()).isLessThanOrEqualTo(SHARE_TOLERANCE);
    }

    private static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 24; shift += 8) {
            d += Math.abs(((a >>> shift) & 0xff) - ((b >>> shift) & 0xff));
        }
        return d;
    }
}
