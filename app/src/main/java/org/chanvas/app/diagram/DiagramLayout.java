package org.chanvas.app.diagram;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.PortDirection;

/**
 * Turns a network into a {@link DiagramGeometry}: sizes boxes to their text, puts port stubs on the sides
 * facing their peers, routes every channel between stubs (curving parallel ones apart, looping self-loops
 * over their box), adds kind marks and places labels where they cover no box.
 *
 * <p>Ends naming a process the network does not have are left out of the drawing rather than failing:
 * validation reports them, and the editor must still draw a half-made network.
 */
final class DiagramLayout {

    private static final double MIN_W = 110;
    private static final double MIN_H = 54;
    private static final double PAD_X = 18;
    private static final double PAD_Y = 12;
    private static final double TAB_ALONG = 12;
    private static final double TAB_DEPTH = 6;
    private static final double PARALLEL_GAP = 30;
    private static final double NODE_RADIUS = 11;
    private static final int MAX_SLOTS = 8;
    /** Shared nodes closer than this to a node steer where its marks and label go. */
    private static final double NODE_NEIGHBOURHOOD = 160;
    /** How close two placed nodes may come. */
    private static final double NODE_SPACING = 4 * NODE_RADIUS + 8;

    private final Theme theme;
    private final TextMeasure m;
    private final double headLength;
    private final double headHalf;

    DiagramLayout(Theme theme, TextMeasure measure) {
        this.theme = theme;
        this.m = measure;
        this.headLength = 9 + 2.2 * theme.lineWidth();
        this.headHalf = headLength * 0.42;
    }

    /** How a port is used: its direction, the points it talks to, and whether it is on a self-loop. */
    private static final class PortUse {
        final Endpoint endpoint;
        final PortDirection direction;
        final List<Pt> peers = new ArrayList<>();
        /** The process each peer point belongs to, or {@code null} for a shared channel's node. */
        final List<String> peerIds = new ArrayList<>();
        double selfLoopKey = Double.NaN;

        PortUse(Endpoint endpoint, PortDirection direction) {
            this.endpoint = endpoint;
            this.direction = direction;
        }
    }

    DiagramGeometry layout(Network network) {
        Map<String, Process> procs = new LinkedHashMap<>();
        for (Process p : network.processes()) {
            procs.putIfAbsent(p.id(), p);
        }
        List<Channel> drawn = network.channels().stream()
                .map(c -> c.withEnds(c.writers().stream().filter(e -> procs.containsKey(e.process())).toList(),
                        c.readers().stream().filter(e -> procs.containsKey(e.process())).toList()))
                .filter(c -> !c.writers().isEmpty() && !c.readers().isEmpty())
                .toList();

        Map<String, Pt> nodeCentres = new HashMap<>();
        NodeSpots spots = new NodeSpots(procs.values());
        for (Channel c : drawn) {
            if (c.isShared()) {
                Pt at = c.x() != null && c.y() != null ? new Pt(c.x(), c.y()) : placeNode(c, procs, spots);
                nodeCentres.put(c.id(), at);
                spots.taken(at);
            }
        }

        Map<Endpoint, PortUse> uses = portUses(drawn, procs, nodeCentres);
        // Twice: sides chosen from nominal sizes give the boxes their sizes; with those sizes, sides are
        // chosen again by the real gaps between boxes, so stubs never face a neighbour they overlap.
        Map<String, List<PortUse>> portsByProcess = portsByProcess(uses);
        Map<String, Box> nominal = new HashMap<>();
        for (Process p : procs.values()) {
            nominal.put(p.id(), processBox(p, portsOf(portsByProcess, p), null).box());
        }
        SizedBoxes sized = new SizedBoxes(nominal);
        Map<String, ProcessBox> boxes = new LinkedHashMap<>();
        for (Process p : procs.values()) {
            boxes.put(p.id(), processBox(p, portsOf(portsByProcess, p), sized));
        }

        List<ProcessBox> boxList = List.copyOf(boxes.values());
        // A node the file put on a box (placed for other box sizes, or for a larger type) would vanish under
        // it: draw it just clear of the box instead. The file keeps its position.
        if (!nodeCentres.isEmpty()) {
            List<Box> keepOut = boxList.stream().map(b -> b.outline().inflate(NODE_RADIUS + 8)).toList();
            SpatialGrid keepOutGrid = new SpatialGrid(128);
            for (int i = 0; i < keepOut.size(); i++) {
                keepOutGrid.add(i, keepOut.get(i));
            }
            for (Map.Entry<String, Pt> e : nodeCentres.entrySet()) {
                e.setValue(pushedOutOfBoxes(e.getValue(), keepOut, keepOutGrid));
            }
        }
        // Nodes near each other, found through a grid: each node's label and marks keep clear of them.
        List<Map.Entry<String, Pt>> nodeList = List.copyOf(nodeCentres.entrySet());
        SpatialGrid nodeGrid = new SpatialGrid(NODE_NEIGHBOURHOOD);
        for (int i = 0; i < nodeList.size(); i++) {
            nodeGrid.add(i, Box.around(nodeList.get(i).getValue()));
        }

        List<RoutedChannel> routed = new ArrayList<>();
        Map<String, Integer> pairIndex = new HashMap<>();
        Map<String, Integer> pairCount = new HashMap<>();
        Map<String, Integer> loopCount = new HashMap<>();
        for (Channel c : drawn) {
            if (!c.isShared() && !selfLoop(c)) {
                pairCount.merge(pairKey(c), 1, Integer::sum);
            }
        }
        for (Channel c : drawn) {
            if (c.isShared()) {
                Pt at = nodeCentres.get(c.id());
                List<Pt> neighbours = new ArrayList<>();
                for (int k : nodeGrid.near(Box.centred(at, 2 * NODE_NEIGHBOURHOOD, 2 * NODE_NEIGHBOURHOOD))) {
                    Map.Entry<String, Pt> e = nodeList.get(k);
                    if (!e.getKey().equals(c.id()) && e.getValue().distance(at) < NODE_NEIGHBOURHOOD) {
                        neighbours.add(e.getValue());
                    }
                }
                routed.add(routeShared(c, boxes, at, neighbours));
            } else if (selfLoop(c)) {
                int k = loopCount.merge(c.writers().getFirst().process(), 1, Integer::sum) - 1;
                routed.add(routeSelfLoop(c, boxes, k));
            } else {
                String key = pairKey(c);
                int i = pairIndex.merge(key, 1, Integer::sum) - 1;
                double bend = (i - (pairCount.get(key) - 1) / 2.0) * PARALLEL_GAP;
                routed.add(routeDirect(c, boxes, bend));
            }
        }

        List<Box> obstacles = new ArrayList<>();
        for (ProcessBox b : boxList) {
            obstacles.add(b.outline().inflate(3));
        }
        List<Box> markBoxes = new ArrayList<>();
        for (RoutedChannel r : routed) {
            r.marks.forEach(k -> markBoxes.add(k.bounds().inflate(2)));
            if (r.node != null) {
                markBoxes.add(r.node.bounds().inflate(2));
            }
        }
        List<Segment> allSegments = routed.stream().flatMap(r -> r.segments.stream()).toList();
        LabelPlacer placer = new LabelPlacer(obstacles, markBoxes, allSegments);
        List<ChannelShape> shapes = new ArrayList<>();
        for (RoutedChannel r : routed) {
            shapes.add(new ChannelShape(r.channel.id(), r.channel.kind(), r.channel.capacity(), r.segments, r.node,
                    placer.place(channelText(r.channel), r), r.marks));
        }

        Box bounds = null;
        for (ProcessBox b : boxList) {
            bounds = bounds == null ? b.outline() : bounds.union(b.outline());
            bounds = bounds.union(b.title().bounds());
        }
        for (ChannelShape s : shapes) {
            bounds = bounds == null ? s.bounds() : bounds.union(s.bounds());
        }
        return new DiagramGeometry(boxList, shapes, bounds == null ? new Box(0, 0, 0, 0) : bounds);
    }

