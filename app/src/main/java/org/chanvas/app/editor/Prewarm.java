package org.chanvas.app.editor;

import java.util.List;
import java.util.Map;

import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.Theme;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.io.ChanvasFormat;

/**
 * Loads and warms what the first frame needs (java.awt fonts for the diagram, the parser, the analysis, the
 * JSON codec) on a background thread while JavaFX starts its toolkit, so the two costs overlap instead of
 * adding up. It touches no JavaFX and no shared state: everything it builds is thrown away.
 */
public final class Prewarm {

    private Prewarm() {
    }

    /** Starts warming in a daemon thread and returns at once. */
    public static void start() {
        Thread.ofPlatform().daemon().name("chanvas-prewarm").start(Prewarm::warm);
    }

    private static void warm() {
        try {
            Network n = new Network("", "", List.of(ProcessTemplate.all().getFirst().newProcess("a", 0, 0),
                    ProcessTemplate.all().get(1).newProcess("b", 200, 0)),
                    List.of(new Channel("q", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("a", "out")),
                            List.of(new Endpoint("b", "in")))), List.of(), Map.of());
            DiagramGeometry.layout(n, Theme.light());
            new LiveAnalysis().analyse(n);
            ChanvasFormat.read(ChanvasFormat.write(n), "warm-up");
        } catch (RuntimeException | Error e) {
            // Warming is an optimisation only: whatever failed here is met again, and reported, when used.
        }
    }
}
