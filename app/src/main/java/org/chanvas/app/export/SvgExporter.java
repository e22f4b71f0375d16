package org.chanvas.app.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.chanvas.app.diagram.DiagramPainter;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.model.Network;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * SVG through JFreeSVG: true vectors, text as {@code <text>} (searchable, selectable), no bitmaps, and every
 * channel's route a {@code <path id="route-ID">} inside a {@code <g class="channel">}.
 */
public final class SvgExporter implements Exporter {

    @Override
    public String extension() {
        return "svg";
    }

    @Override
    public String description() {
        return "SVG vector image";
    }

    @Override
    public ExportResult export(Network network, Highlights highlights, ExportOptions options, Path target) {
        Optional<ExportResult> off = Drawing.offDrawing(network, target);
        if (off.isPresent()) {
            return off.get();
        }
        String svg = render(network, highlights, options);
        return AtomicOutput.write(target, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SVG document as text. */
    public String render(Network network, Highlights highlights, ExportOptions options) {
        Drawing d = Drawing.of(network, highlights, options);
        Frame frame = Frame.of(d.geometry(), options, 1);
        SVGGraphics2D g = new SVGGraphics2D(frame.area().w(), frame.area().h());
        // Two decimals are a hundredth of a pixel: invisible, and the file stays small.
        g.setGeomDoubleConverter(SvgExporter::twoDecimals);
        g.setTransformDoubleConverter(SvgExporter::twoDecimals);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        // Viewers without DejaVu fall back to a sans-serif of similar width. No quotes: JFreeSVG puts this
        // inside a single-quoted attribute, and unquoted multi-word family names are valid CSS.
        g.setFontFunction(family -> family.replaceAll("[^A-Za-z0-9 -]", "") + ", Bitstream Vera Sans, Verdana, sans-serif");
        DiagramPainter painter = new DiagramPainter(options.theme(), new SvgTags());
        DiagramPainter.prepare(g);
        frame.apply(g);
        if (!options.transparent()) {
            painter.paintBackground(g, frame.area(), false, 0);
        }
        painter.paint(g, d.geometry(), d.highlights());
        g.dispose();
        return g.getSVGDocument();
    }

    static String twoDecimals(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        BigDecimal b = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return b.signum() == 0 ? "0" : b.toPlainString();
    }
}