    // ---- ports and boxes -------------------------------------------------------------------------------

    private Map<Endpoint, PortUse> portUses(List<Channel> drawn, Map<String, Process> procs, Map<String, Pt> nodes) {
        Map<Endpoint, PortUse> uses = new LinkedHashMap<>();
        Map<String, Integer> loops = new HashMap<>();
        for (Channel c : drawn) {
            if (!c.isShared() && selfLoop(c)) {
                Endpoint w = c.writers().getFirst();
                Endpoint r = c.readers().getFirst();
                int k = loops.merge(w.process(), 1, Integer::sum);
                // Nested loops: the first loop's ports sit innermost, so later (taller) loops enclose it.
                use(uses, w, PortDirection.OUTBOUND).selfLoopKey = 1000 + k;
                use(uses, r, PortDirection.INBOUND).selfLoopKey = -1000 - k;
                continue;
            }
            for (Endpoint w : c.writers()) {
                PortUse u = use(uses, w, PortDirection.OUTBOUND);
                if (c.isShared()) {
                    u.peers.add(nodes.get(c.id()));
                    u.peerIds.add(null);
                } else {
                    c.readers().forEach(r -> {
                        u.peers.add(centre(procs.get(r.process())));
                        u.peerIds.add(r.process());
                    });
                }
            }
            for (Endpoint r : c.readers()) {
                PortUse u = use(uses, r, PortDirection.INBOUND);
                if (c.isShared()) {
                    u.peers.add(nodes.get(c.id()));
                    u.peerIds.add(null);
                } else {
                    c.writers().forEach(w -> {
                        u.peers.add(centre(procs.get(w.process())));
                        u.peerIds.add(w.process());
                    });
                }
            }
        }
        return uses;
    }

    /** Each process's port uses, in the order they were met: one pass instead of a filter per process. */
    private static Map<String, List<PortUse>> portsByProcess(Map<Endpoint, PortUse> uses) {
        Map<String, List<PortUse>> by = new HashMap<>();
        for (PortUse u : uses.values()) {
            by.computeIfAbsent(u.endpoint.process(), k -> new ArrayList<>()).add(u);
        }
        return by;
    }

    private static List<PortUse> portsOf(Map<String, List<PortUse>> byProcess, Process p) {
        return byProcess.getOrDefault(p.id(), List.of());
    }

