package org.chanvas.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chanvas.app.diagram.Box;
import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.SampleNetworks;
import org.chanvas.app.diagram.Theme;
import org.chanvas.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfExporterTest {

    @TempDir
    Path dir;

    @Test
    void onePageSizedToTheDiagramWithEveryLabelAsText() throws Exception {
        Network ring = SampleNetworks.ring();
        Path out = dir.resolve("ring.pdf");
        ExportResult r = new PdfExporter().export(ring, SampleNetworks.ringHighlights(), ExportOptions.defaults(), out);
        assertThat(r).isInstanceOf(ExportResult.Written.class);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            Box b = DiagramGeometry.layout(ring, Theme.light()).bounds().inflate(ExportOptions.DEFAULT_MARGIN);
            assertThat((double) page.getMediaBox().getWidth()).isCloseTo(b.w(), within(0.01));
            assertThat((double) page.getMediaBox().getHeight()).isCloseTo(b.h(), within(0.01));
            String text = new PDFTextStripper().getText(doc);
            for (var p : ring.processes()) {
                assertThat(text).contains(p.displayLabel());
            }
            for (String label : new String[]{"ab2", "bc [3]", "jobs [4]", "rpc (call)", "ba [12]", "…12", "extra"}) {
                assertThat(text).contains(label);
            }
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Ring of three");
        }
    }
}
