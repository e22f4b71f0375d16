package org.chanvas.app.diagram;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.chanvas.model.Network;

/**
 * Everything needed to draw a network, computed once and painted by every backend (screen, PNG, SVG, PDF)
 * so a file matches the screen. Highlights and run overlays do not change the geometry: the editor relays
 * out only when the network changes.
 *
 * @param bounds the box holding everything drawn, without margin
 */
public record DiagramGeometry(List<ProcessBox> processes, List<ChannelShape> channels, Box bounds) {

    /** How close (in diagram units) a pointer must come to a channel's line to hit it. */
    public static final double HIT_TOLERANCE = 6;

    public DiagramGeometry {
        processes = List.copyOf(processes);
        channels = List.copyOf(channels);
    }

    /** Lays out a network with the fonts and sizes of a theme. */
    public static DiagramGeometry layout(Network network, Theme theme) {
        return new DiagramLayout(theme, theme.measure()).layout(network);
    }

    /** Lays out a network with a given text measure (tests use a fixed one). */
    public static DiagramGeometry layout(Network network, Theme theme, TextMeasure measure) {
        return new DiagramLayout(theme, measure).layout(network);
    }

    public Optional<ProcessBox> process(String id) {
        return processes.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<ChannelShape> channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The topmost process whose box holds the point (later processes are painted on top). */
    public Optional<ProcessBox> processAt(Pt p) {
        for (ProcessBox b : processes.reversed()) {
            if (b.box().contains(p)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The port stub under the point, if any; tabs are small, so they get a few units of slack. */
    public Optional<PortStub> portAt(Pt p) {
        for (ProcessBox b : processes.reversed()) {
            for (PortStub s : b.ports()) {
                if (s.hit(p, 3)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** The shared-channel node under the point, if any. */
    public Optional<SharedNode> sharedNodeAt(Pt p) {
        return channels.stream().map(ChannelShape::node)
                .filter(n -> n != null && n.hit(p, 2)).findFirst();
    }

    /** The channel whose line, node or label is nearest the point within {@link #HIT_TOLERANCE}. */
    public Optional<ChannelShape> channelAt(Pt p) {
        return channelAt(p, HIT_TOLERANCE);
    }

    /** The channel whose line, node or label is nearest the point within {@code tolerance}. */
    public Optional<ChannelShape> channelAt(Pt p, double tolerance) {
        return channels.stream()
                .filter(c -> c.label().bounds().contains(p) || c.distanceTo(p) <= tolerance)
                .min(Comparator.comparingDouble(c -> c.label().bounds().contains(p) ? 0 : c.distanceTo(p)));
    }

    /** Where a message in flight is drawn: {@code t} ∈ [0, 1] of the way from writer to reader. */
    public Optional<Pt> tokenPosition(String channelId, String writer, String reader, double t) {
        return channel(channelId).flatMap(c -> c.pointBetween(writer, reader, t));
    }
}