    /**
     * Boxes sized with nominal sides, by process id, with a grid over them so a curve's path is checked
     * against the boxes near it rather than every box in the network.
     */
    private static final class SizedBoxes {
        private final Map<String, Box> byId;
        private final List<String> ids = new ArrayList<>();
        private final List<Box> list = new ArrayList<>();
        private final SpatialGrid grid = new SpatialGrid(128);

        SizedBoxes(Map<String, Box> byId) {
            this.byId = byId;
            for (Map.Entry<String, Box> e : byId.entrySet()) {
                grid.add(list.size(), e.getValue());
                ids.add(e.getKey());
                list.add(e.getValue());
            }
        }

        Box get(String id) {
            return byId.get(id);
        }
    }

    /**
     * The side of a box that faces its peers. With sizes known, the axis with the wider gap between the
     * boxes wins (so boxes side by side connect sideways even when one is a little higher); before that,
     * the direction alone, weighed by the box's shape.
     */
    private static Side sideFacing(PortUse u, Pt c, Box own, SizedBoxes sized, double nominalHalfW) {
        Pt avg = average(u.peers, c);
        Pt d = avg.minus(c);
        if (sized == null || own == null) {
            return Side.facing(d, nominalHalfW, MIN_H / 2);
        }
        double peerHalfW = 0;
        double peerHalfH = 0;
        for (String id : u.peerIds) {
            Box b = id == null ? null : sized.get(id);
            peerHalfW += b == null ? NODE_RADIUS : b.w() / 2;
            peerHalfH += b == null ? NODE_RADIUS : b.h() / 2;
        }
        int n = Math.max(1, u.peerIds.size());
        double gapX = Math.abs(d.x()) - own.w() / 2 - peerHalfW / n;
        double gapY = Math.abs(d.y()) - own.h() / 2 - peerHalfH / n;
        Side sideways = d.x() >= 0 ? Side.RIGHT : Side.LEFT;
        Side upDown = d.y() >= 0 ? Side.BOTTOM : Side.TOP;
        Side first = gapX >= gapY ? sideways : upDown;
        Side second = first == sideways ? upDown : sideways;
        // The other axis only when the first would run the arrow's start through a third box.
        return boxesInTheWay(first, own, avg, u, sized) > boxesInTheWay(second, own, avg, u, sized) ? second : first;
    }

    /** How many boxes other than the ends' a curve leaving {@code side} towards {@code peer} would cross. */
    private static int boxesInTheWay(Side side, Box own, Pt peer, PortUse u, SizedBoxes sized) {
        Pt c = own.centre();
        Pt out = side.outward();
        Pt start = c.plus(new Pt(out.x() * own.w() / 2, out.y() * own.h() / 2));
        Pt bend = start.plus(out.times(clamp(start.distance(peer) * 0.4, 20, 120)));
        int hits = 0;
        for (int i : sized.grid.alongLines(start, bend, peer)) {
            String id = sized.ids.get(i);
            if (id.equals(u.endpoint.process()) || u.peerIds.contains(id)) {
                continue;
            }
            Box b = sized.list.get(i);
            if (b.crossedBy(start, bend) || b.crossedBy(bend, peer)) {
                hits++;
            }
        }
        return hits;
    }

    private static PortUse use(Map<Endpoint, PortUse> uses, Endpoint e, PortDirection d) {
        return uses.computeIfAbsent(e, k -> new PortUse(k, d));
    }

    private ProcessBox processBox(Process p, List<PortUse> ports, SizedBoxes sized) {
        Pt c = centre(p);
        String label = p.displayLabel();
        double titleW = m.width(label, FontRole.PROCESS);
        double titleH = m.height(FontRole.PROCESS);
        double portH = m.height(FontRole.PORT);

        Map<Side, List<PortUse>> bySide = new LinkedHashMap<>();
        for (Side s : Side.values()) {
            bySide.put(s, new ArrayList<>());
        }
        double nominalHalfW = Math.max(MIN_W, titleW + 2 * PAD_X) / 2;
        for (PortUse u : ports) {
            Side side;
            if (!Double.isNaN(u.selfLoopKey)) {
                side = Side.TOP;
            } else {
                side = sideFacing(u, c, sized == null ? null : sized.get(p.id()), sized, nominalHalfW);
            }
            bySide.get(side).add(u);
        }
        for (Map.Entry<Side, List<PortUse>> e : bySide.entrySet()) {
            boolean horizontal = e.getKey().horizontal();
            // Order stubs as their peers lie along the side, so arrows leaving one side do not cross.
            e.getValue().sort(Comparator.comparingDouble(u -> !Double.isNaN(u.selfLoopKey)
                    ? c.x() + u.selfLoopKey
                    : horizontal ? average(u.peers, c).x() : average(u.peers, c).y()));
        }

        double leftW = maxLabelWidth(bySide.get(Side.LEFT));
        double rightW = maxLabelWidth(bySide.get(Side.RIGHT));
        double topBottomW = Math.max(maxLabelWidth(bySide.get(Side.TOP)), maxLabelWidth(bySide.get(Side.BOTTOM)));
        int along = Math.max(bySide.get(Side.TOP).size(), bySide.get(Side.BOTTOM).size());
        int across = Math.max(bySide.get(Side.LEFT).size(), bySide.get(Side.RIGHT).size());
        double leftCol = leftW > 0 ? leftW + 10 : 0;
        double rightCol = rightW > 0 ? rightW + 10 : 0;
        double topRow = bySide.get(Side.TOP).isEmpty() ? 0 : portH + 4;
        double bottomRow = bySide.get(Side.BOTTOM).isEmpty() ? 0 : portH + 4;
        double w = Math.max(MIN_W, Math.max(titleW + 2 * PAD_X + leftCol + rightCol, (along + 1) * (topBottomW + 14)));
        double h = Math.max(MIN_H, Math.max(titleH + 2 * PAD_Y + topRow + bottomRow, (across + 1) * (portH + 9)));
        Box box = Box.centred(c, w, h);

        Pt titleCentre = new Pt((box.x() + leftCol + box.maxX() - rightCol) / 2,
                (box.y() + topRow + box.maxY() - bottomRow) / 2);
        TextBox title = TextBox.centredAt(label, FontRole.PROCESS, titleCentre, m);

        List<PortStub> stubs = new ArrayList<>();
        for (Map.Entry<Side, List<PortUse>> e : bySide.entrySet()) {
            List<PortUse> list = e.getValue();
            for (int i = 0; i < list.size(); i++) {
                stubs.add(stub(list.get(i), e.getKey(), box, (i + 1.0) / (list.size() + 1)));
            }
        }
        return new ProcessBox(p.id(), label, box, Math.min(18, h / 2), title, stubs);
    }

