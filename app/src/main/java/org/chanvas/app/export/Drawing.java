package org.chanvas.app.export;

import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.model.Network;

/**
 * A network laid out for one export, with the highlights the options allow. Exports never show a selection
 * or a run: a file shows the network and its cycles.
 */
record Drawing(DiagramGeometry geometry, Highlights highlights) {

    static Drawing of(Network network, Highlights highlights, ExportOptions options) {
        Highlights h = highlights == null || !options.highlight() ? Highlights.NONE
                : Highlights.cycles(highlights.deadlockProne(), highlights.justified()).withFocus(highlights.focus());
        return new Drawing(DiagramGeometry.layout(network, options.theme()), h);
    }
}
