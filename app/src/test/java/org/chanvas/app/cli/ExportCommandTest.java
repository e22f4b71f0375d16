package org.chanvas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.chanvas.app.diagram.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ExportCommandTest {

    @TempDir
    Path dir;

    private Path ring;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyExamples() throws Exception {
        ring = copy("ring.chanvas.json");
    }

    private Path copy(String name) throws Exception {
        Path to = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ExportCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "svg", "pdf", "dot"})
    void validFileExportsToEveryFormat(String ext) throws Exception {
        Path out = dir.resolve("ring." + ext);
        assertThat(run(ring.toString(), "-o", out.toString())).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(Files.size(out)).isPositive();
    }

    @Test
    void optionsReachThePicture() throws Exception {
        Path one = dir.resolve("one.png");
        Path two = dir.resolve("two.png");
        assertThat(run(ring.toString(), "-o", one.toString())).isZero();
        assertThat(run(ring.toString(), "-o", two.toString(), "--scale", "2", "--theme", "dark")).isZero();
        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage b = ImageIO.read(two.toFile());
        assertThat(b.getWidth()).isBetween(2 * a.getWidth() - 2, 2 * a.getWidth() + 80);
        assertThat(new Color(b.getRGB(0, 0), true)).isEqualTo(Theme.dark().palette().background());

        Path clear = dir.resolve("clear.png");
        assertThat(run(ring.toString(), "-o", clear.toString(), "--transparent")).isZero();
        assertThat(new Color(ImageIO.read(clear.toFile()).getRGB(0, 0), true).getAlpha()).isZero();

        Path lit = dir.resolve("lit.dot");
        Path plain = dir.resolve("plain.dot");
        assertThat(run(ring.toString(), "-o", lit.toString())).isZero();
        assertThat(run(ring.toString(), "-o", plain.toString(), "--no-highlight")).isZero();
        assertThat(Files.readString(lit)).contains("color=\"red\"");
        assertThat(Files.readString(plain)).doesNotContain("color=").doesNotContain("penwidth");
    }

    @Test
    void invalidJsonExits2NamingTheFileLineAndColumnAndWritesNothing() throws Exception {
        Path broken = copy("broken.chanvas.json");
        Path out = dir.resolve("broken.png");
        assertThat(run(broken.toString(), "-o", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("broken.chanvas.json:5:");
        assertThat(out).doesNotExist();
    }

    @Test
    void aNetworkCheckCallsInvalidIsRefusedToo() throws Exception {
        Path unwired = copy("unwired.chanvas.json");
        Path out = dir.resolve("unwired.svg");
        assertThat(run(unwired.toString(), "-o", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("process lonely");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingInputExits2() {
        assertThat(run(dir.resolve("nope.chanvas.json").toString(), "-o", dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope.chanvas.json");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void unwritablePathExits2AndLeavesNoFile() throws Exception {
        Path out = dir.resolve("missing-folder/ring.pdf");
        assertThat(run(ring.toString(), "-o", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing-folder").contains("does not exist");
        assertThat(dir.resolve("missing-folder")).doesNotExist();

        assertThat(run(ring.toString(), "-o", dir.toString() + "/")).isEqualTo(2);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(ring);
        }
    }

    @Test
    void badOptionsExit2WithAClearMessage() {
        assertThat(run(ring.toString(), "-o", dir.resolve("ring.jpg").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(".png, .svg, .pdf or .dot");
        assertThat(run(ring.toString(), "-o", dir.resolve("ring.png").toString(), "--scale", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--scale must be 1, 2 or 4");
        assertThat(run(ring.toString(), "-o", dir.resolve("ring.png").toString(), "--theme", "blue")).isEqualTo(2);
        assertThat(err.toString()).contains("--theme must be light or dark");
        assertThat(run(ring.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--output");
        assertThat(dir.resolve("ring.png")).doesNotExist();
    }
}