    private PortStub stub(PortUse u, Side side, Box box, double fraction) {
        Pt anchor = switch (side) {
            case TOP -> new Pt(box.x() + box.w() * fraction, box.y());
            case BOTTOM -> new Pt(box.x() + box.w() * fraction, box.maxY());
            case LEFT -> new Pt(box.x(), box.y() + box.h() * fraction);
            case RIGHT -> new Pt(box.maxX(), box.y() + box.h() * fraction);
        };
        Pt out = side.outward();
        Pt tip = anchor.plus(out.times(TAB_DEPTH));
        Box tab = side.horizontal()
                ? Box.centred(anchor.plus(out.times(TAB_DEPTH / 2)), TAB_ALONG, TAB_DEPTH)
                : Box.centred(anchor.plus(out.times(TAB_DEPTH / 2)), TAB_DEPTH, TAB_ALONG);
        String name = u.endpoint.port();
        double tw = m.width(name, FontRole.PORT);
        double th = m.height(FontRole.PORT);
        Pt labelCentre = switch (side) {
            case TOP -> anchor.plus(new Pt(0, 3 + th / 2));
            case BOTTOM -> anchor.plus(new Pt(0, -3 - th / 2));
            case LEFT -> anchor.plus(new Pt(5 + tw / 2, 0));
            case RIGHT -> anchor.plus(new Pt(-5 - tw / 2, 0));
        };
        return new PortStub(u.endpoint, u.direction, side, anchor, tip, tab,
                TextBox.centredAt(name, FontRole.PORT, labelCentre, m));
    }

    private double maxLabelWidth(List<PortUse> ports) {
        return ports.stream().mapToDouble(u -> m.width(u.endpoint.port(), FontRole.PORT)).max().orElse(0);
    }

    // ---- routes ------------------------------------------------------------------------------------------

    /** A channel's strokes, node and marks before its label is placed. */
    record RoutedChannel(Channel channel, List<Segment> segments, SharedNode node, List<KindMark> marks,
                         Pt labelAnchor, Pt labelDirection) {
    }

    private RoutedChannel routeDirect(Channel c, Map<String, ProcessBox> boxes, double bend) {
        PortStub w = stubOf(boxes, c.writers().getFirst());
        PortStub r = stubOf(boxes, c.readers().getFirst());
        Pt chord = r.tip().minus(w.tip());
        Pt offset = bend == 0 ? new Pt(0, 0) : canonicalNormal(chord).times(bend * 4 / 3);
        Pt c1 = w.tip().plus(w.side().outward().times(reach(chord, w.side()))).plus(offset);
        Pt c2 = r.tip().plus(r.side().outward().times(reach(chord.times(-1), r.side()))).plus(offset);
        Segment s = segment(w.endpoint(), r.endpoint(), w.tip(), c1, c2, r.tip());
        List<KindMark> marks = new ArrayList<>(lineMarks(c, s));
        if (c.kind() == ChannelKind.CALL) {
            returnHook(s).ifPresent(marks::add);
        }
        return new RoutedChannel(c, List.of(s), null, marks, s.pointAt(0.5), s.tangentAt(0.5).normal());
    }

    private RoutedChannel routeSelfLoop(Channel c, Map<String, ProcessBox> boxes, int k) {
        PortStub w = stubOf(boxes, c.writers().getFirst());
        PortStub r = stubOf(boxes, c.readers().getFirst());
        double height = 46 + 26 * k;
        double spread = 22 + 8 * k;
        Pt c1 = w.tip().plus(new Pt(spread, -height));
        Pt c2 = r.tip().plus(new Pt(-spread, -height));
        Segment s = segment(w.endpoint(), r.endpoint(), w.tip(), c1, c2, r.tip());
        List<KindMark> marks = new ArrayList<>(lineMarks(c, s));
        if (c.kind() == ChannelKind.CALL) {
            returnHook(s).ifPresent(marks::add);
        }
        return new RoutedChannel(c, List.of(s), null, marks, s.pointAt(0.5), new Pt(0, -1));
    }

