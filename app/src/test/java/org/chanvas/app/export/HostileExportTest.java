package org.chanvas.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.chanvas.app.diagram.SampleNetworks;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.dot.DOTImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Exports of hostile networks and to hostile paths (issue 9 item 4, issue 14 item 3). */
class HostileExportTest {

    @TempDir
    Path dir;

    private static Network labelled(String label) {
        Network n = SampleNetworks.producerConsumer();
        return n.mapProcess("producer", p -> p.withLabel(label))
                .mapChannel("q", c -> c.withLabel(label + " (q)"));
    }

    static Stream<Integer> controlCharacters() {
        return Stream.concat(Stream.iterate(0, c -> c < 0x20, c -> c + 1), Stream.of(0x7f));
    }

    @ParameterizedTest(name = "U+{0}")
    @MethodSource("controlCharacters")
    void anSvgWithAControlCharacterInALabelIsWellFormedXml(int cp) throws Exception {
        String label = "a" + (char) cp + "b";
        Path out = dir.resolve("ctl.svg");
        assertThat(new SvgExporter().export(labelled(label), null, ExportOptions.defaults(), out))
                .isInstanceOf(ExportResult.Written.class);
        byte[] svg = Files.readAllBytes(out);
        // The JDK's own parser: it rejects any character XML 1.0 forbids.
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = xml.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getTextContent()).contains("a\\").doesNotContain(label);
    }

    @Test
    void aPdfOfLabelsWithLineBreaksAndTabsLogsNothing() {
        List<LogRecord> records = new ArrayList<>();
        Handler catcher = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    records.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(catcher);
        try {
            ExportResult r = new PdfExporter().export(labelled("two\nlines\tand a tab\u0007"), null,
                    ExportOptions.defaults(), dir.resolve("nl.pdf"));
            assertThat(r).isInstanceOf(ExportResult.Written.class);
        } finally {
            root.removeHandler(catcher);
        }
        assertThat(records).extracting(LogRecord::getMessage).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"say \"hi\"", "<b>&amp;</b>", "back\\slash", "ends in a backslash\\", "two\nlines",
        "\\\"", "tab\there", "bell\u0007", "\\\\n is not a line break"})
    void dotLabelsParseBackThroughJGraphT(String label) throws Exception {
        Path out = dir.resolve("l.dot");
        Network n = labelled(label).withTitle(label, "");
        assertThat(new DotExporter().export(n, null, ExportOptions.defaults(), out))
                .isInstanceOf(ExportResult.Written.class);
        Map<String, Map<String, String>> attrs = new HashMap<>();
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) ->
                attrs.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a.getValue()));
        importer.importGraph(new DirectedPseudograph<>(DefaultEdge.class), new StringReader(Files.readString(out)));
        // JGraphT's importer gives the HTML-like label's text with its entities undone; Graphviz reads <BR/>
        // as a line break.
        assertThat(attrs.get("producer").get("label").replace("<BR/>", "\n"))
                .isEqualTo(label.replace("\t", "\\t").replace("\u0007", "\\x07"));
    }

    @Test
    void exportingThroughALinkWritesItsTargetAndKeepsTheLinkAndTheRights() throws Exception {
        Path target = Files.writeString(dir.resolve("target.svg"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("link.svg"), target.getFileName());
        assertThat(new SvgExporter().export(SampleNetworks.ring(), null, ExportOptions.defaults(), link))
                .isInstanceOf(ExportResult.Written.class);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).contains("<svg");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("target.svg", "link.svg");
        }
    }

    @Test
    void aLinkToDevFullFailsWithTheSystemsReasonAndStaysALink() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full));
        Path link = Files.createSymbolicLink(dir.resolve("full.png"), full);
        ExportResult r = new PngExporter().export(SampleNetworks.ring(), null, ExportOptions.defaults(), link);
        assertThat(r).isInstanceOf(ExportResult.Failed.class);
        assertThat(((ExportResult.Failed) r).reason()).isEqualTo("cannot write " + link + ": No space left on device");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAttributes(full, "unix:mode", LinkOption.NOFOLLOW_LINKS).get("mode"))
                .isNotNull();
        assertThat(Files.isRegularFile(full)).isFalse();
    }

    @Test
    void aLinkToNothingIsRefusedInWords() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("dangling.svg"), dir.resolve("missing/x.svg"));
        ExportResult r = new SvgExporter().export(SampleNetworks.ring(), null, ExportOptions.defaults(), link);
        assertThat(((ExportResult.Failed) r).reason()).isEqualTo("cannot write " + link
                + ": it is a symbolic link to " + dir.resolve("missing/x.svg") + ", which does not exist");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e308, -1e308, 1.2345678901234568e29, Double.NaN})
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyExporterRefusesAProcessOffTheDrawing(double x) {
        Network far = SampleNetworks.producerConsumer().mapProcess("producer", p -> p.withPosition(x, 160));
        for (Exporter e : Exporters.all()) {
            Path out = dir.resolve("far." + e.extension());
            ExportResult r = e.export(far, null, ExportOptions.defaults(), out);
            assertThat(r).as(e.extension()).isInstanceOf(ExportResult.Failed.class);
            assertThat(((ExportResult.Failed) r).reason()).as(e.extension())
                    .isEqualTo("cannot draw " + out + ": process producer is at (" + x + ", 160.0), off the drawing;"
                            + " a coordinate is at most ±1000000");
            assertThat(Files.exists(out)).isFalse();
        }
    }

    @Test
    void theEdgeOfTheDrawingStillExports() {
        Network edge = SampleNetworks.producerConsumer().mapProcess("producer", p -> p.withPosition(-1_000_000, 160));
        Process moved = edge.process("producer").orElseThrow();
        assertThat(moved.x()).isEqualTo(-1_000_000);
        assertThat(new SvgExporter().export(edge, null, ExportOptions.defaults(), dir.resolve("edge.svg")))
                .isInstanceOf(ExportResult.Written.class);
    }
}
