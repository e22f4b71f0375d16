package org.chanvas.app.export;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.chanvas.app.diagram.DiagramPainter;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.model.Network;

/**
 * One PDF page sized to the diagram, drawn as vectors through pdfbox-graphics2d. The diagram's font is
 * embedded (subset) so labels stay text a reader can search and copy.
 */
public final class PdfExporter implements Exporter {

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public String description() {
        return "PDF document";
    }

    @Override
    public ExportResult export(Network network, Highlights highlights, ExportOptions options, Path target) {
        Optional<ExportResult> off = Drawing.offDrawing(network, target);
        if (off.isPresent()) {
            return off.get();
        }
        Drawing d = Drawing.of(network, highlights, options);
        Frame frame = Frame.of(d.geometry(), options, 1);
        return AtomicOutput.write(target, out -> {
            try (PDDocument doc = new PDDocument(); PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
                for (Path f : FontFiles.find(FontFiles.DEJAVU)) {
                    fonts.registerFont(f.toFile());
                }
                float w = (float) frame.area().w();
                float h = (float) frame.area().h();
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
                g.setFontTextDrawer(fonts);
                try {
                    DiagramPainter painter = new DiagramPainter(options.theme());
                    DiagramPainter.prepare(g);
                    frame.apply(g);
                    if (!options.transparent()) {
                        painter.paintBackground(g, frame.area(), false, 0);
                    }
                    painter.paint(g, d.geometry(), d.highlights());
                } finally {
                    g.dispose();
                }
                PDFormXObject form = g.getXFormObject();
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawForm(form);
                }
                doc.getDocumentInformation().setTitle(network.title().isEmpty() ? "Chanvas diagram" : network.title());
                doc.getDocumentInformation().setCreator("Chanvas");
                doc.save(out);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }
}