    private RoutedChannel routeShared(Channel c, Map<String, ProcessBox> boxes, Pt centre, List<Pt> neighbours) {
        double radius = c.kind() == ChannelKind.UNBOUNDED
                ? Math.max(NODE_RADIUS, m.width("∞", FontRole.SYMBOL) * 0.5 + 4) : NODE_RADIUS;
        SharedNode node = new SharedNode(c.id(), centre, radius);
        List<Segment> segs = new ArrayList<>();
        List<KindMark> marks = new ArrayList<>();
        for (Endpoint e : c.writers()) {
            PortStub w = stubOf(boxes, e);
            double reach = clamp(w.tip().distance(centre) * 0.4, 20, 120);
            Pt c1 = w.tip().plus(w.side().outward().times(reach));
            Pt u = c1.minus(centre).unit();
            segs.add(segment(e, null, w.tip(), c1, centre.plus(u.times(radius + reach * 0.5)),
                    centre.plus(u.times(radius + 1))));
        }
        for (Endpoint e : c.readers()) {
            PortStub r = stubOf(boxes, e);
            double reach = clamp(r.tip().distance(centre) * 0.4, 20, 120);
            Pt c2 = r.tip().plus(r.side().outward().times(reach));
            Pt u = c2.minus(centre).unit();
            Segment s = segment(null, e, centre.plus(u.times(radius)), centre.plus(u.times(radius + reach * 0.5)),
                    c2, r.tip());
            segs.add(s);
            if (c.kind() == ChannelKind.CALL) {
                returnHook(s).ifPresent(marks::add);
            }
        }
        List<Pt> taken = new ArrayList<>();
        for (Segment s : segs) {
            taken.add((s.writer() == null ? s.pointAt(0.15) : s.pointAt(0.85)).minus(centre).unit());
        }
        neighbours.forEach(n -> taken.add(n.minus(centre).unit()));
        Pt free = freestDirection(taken);
        switch (c.kind()) {
            case BUFFERED -> {
                // The row runs across the free direction, a little way out from the node.
                double angle = Math.abs(free.x()) > Math.abs(free.y()) ? Math.PI / 2 : 0;
                double depth = slotDepth();
                Pt rowCentre = centre.plus(free.times(radius + 6 + depth / 2 + (Math.abs(free.x()) > 0.5
                        ? slotsLength(c.capacity()) / 2 - depth / 2 : 0)));
                marks.add(slotRow(c.capacity(), rowCentre, angle));
            }
            case UNBOUNDED -> marks.add(new KindMark.InfinityMark(centre, radius,
                    TextBox.centredAt("∞", FontRole.SYMBOL, centre, m)));
            default -> {
            }
        }
        Pt away = marks.stream().anyMatch(k -> k instanceof KindMark.SlotRow) ? free.times(-1) : free;
        return new RoutedChannel(c, segs, node, marks, centre, away);
    }

    /**
     * How far a curve runs straight out of a stub before turning: far enough to leave the box cleanly, but
     * when the other end lies just ahead, at most half the way there, so the two ends' runs never overshoot
     * each other and tie a loop.
     */
    private static double reach(Pt towardsOtherEnd, Side side) {
        double reach = clamp(towardsOtherEnd.length() * 0.4, 24, 140);
        Pt out = side.outward();
        double ahead = towardsOtherEnd.x() * out.x() + towardsOtherEnd.y() * out.y();
        return ahead > 0 ? Math.min(reach, Math.max(10, ahead * 0.5)) : reach;
    }

    private Segment segment(Endpoint writer, Endpoint reader, Pt start, Pt c1, Pt c2, Pt end) {
        Pt dir = end.minus(c2);
        if (dir.length() < 1e-6) {
            dir = end.minus(start);
        }
        return Segment.of(writer, reader, start, c1, c2, end, Arrowhead.pointing(end, dir, headLength, headHalf));
    }

    private List<KindMark> lineMarks(Channel c, Segment s) {
        Pt mid = s.pointAt(0.5);
        Pt t = s.tangentAt(0.5);
        return switch (c.kind()) {
            case BUFFERED -> List.of(slotRow(c.capacity(), mid, Math.atan2(t.y(), t.x())));
            case UNBOUNDED -> {
                double r = m.width("∞", FontRole.SYMBOL) * 0.5 + 4;
                yield List.of(new KindMark.InfinityMark(mid, r, TextBox.centredAt("∞", FontRole.SYMBOL, mid, m)));
            }
            case RENDEZVOUS, CALL -> List.of();
        };
    }

    private KindMark.SlotRow slotRow(int capacity, Pt centre, double angle) {
        int cap = Math.max(1, capacity);
        int drawn = cap <= MAX_SLOTS ? cap : MAX_SLOTS - 2;
        double len = slotLength();
        TextBox overflow = null;
        if (drawn < cap) {
            String text = "…" + cap;
            double tw = m.width(text, FontRole.MARK);
            double th = m.height(FontRole.MARK);
            Pt dir = new Pt(Math.cos(angle), Math.sin(angle));
            double reach = drawn * len / 2 + 4 + Math.abs(dir.x()) * tw / 2 + Math.abs(dir.y()) * th / 2;
            overflow = TextBox.centredAt(text, FontRole.MARK, centre.plus(dir.times(reach)), m);
        }
        return new KindMark.SlotRow(centre, angle, cap, drawn, len, slotDepth(), overflow);
    }

