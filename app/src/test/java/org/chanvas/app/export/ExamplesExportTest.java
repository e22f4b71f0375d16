package org.chanvas.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chanvas.app.diagram.ChannelShape;
import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.app.diagram.ProcessBox;
import org.chanvas.app.diagram.Theme;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.analysis.Analysis;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example exports to every format, with its labels clear of boxes and its text searchable. */
class ExamplesExportTest {

    @TempDir
    Path dir;

    static List<Path> examples() throws Exception {
        Path folder = Path.of(System.getProperty("chanvas.examples", "../examples"));
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".chanvas.json")).sorted().toList();
            // The lecture's programs and the classic networks: far more than a handful.
            assertThat(list).hasSizeGreaterThanOrEqualTo(10);
            return list;
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleExportsEverywhereAndReadsWell(Path file) throws Exception {
        Network network = ((LoadResult.Loaded) ChanvasFormat.read(file)).network();
        Highlights highlights = Highlights.fromCycles(Analysis.of(network).cycles());

        DiagramGeometry g = DiagramGeometry.layout(network, Theme.light());
        for (ChannelShape c : g.channels()) {
            for (ProcessBox p : g.processes()) {
                assertThat(c.label().bounds().intersects(p.box())).as("%s: label of %s on %s", file, c.id(), p.id())
                        .isFalse();
            }
        }
        assertThat(g.channels()).hasSize(network.channels().size());
        // In the large-type theme too, no shared node hides under a box, wherever the file put it.
        DiagramGeometry big = DiagramGeometry.layout(network, Theme.dark());
        for (ChannelShape c : big.channels()) {
            if (c.shared()) {
                for (ProcessBox p : big.processes()) {
                    assertThat(p.box().intersects(c.node().bounds())).as("%s: node %s under %s", file, c.id(), p.id())
                            .isFalse();
                }
            }
        }

        for (Exporter e : Exporters.all()) {
            Path out = dir.resolve("example." + e.extension());
            assertThat(e.export(network, highlights, ExportOptions.defaults(), out)).as(file + " → " + e.extension())
                    .isInstanceOf(ExportResult.Written.class);
        }
        // The SVG parses as XML, and says every process's name as the PDF does.
        org.w3c.dom.Document svg = SvgExporterTest.parse(Files.readString(dir.resolve("example.svg")));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        String svgText = svg.getDocumentElement().getTextContent();
        for (Process p : network.processes()) {
            assertThat(svgText).as("%s: SVG text", file).contains(p.displayLabel());
        }
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("example.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            for (Process p : network.processes()) {
                assertThat(text).contains(p.displayLabel());
            }
        }
    }
}
