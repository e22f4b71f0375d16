package org.chanvas.app.export;

import java.nio.file.Path;
import java.util.Optional;
import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.model.Channel;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.analysis.NetworkValidator;
import org.chanvas.model.io.Printable;

/**
 * A network laid out for one export, with the highlights the options allow. Exports never show a selection
 * or a run: a file shows the network and its cycles.
 */
record Drawing(DiagramGeometry geometry, Highlights highlights) {

    static Drawing of(Network network, Highlights highlights, ExportOptions options) {
        Highlights h = highlights == null || !options.highlight() ? Highlights.NONE
                : Highlights.cycles(highlights.deadlockProne(), highlights.justified()).withFocus(highlights.focus());
        return new Drawing(DiagramGeometry.layout(visibleLabels(network), options.theme()), h);
    }

    /**
     * The network with control characters in labels written as escapes ({@code \n}, {@code \x07}): a font
     * has no glyph for them (PDFBox logged SEVERE), XML forbids most of them (the SVG was not well-formed),
     * and a picture should show what the label holds.
     */
    static Network visibleLabels(Network network) {
        boolean any = network.processes().stream().anyMatch(p -> p.label() != null && Printable.hasControl(p.label()))
                || network.channels().stream().anyMatch(c -> c.label() != null && Printable.hasControl(c.label()));
        if (!any) {
            return network;
        }
        return network.withProcesses(network.processes().stream()
                        .map(p -> p.label() == null ? p : p.withLabel(Printable.escape(p.label()))).toList())
                .withChannels(network.channels().stream()
                        .map(c -> c.label() == null ? c : c.withLabel(Printable.escape(c.label()))).toList());
    }

    /**
     * Why the network cannot be drawn, when a process or channel node lies off the drawing: layout and
     * painting at 1e308 never finish. The loader and the validator refuse such files; this protects
     * callers that hand a network in directly.
     */
    static Optional<ExportResult> offDrawing(Network network, Path target) {
        for (Process p : network.processes()) {
            if (off(p.x()) || off(p.y())) {
                return Optional.of(refused(target, "process " + p.id(), p.x(), p.y()));
            }
        }
        for (Channel c : network.channels()) {
            if ((c.x() != null && off(c.x())) || (c.y() != null && off(c.y()))) {
                return Optional.of(refused(target, "the node of channel " + c.id(), c.x(), c.y()));
            }
        }
        return Optional.empty();
    }

    private static boolean off(double v) {
        return !(Math.abs(v) <= NetworkValidator.MAX_COORDINATE);
    }

    private static ExportResult refused(Path target, String what, Double x, Double y) {
        return new ExportResult.Failed(target, "cannot draw " + target + ": " + what + " is at (" + x + ", " + y
                + "), off the drawing; a coordinate is at most ±" + (long) NetworkValidator.MAX_COORDINATE);
    }
}