    private double slotLength() {
        return theme.fontSizes().port();
    }

    private double slotDepth() {
        return theme.fontSizes().port() * 1.5;
    }

    private double slotsLength(int capacity) {
        return Math.min(Math.max(1, capacity), MAX_SLOTS) * slotLength();
    }

    /** A small hook beside the arrow near the server, curling back towards the client: the implied reply. */
    private java.util.Optional<KindMark> returnHook(Segment s) {
        double len = s.length();
        double near = headLength + 2;
        double far = headLength + 32;
        // On a short arrow the hook would crowd the head; the label still says "(call)".
        if (len < far + 70) {
            return java.util.Optional.empty();
        }
        Pt p1 = s.pointAt(1 - near / len);
        Pt p2 = s.pointAt(1 - far / len);
        Pt t = s.tangentAt(1 - near / len);
        Pt n = t.normal();
        double side = 7 + theme.lineWidth() * 2.5;
        // A ↩ beside the head: leaves the arrow, swings out and runs back towards the client.
        Pt from = p1;
        Pt control = p1.plus(n.times(side * 1.25)).plus(t.times(side * 0.6));
        Pt to = p2.plus(n.times(side));
        double hl = headLength * 0.7;
        Arrowhead head = Arrowhead.pointing(to, p2.minus(p1), hl, hl * 0.5);
        return java.util.Optional.of(new KindMark.ReturnHook(from, control, to, head));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static PortStub stubOf(Map<String, ProcessBox> boxes, Endpoint e) {
        return boxes.get(e.process()).port(e.port())
                .orElseThrow(() -> new IllegalStateException("no stub laid out for " + e));
    }

    private static boolean selfLoop(Channel c) {
        return c.writers().getFirst().process().equals(c.readers().getFirst().process());
    }

    /** The same key for both directions, so opposite channels between a pair are curved apart too. */
    private static String pairKey(Channel c) {
        String a = c.writers().getFirst().process();
        String b = c.readers().getFirst().process();
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    /**
     * A normal to the chord that points the way stubs are ordered along a side (down for arrows that run
     * sideways, right for arrows that run up or down), so later channels bend the same way their stubs sit.
     */
    private static Pt canonicalNormal(Pt chord) {
        Pt n = chord.unit().normal();
        boolean sideways = Math.abs(chord.x()) >= Math.abs(chord.y());
        if (sideways ? n.y() < 0 : n.x() < 0) {
            n = n.times(-1);
        }
        return n;
    }

    /**
     * Where a shared channel's node goes when the file does not say: halfway between its writers' centre
     * and its readers' centre, so arrows run in from one group and out to the other; off any box and any
     * node placed before. A node that must move goes sideways to its own direction of flow first, so two
     * shared channels between the same groups in opposite directions (jobs out, results back) sit apart.
     */
    private Pt placeNode(Channel c, Map<String, Process> procs, NodeSpots spots) {
        Pt w = average(c.writers().stream().map(e -> centre(procs.get(e.process()))).toList(), new Pt(0, 0));
        Pt r = average(c.readers().stream().map(e -> centre(procs.get(e.process()))).toList(), new Pt(0, 0));
        Pt mid = Pt.lerp(w, r, 0.5);
        Pt side = r.minus(w).unit().normal();
        List<Pt> candidates = new ArrayList<>();
        candidates.add(mid);
        for (int k = 1; k <= 3; k++) {
            candidates.add(mid.plus(side.times(48.0 * k)));
            candidates.add(mid.minus(side.times(48.0 * k)));
        }
        for (int ring = 1; ring <= 12; ring++) {
            for (int k = 0; k < 8; k++) {
                double a = Math.PI / 2 + k * Math.PI / 4;
                candidates.add(mid.plus(new Pt(Math.cos(a), Math.sin(a)).times(ring * 20)));
            }
        }
        for (Pt q : candidates) {
            if (spots.free(q)) {
                return q;
            }
        }
        return mid;
    }

    /**
     * Where a shared node may go: off every box (with room around it) and apart from the nodes placed so
     * far. Both are kept in grids; the boxes are measured only when a node first needs placing.
     */
    private final class NodeSpots {
        private final Collection<Process> procs;
        private List<Box> near;
        private final SpatialGrid nearGrid = new SpatialGrid(128);
        private final List<Pt> placed = new ArrayList<>();
        private final SpatialGrid placedGrid = new SpatialGrid(NODE_SPACING);

        NodeSpots(Collection<Process> procs) {
            this.procs = procs;
        }

        void taken(Pt at) {
            placedGrid.add(placed.size(), Box.around(at));
            placed.add(at);
        }

        boolean free(Pt q) {
            for (int i : nearGrid().at(q)) {
                if (near.get(i).contains(q)) {
                    return false;
                }
            }
            for (int i : placedGrid.near(Box.centred(q, 2 * NODE_SPACING, 2 * NODE_SPACING))) {
                if (placed.get(i).distance(q) < NODE_SPACING) {
                    return false;
                }
            }
            return true;
        }

        private SpatialGrid nearGrid() {
            if (near == null) {
                // Boxes are not sized yet, so a generous nominal size stands in.
                near = new ArrayList<>();
                for (Process q : procs) {
                    double bw = Math.max(MIN_W, m.width(q.displayLabel(), FontRole.PROCESS) + 2 * PAD_X) + 40;
                    Box b = Box.centred(centre(q), bw + 2 * NODE_RADIUS + 24, MIN_H + 40 + 2 * NODE_RADIUS + 24);
                    nearGrid.add(near.size(), b);
                    near.add(b);
                }
            }
            return nearGrid;
        }
    }

    /** The nearest point outside every box's outline (with room for a node), by the shortest way out. */
    private static Pt pushedOutOfBoxes(Pt p, List<Box> keepOut, SpatialGrid grid) {
        Pt q = p;
        for (int round = 0; round < 4; round++) {
            boolean moved = false;
            // As a pass over every box in order would: the next box to push is the first after the last
            // one pushed that holds the point where it now is.
            int last = -1;
            while (true) {
                int next = -1;
                for (int i : grid.at(q)) {
                    if (i > last && keepOut.get(i).contains(q)) {
                        next = i;
                        break;
                    }
                }
                if (next < 0) {
                    break;
                }
                Box o = keepOut.get(next);
                double left = q.x() - o.x();
                double right = o.maxX() - q.x();
                double up = q.y() - o.y();
                double down = o.maxY() - q.y();
                double least = Math.min(Math.min(left, right), Math.min(up, down));
                q = least == left ? new Pt(o.x(), q.y()) : least == right ? new Pt(o.maxX(), q.y())
                        : least == up ? new Pt(q.x(), o.y()) : new Pt(q.x(), o.maxY());
                moved = true;
                last = next;
            }
            if (!moved) {
                break;
            }
        }
        return q;
    }

    /** Of the four compass directions, the one making the widest angle with every taken direction. */
    private static Pt freestDirection(List<Pt> taken) {
        Pt[] dirs = {new Pt(0, 1), new Pt(0, -1), new Pt(1, 0), new Pt(-1, 0)};
        Pt best = dirs[0];
        double bestScore = -2;
        for (Pt d : dirs) {
            double worst = 2;
            for (Pt u : taken) {
                worst = Math.min(worst, 1 - (u.x() * d.x() + u.y() * d.y()));
            }
            if (worst > bestScore + 1e-9) {
                bestScore = worst;
                best = d;
            }
        }
        return best;
    }

    private String channelText(Channel c) {
        String name = c.label() == null || c.label().isBlank() ? c.id() : c.label();
        return switch (c.kind()) {
            case RENDEZVOUS -> name;
            case BUFFERED -> name + " [" + c.capacity() + "]";
            case UNBOUNDED -> name + " ∞";
            case CALL -> name + " (call)";
        };
    }

    private static Pt centre(Process p) {
        return new Pt(p.x(), p.y());
    }

    private static Pt average(List<Pt> pts, Pt fallback) {
        if (pts.isEmpty()) {
            return fallback;
        }
        double x = 0;
        double y = 0;
        for (Pt p : pts) {
            x += p.x();
            y += p.y();
        }
        return new Pt(x / pts.size(), y / pts.size());
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    // ---- labels ------------------------------------------------------------------------------------------

    /**
     * Places channel labels one by one, each clear of boxes, marks, strokes and the labels placed before it.
     * Grids of all of these let each candidate look only at what lies near it; what it finds is weighed in
     * list order, exactly as a scan of every list would, so placements do not depend on the grids.
     */
    private final class LabelPlacer {
        /** About a label's size: a candidate's probe touches a handful of cells. */
        private static final double CELL = 96;

        private final List<Box> boxes;
        private final List<Box> marks;
        private final List<Segment> segments;
        /** Each segment's bounds, computed once: most candidates are far from most strokes. */
        private final List<Box> segmentBounds;
        private final List<Box> placed = new ArrayList<>();
        private final SpatialGrid boxGrid = new SpatialGrid(CELL);
        private final SpatialGrid markGrid = new SpatialGrid(CELL);
        /**
         * Every straight piece of every flattened stroke, numbered stroke by stroke, filed by the cells it
         * passes through: arrows can be long, and many meet at a busy shared node, so a candidate tests only
         * the pieces near it rather than whole strokes.
         */
        private final SpatialGrid pieceGrid = new SpatialGrid(CELL);
        /** For each piece, its stroke and its end point's index in that stroke's polyline. */
        private final int[] pieceSegment;
        private final int[] pieceEnd;
        private final SpatialGrid placedGrid = new SpatialGrid(CELL);

        LabelPlacer(List<Box> boxes, List<Box> marks, List<Segment> segments) {
            this.boxes = boxes;
            this.marks = marks;
            this.segments = segments;
            this.segmentBounds = segments.stream().map(Segment::bounds).toList();
            for (int i = 0; i < boxes.size(); i++) {
                boxGrid.add(i, boxes.get(i));
            }
            for (int i = 0; i < marks.size(); i++) {
                markGrid.add(i, marks.get(i));
            }
            int pieces = 0;
            for (Segment s : segments) {
                pieces += Math.max(0, s.polyline().size() - 1);
            }
            pieceSegment = new int[pieces];
            pieceEnd = new int[pieces];
            int piece = 0;
            for (int k = 0; k < segments.size(); k++) {
                List<Pt> pl = segments.get(k).polyline();
                for (int i = 1; i < pl.size(); i++) {
                    pieceSegment[piece] = k;
                    pieceEnd[piece] = i;
                    pieceGrid.addLine(piece++, pl.get(i - 1), pl.get(i));
                }
            }
        }

        TextBox place(String text, RoutedChannel r) {
            double w = m.width(text, FontRole.CHANNEL);
            double h = m.height(FontRole.CHANNEL);
            List<Pt[]> anchors = new ArrayList<>();
            if (r.node != null) {
                Pt d = r.labelDirection;
                Pt[] around = {d, d.normal(), d.normal().times(-1), d.plus(d.normal()).unit(),
                        d.minus(d.normal()).unit(), d.times(-1), d.times(-1).plus(d.normal()).unit(),
                        d.times(-1).minus(d.normal()).unit()};
                for (Pt a : around) {
                    anchors.add(new Pt[]{r.node.centre().plus(a.times(r.node.radius())), a});
                }
            } else {
                Segment s = r.segments.getFirst();
                for (double t : new double[]{0.5, 0.38, 0.62, 0.28, 0.72, 0.18, 0.82}) {
                    Pt at = s.pointAt(t);
                    Pt n = r.labelDirection.equals(new Pt(0, -1)) && t == 0.5 ? r.labelDirection
                            : s.tangentAt(t).normal();
                    anchors.add(new Pt[]{at, n});
                    anchors.add(new Pt[]{at, n.times(-1)});
                }
            }
            double[] gaps = {7, 16, 30, 46};
            double ascent = m.ascent(FontRole.CHANNEL);
            double descent = m.descent(FontRole.CHANNEL);
            // Candidates as [gap][anchor]; each anchor's four lie on one ray, so what lies near them is
            // looked up once per anchor, for the region all four cover.
            TextBox[][] candidates = new TextBox[gaps.length][anchors.size()];
            Near[] near = new Near[anchors.size()];
            for (int j = 0; j < anchors.size(); j++) {
                Pt[] a = anchors.get(j);
                Pt d = a[1];
                // Along a mark, start beyond it so the label never sits on slots or ∞.
                double beyondMark = markReach(a[0], d);
                Box region = null;
                for (int g = 0; g < gaps.length; g++) {
                    double reach = gaps[g] + Math.abs(d.x()) * w / 2 + Math.abs(d.y()) * h / 2;
                    reach += beyondMark;
                    TextBox tb = TextBox.centredAt(text, FontRole.CHANNEL, a[0].plus(d.times(reach)), w, ascent,
                            descent);
                    candidates[g][j] = tb;
                    region = region == null ? tb.bounds() : region.union(tb.bounds());
                }
                near[j] = near(region.inflate(1));
            }
            TextBox best = null;
            double bestCost = Double.MAX_VALUE;
            int index = 0;
            for (int g = 0; g < gaps.length; g++) {
                for (int j = 0; j < anchors.size(); j++) {
                    TextBox tb = candidates[g][j];
                    double cost = cost(tb.bounds(), near[j]) + index * 0.5;
                    index++;
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = tb;
                    }
                }
            }
            Box taken = best.bounds().inflate(2);
            placedGrid.add(placed.size(), taken);
            placed.add(taken);
            return best;
        }

        private double markReach(Pt at, Pt d) {
            double extra = 0;
            for (int i : markGrid.at(at)) {
                Box b = marks.get(i);
                if (b.contains(at)) {
                    extra = Math.max(extra, Math.abs(d.x()) * b.w() / 2 + Math.abs(d.y()) * b.h() / 2);
                }
            }
            return extra;
        }

        /** What lies near a region, by list: every item that can meet a label or probe inside it, in order. */
        private record Near(int[] boxes, int[] placed, int[] marks, int[] pieces) {
        }

        private Near near(Box region) {
            return new Near(boxGrid.near(region), placedGrid.near(region), markGrid.near(region),
                    pieceGrid.near(region));
        }

        /** A label's cost, weighing only the items {@code near} lists: any other cannot meet it. */
        private double cost(Box label, Near near) {
            double cost = 0;
            for (int i : near.boxes()) {
                Box b = boxes.get(i);
                if (b.intersects(label)) {
                    cost += 1e6 + b.overlapArea(label);
                }
            }
            for (int i : near.placed()) {
                Box b = placed.get(i);
                if (b.intersects(label)) {
                    cost += 1e4 + b.overlapArea(label);
                }
            }
            for (int i : near.marks()) {
                Box b = marks.get(i);
                if (b.intersects(label)) {
                    cost += 1e4 + b.overlapArea(label);
                }
            }
            Box probe = label.inflate(1);
            // A stroke costs once however many of its pieces cross; its pieces come together, in order.
            int counted = -1;
            for (int piece : near.pieces()) {
                int k = pieceSegment[piece];
                if (k == counted || !segmentBounds.get(k).intersects(probe)) {
                    continue;
                }
                List<Pt> pl = segments.get(k).polyline();
                int i = pieceEnd[piece];
                if (probe.crossedBy(pl.get(i - 1), pl.get(i))) {
                    cost += 200;
                    counted = k;
                }
            }
            return cost;
        }
    }
}
