package org.chanvas.app.diagram;

import java.awt.geom.Path2D;
import java.util.List;
import java.util.Optional;
import org.chanvas.model.ChannelKind;

/**
 * A channel as drawn: one segment writer → reader, or, for a shared channel, one segment from each writer
 * into its node and one from the node out to each reader; its label and its kind's marks.
 *
 * @param node  the shared channel's node, or {@code null} for a channel drawn as a single arrow
 * @param label the channel's name and kind, placed clear of every box
 */
public record ChannelShape(String id, ChannelKind kind, int capacity, List<Segment> segments, SharedNode node,
                           TextBox label, List<KindMark> marks) {

    public ChannelShape {
        segments = List.copyOf(segments);
        marks = List.copyOf(marks);
    }

    public boolean shared() {
        return node != null;
    }

    public Optional<SharedNode> sharedNode() {
        return Optional.ofNullable(node);
    }

    /** All shafts as one path, so a vector file holds exactly one path element per channel. */
    public Path2D route() {
        Path2D.Double p = new Path2D.Double();
        for (Segment s : segments) {
            p.append(s.shaft(), false);
        }
        return p;
    }

    /** Shortest distance from a point to any of this channel's strokes or its node. */
    public double distanceTo(Pt p) {
        double best = Double.MAX_VALUE;
        for (Segment s : segments) {
            best = Math.min(best, s.distanceTo(p));
        }
        if (node != null) {
            best = Math.min(best, Math.max(0, node.centre().distance(p) - node.radius()));
        }
        return best;
    }

    /**
     * Where a message from {@code writer} to {@code reader} (process ids) is, a fraction {@code t} of the way:
     * along the single arrow, or in through the node (first half) and out to the reader (second half).
     */
    public Optional<Pt> pointBetween(String writer, String reader, double t) {
        if (node == null) {
            return segments.stream()
                    .filter(s -> s.writer().process().equals(writer) && s.reader().process().equals(reader))
                    .findFirst().map(s -> s.pointAt(t));
        }
        Optional<Segment> in = segments.stream()
                .filter(s -> s.writer() != null && s.writer().process().equals(writer)).findFirst();
        Optional<Segment> out = segments.stream()
                .filter(s -> s.reader() != null && s.reader().process().equals(reader)).findFirst();
        if (in.isEmpty() || out.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(t < 0.5 ? in.get().pointAt(t * 2) : out.get().pointAt(t * 2 - 1));
    }

    /** The segments a message from {@code writer} to {@code reader} travels (one, or two through a node). */
    public List<Segment> segmentsBetween(String writer, String reader) {
        return segments.stream()
                .filter(s -> (s.writer() == null || s.writer().process().equals(writer))
                        && (s.reader() == null || s.reader().process().equals(reader)))
                .toList();
    }

    public Box bounds() {
        Box b = label.bounds();
        for (Segment s : segments) {
            b = b.union(s.bounds());
        }
        for (KindMark m : marks) {
            b = b.union(m.bounds());
        }
        return node == null ? b : b.union(node.bounds());
    }
}
