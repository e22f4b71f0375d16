package org.chanvas.app.export;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.chanvas.app.chart.ChartLayout;
import org.chanvas.app.chart.ChartPainter;
import org.chanvas.app.diagram.Box;
import org.chanvas.app.diagram.DiagramPainter;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Writes a message sequence chart ({@link ChartLayout}) to SVG, PNG or PDF with the same backends, fonts,
 * margins and atomic writing as the diagram's exporters, painted by the one {@link ChartPainter} the editor's
 * panel uses. In SVG each lifeline is a {@code <g class="lifeline">} and each message a {@code <g class="message">}
 * (SPEC §4).
 */
public final class ChartExporter {

    /** The file endings a chart can be written to. */
    public static final List<String> EXTENSIONS = List.of("svg", "png", "pdf");

    private ChartExporter() {
    }

    /** Whether {@code target}'s ending names a format a chart can be written in. */
    public static boolean supports(Path target) {
        return Exporters.extensionOf(target).map(EXTENSIONS::contains).orElse(false);
    }

    /** Writes the chart to {@code target}, in the format its ending names. */
    public static ExportResult export(ChartLayout chart, ExportOptions options, Path target) {
        String ext = Exporters.extensionOf(target).orElse("").toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "svg" -> {
                String svg = svg(chart, options);
                yield AtomicOutput.write(target, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
            }
            case "png" -> png(chart, options, target);
            case "pdf" -> pdf(chart, options, target);
            default -> new ExportResult.Failed(target, "cannot write a chart to " + target
                    + ": the name must end in .svg, .png or .pdf");
        };
    }

    private static Frame frame(ChartLayout chart, ExportOptions options, double scale) {
        return new Frame(chart.bounds().inflate(options.margin()), scale);
    }

    /** The chart as an SVG document. */
    public static String svg(ChartLayout chart, ExportOptions options) {
        Frame frame = frame(chart, options, 1);
        SVGGraphics2D g = new SVGGraphics2D(frame.area().w(), frame.area().h());
        g.setGeomDoubleConverter(SvgExporter::twoDecimals);
        g.setTransformDoubleConverter(SvgExporter::twoDecimals);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        g.setFontFunction(family -> family.replaceAll("[^A-Za-z0-9 -]", "") + ", Bitstream Vera Sans, Verdana, sans-serif");
        paint(g, chart, options, frame, new SvgTags());
        g.dispose();
        return g.getSVGDocument();
    }

    /** The chart as an image at the options' scale. */
    public static BufferedImage image(ChartLayout chart, ExportOptions options) {
        Frame frame = frame(chart, options, options.scale());
        BufferedImage image = new BufferedImage(frame.pixelWidth(), frame.pixelHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            paint(g, chart, options, frame, org.chanvas.app.diagram.ElementTags.NONE);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void paint(Graphics2D g, ChartLayout chart, ExportOptions options, Frame frame,
                              org.chanvas.app.diagram.ElementTags tags) {
        ChartPainter painter = new ChartPainter(options.theme(), tags);
        DiagramPainter.prepare(g);
        frame.apply(g);
        if (!options.transparent()) {
            painter.paintBackground(g, frame.area());
        }
        // A file shows the whole run: no message is "the current one".
        painter.paint(g, chart, -1);
    }

    private static ExportResult png(ChartLayout chart, ExportOptions options, Path target) {
        Frame frame = frame(chart, options, options.scale());
        long pixels = (long) frame.pixelWidth() * frame.pixelHeight();
        if (pixels > PngExporter.MAX_PIXELS) {
            return new ExportResult.Failed(target, "cannot write " + target + ": the image would be "
                    + frame.pixelWidth() + "×" + frame.pixelHeight() + " pixels; use a smaller scale or SVG/PDF");
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image(chart, options), "png", png)) {
                return new ExportResult.Failed(target, "cannot write " + target + ": this Java has no PNG writer");
            }
        } catch (IOException e) {
            return new ExportResult.Failed(target, "cannot write " + target + ": " + AtomicOutput.reason(e));
        }
        return AtomicOutput.write(target, png::writeTo);
    }

    private static ExportResult pdf(ChartLayout chart, ExportOptions options, Path target) {
        Frame frame = frame(chart, options, 1);
        Box area = frame.area();
        // A PDF page is at most 200 inches a side (14,400 points); a longer chart is scaled down to fit.
        double fit = Math.min(1, 14_400 / Math.max(area.w(), area.h()));
        return AtomicOutput.write(target, out -> {
            try (PDDocument doc = new PDDocument(); PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
                for (Path f : FontFiles.find(FontFiles.DEJAVU)) {
                    fonts.registerFont(f.toFile());
                }
                float w = (float) (area.w() * fit);
                float h = (float) (area.h() * fit);
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
                g.setFontTextDrawer(fonts);
                try {
                    g.scale(fit, fit);
                    paint(g, chart, options, frame, org.chanvas.app.diagram.ElementTags.NONE);
                } finally {
                    g.dispose();
                }
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawForm(g.getXFormObject());
                }
                doc.getDocumentInformation().setTitle("Message sequence chart");
                doc.getDocumentInformation().setCreator("Chanvas");
                doc.save(out);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }
}
