package org.chanvas.app.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.chanvas.app.diagram.DiagramPainter;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.model.Network;

/** PNG through a BufferedImage, cropped to the diagram plus margin, at scale 1, 2 or 4. */
public final class PngExporter implements Exporter {

    /** Above this many pixels the image would not fit in memory comfortably; say so instead of crashing. */
    static final long MAX_PIXELS = 120_000_000L;

    @Override
    public String extension() {
        return "png";
    }

    @Override
    public String description() {
        return "PNG image";
    }

    @Override
    public ExportResult export(Network network, Highlights highlights, ExportOptions options, Path target) {
        Optional<ExportResult> off = Drawing.offDrawing(network, target);
        if (off.isPresent()) {
            return off.get();
        }
        Drawing d = Drawing.of(network, highlights, options);
        Frame frame = Frame.of(d.geometry(), options, options.scale());
        long pixels = (long) frame.pixelWidth() * frame.pixelHeight();
        if (pixels > MAX_PIXELS) {
            return new ExportResult.Failed(target, "cannot write " + target + ": the image would be "
                    + frame.pixelWidth() + "×" + frame.pixelHeight() + " pixels; use a smaller scale or SVG/PDF");
        }
        BufferedImage image = render(d, frame, options);
        // Encoded in memory first: ImageIO's writer, when the file fails under it (a full disk), ends in a
        // NullPointerException trace of its own; the file then gets finished bytes or nothing.
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                return new ExportResult.Failed(target, "cannot write " + target + ": this Java has no PNG writer");
            }
        } catch (IOException e) {
            return new ExportResult.Failed(target, "cannot write " + target + ": " + AtomicOutput.reason(e));
        }
        return AtomicOutput.write(target, png::writeTo);
    }

    /** The image a PNG export would hold, for callers that want pixels rather than a file. */
    public BufferedImage render(Network network, Highlights highlights, ExportOptions options) {
        Drawing d = Drawing.of(network, highlights, options);
        return render(d, Frame.of(d.geometry(), options, options.scale()), options);
    }

    private static BufferedImage render(Drawing d, Frame frame, ExportOptions options) {
        BufferedImage image = new BufferedImage(frame.pixelWidth(), frame.pixelHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
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
        return image;
    }
}
