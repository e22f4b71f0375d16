package org.chanvas.app.editor.canvas;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.chanvas.app.editor.ConnectOption;
import org.chanvas.app.editor.Connector;
import org.chanvas.app.editor.EditorDocument;
import org.chanvas.app.editor.ProcessTemplate;
import org.chanvas.app.editor.Selection;
import org.chanvas.model.Channel;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.edit.AddProcess;
import org.chanvas.model.edit.EditResult;
import org.chanvas.model.edit.Ids;
import org.chanvas.model.edit.MoveChannelNode;
import org.chanvas.model.edit.MoveProcesses;
import org.chanvas.model.edit.Position;

/**
 * The mouse on the canvas. Each gesture previews on the view only and ends in exactly one command, so one
 * undo step: drag a box to move the selection; drag from a box's rim (or Alt-drag, or right-drag) to another
 * box to draw a channel; drag a shared channel's node to move it; drag the background for a rubber band
 * (Shift adds to the selection); drag the background with the right or middle button to pan; double-click
 * the background to add a process, a box to rename it; the wheel zooms around the cursor.
 */
public final class CanvasGestures {

    /** How far (screen pixels) the mouse must travel before a press becomes a drag. */
    private static final double DRAG_SLOP = 3;
    /** How close (screen pixels) counts as on a line. */
    private static final double LINE_TOLERANCE = 6;

    /** What the current drag does. */
    private sealed interface Drag {
        record None() implements Drag {
        }

        record Move(Point2D startWorld, Map<String, Position> origin, boolean moved) implements Drag {
        }

        record MoveNode(String channel, Point2D startWorld, Position origin, boolean moved) implements Drag {
        }

        record Connect(String from, Point2D toWorld, String target, boolean leftSource) implements Drag {
        }

        record Band(Point2D startScreen, Point2D nowScreen, Set<String> keepProcesses, Set<String> keepChannels)
                implements Drag {
        }

        record Pan(Point2D lastScreen) implements Drag {
        }
    }

    private final DiagramView view;
    private final EditorDocument document;
    private final Selection selection;
    private final Connector connector;
    private final Function<List<ConnectOption>, Optional<ConnectOption>> chooser;
    private final Supplier<ProcessTemplate> template;
    private final java.util.function.Consumer<String> rename;
    private Drag drag = new Drag.None();
    private Point2D pressScreen;

    /**
     * @param chooser asks the person which connection they mean when the scripts leave it open
     * @param template the template a double-click on the background adds
     * @param rename starts renaming a process in place
     */
    public CanvasGestures(DiagramView view, EditorDocument document, Selection selection, Connector connector,
                          Function<List<ConnectOption>, Optional<ConnectOption>> chooser,
                          Supplier<ProcessTemplate> template, java.util.function.Consumer<String> rename) {
        this.view = view;
        this.document = document;
        this.selection = selection;
        this.connector = connector;
        this.chooser = chooser;
        this.template = template;
        this.rename = rename;
        view.setOnMousePressed(this::pressed);
        view.setOnMouseDragged(this::dragged);
        view.setOnMouseReleased(this::released);
        view.setOnMouseClicked(this::clicked);
        view.setOnMouseMoved(this::moved);
        view.setOnMouseExited(e -> view.setHoverRim(null));
        view.setOnScroll(this::scrolled);
    }

    private Point2D world(MouseEvent e) {
        return view.viewport().toWorld(e.getX(), e.getY());
    }

    private Optional<Hit> hitAt(MouseEvent e) {
        Point2D w = world(e);
        double scale = view.viewport().scale();
        return view.hitTester() instanceof GeometryHitTester g ? g.hit(w.getX(), w.getY(), LINE_TOLERANCE / scale, scale)
                : view.hitTester().hit(w.getX(), w.getY(), LINE_TOLERANCE / scale);
    }

    /** Over a rim (where a drag draws a channel) the rim lights up and the cursor says "connect". */
    private void moved(MouseEvent e) {
        String rim = document.lockedProperty().get() ? null
                : hitAt(e).filter(h -> h instanceof Hit.ProcessRim).map(h -> ((Hit.ProcessRim) h).id()).orElse(null);
        view.setHoverRim(rim);
        view.setCursor(rim != null ? javafx.scene.Cursor.CROSSHAIR : javafx.scene.Cursor.DEFAULT);
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        pressScreen = new Point2D(e.getX(), e.getY());
        boolean locked = document.lockedProperty().get();
        Optional<Hit> hit = hitAt(e);
        if (e.getButton() != MouseButton.PRIMARY && hit.isEmpty() || e.getButton() == MouseButton.MIDDLE) {
            drag = new Drag.Pan(pressScreen);
            return;
        }
        if (hit.isEmpty()) {
            boolean adding = e.isShiftDown() || e.isShortcutDown();
            if (!adding) {
                selection.clear();
                selection.cycleProperty().set(null);
            }
            drag = new Drag.Band(pressScreen, pressScreen, Set.copyOf(selection.processes()),
                    Set.copyOf(selection.channels()));
            return;
        }
        switch (hit.get()) {
            case Hit.ProcessBody(String id) when !locked && (e.isAltDown() || e.getButton() == MouseButton.SECONDARY) ->
                    startConnect(id, e);
            case Hit.ProcessRim(String id) when !locked && e.getButton() != MouseButton.MIDDLE -> {
                selectOnPress(id, e);
                startConnect(id, e);
            }
            case Hit.ProcessBody(String id) -> {
                selectOnPress(id, e);
                drag = locked ? new Drag.None() : startMove(e);
            }
            case Hit.ProcessRim(String id) -> selectOnPress(id, e);
            case Hit.ChannelNode(String id) -> {
                selectChannelOnPress(id, e);
                Network n = document.network();
                Optional<Point2D> at = view.channelNodeCentre(id);
                drag = locked || at.isEmpty() || n.channel(id).isEmpty() ? new Drag.None()
                        : new Drag.MoveNode(id, world(e), new Position(at.get().getX(), at.get().getY()), false);
            }
            case Hit.ChannelArrow(String id) -> {
                selectChannelOnPress(id, e);
                drag = new Drag.None();
            }
        }
    }

    private void selectOnPress(String id, MouseEvent e) {
        if (e.isShiftDown() || e.isShortcutDown()) {
            selection.toggleProcess(id);
        } else if (!selection.processes().contains(id)) {
            selection.selectProcess(id);
        }
    }

    private void selectChannelOnPress(String id, MouseEvent e) {
        if (e.isShiftDown() || e.isShortcutDown()) {
            selection.toggleChannel(id);
        } else {
            selection.selectChannel(id);
        }
    }

    private void startConnect(String id, MouseEvent e) {
        drag = new Drag.Connect(id, world(e), null, false);
    }

    private Drag startMove(MouseEvent e) {
        Map<String, Position> origin = new HashMap<>();
        Network n = document.network();
        for (String id : selection.processes()) {
            n.process(id).ifPresent(p -> origin.put(id, new Position(p.x(), p.y())));
        }
        return origin.isEmpty() ? new Drag.None() : new Drag.Move(world(e), origin, false);
    }

    private void dragged(MouseEvent e) {
        Point2D now = new Point2D(e.getX(), e.getY());
        boolean beyondSlop = pressScreen != null && now.distance(pressScreen) > DRAG_SLOP;
        switch (drag) {
            case Drag.None none -> { }
            case Drag.Pan(Point2D last) -> {
                view.viewport().panBy(now.getX() - last.getX(), now.getY() - last.getY());
                view.viewMovedByHand();
                drag = new Drag.Pan(now);
                view.repaint();
            }
            case Drag.Move(Point2D start, Map<String, Position> origin, boolean moved) -> {
                if (moved || beyondSlop) {
                    view.setMovePreview(moved(origin, world(e).subtract(start)));
                    drag = new Drag.Move(start, origin, true);
                }
            }
            case Drag.MoveNode(String ch, Point2D start, Position origin, boolean moved) -> {
                if (moved || beyondSlop) {
                    Point2D d = world(e).subtract(start);
                    view.setNodePreview(ch, new Position(view.snap().snap(origin.x() + d.getX()),
                            view.snap().snap(origin.y() + d.getY())));
                    drag = new Drag.MoveNode(ch, start, origin, true);
                }
            }
            case Drag.Connect(String from, Point2D to, String target, boolean left) -> {
                Point2D w = world(e);
                String over = processUnder(e).orElse(null);
                boolean nowLeft = left || !from.equals(over);
                String t = over != null && (!over.equals(from) || nowLeft) ? over : null;
                drag = new Drag.Connect(from, w, t, nowLeft);
                view.setConnectPreview(from, w, t);
            }
            case Drag.Band(Point2D start, Point2D last, Set<String> keepP, Set<String> keepC) -> {
                drag = new Drag.Band(start, now, keepP, keepC);
                Rectangle2D screen = rect(start, now);
                view.setRubberBand(screen);
                Rectangle2D worldRect = worldRect(screen);
                Set<String> ps = new LinkedHashSet<>(keepP);
                ps.addAll(view.hitTester().processesIn(worldRect));
                Set<String> cs = new LinkedHashSet<>(keepC);
                cs.addAll(view.hitTester().channelsIn(worldRect));
                selection.set(ps, cs);
            }
        }
    }

    private void released(MouseEvent e) {
        Drag done = drag;
        drag = new Drag.None();
        switch (done) {
            case Drag.Move(Point2D start, Map<String, Position> origin, boolean moved) when moved -> {
                view.clearPreview();
                Map<String, Position> to = nudged(moved(origin, world(e).subtract(start)), Map.of());
                if (!to.equals(origin)) {
                    document.execute(new MoveProcesses(to));
                }
            }
            case Drag.MoveNode(String ch, Point2D start, Position origin, boolean moved) when moved -> {
                view.clearPreview();
                Point2D d = world(e).subtract(start);
                document.execute(MoveChannelNode.of(ch, view.snap().snap(origin.x() + d.getX()),
                        view.snap().snap(origin.y() + d.getY())));
            }
            case Drag.Connect(String from, Point2D to, String target, boolean left) -> {
                view.clearPreview();
                if (target != null) {
                    connect(from, target);
                }
            }
            case Drag.Band b -> view.setRubberBand(null);
            default -> view.clearPreview();
        }
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2 || !e.isStillSincePress()) {
            return;
        }
        Optional<Hit> hit = hitAt(e);
        if (hit.isEmpty() && !document.lockedProperty().get()) {
            Point2D w = world(e);
            addProcess(template.get(), w.getX(), w.getY());
        } else if (hit.isPresent()) {
            switch (hit.get()) {
                case Hit.ProcessBody(String id) -> rename.accept(id);
                case Hit.ProcessRim(String id) -> rename.accept(id);
                default -> { }
            }
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        double factor = Math.pow(1.0015, e.getDeltaY());
        view.viewport().zoomAt(factor, e.getX(), e.getY());
        view.viewMovedByHand();
        view.repaint();
        e.consume();
    }

    /** Adds a process from {@code t} centred at (x, y), snapped, selects it, and returns its id. */
    public Optional<String> addProcess(ProcessTemplate t, double x, double y) {
        Network n = document.network();
        String id = Ids.freshProcessId(n, t.idStem());
        Position at = nudged(Map.of(id, new Position(view.snap().snap(x), view.snap().snap(y))),
                Map.of(id, typicalSize())).get(id);
        Process p = t.newProcess(id, at.x(), at.y());
        if (document.execute(new AddProcess(p)) instanceof EditResult.Applied) {
            selection.selectProcess(id);
            return Optional.of(id);
        }
        return Optional.empty();
    }

    /** Space kept between a dropped box and its neighbours, in diagram units. */
    private static final double NUDGE_GAP = 16;

    /** The size of a new box before it is laid out: the size of the boxes already there, or a default. */
    private double[] typicalSize() {
        return view.geometry().processes().stream().findFirst().map(b -> new double[] {b.box().w(), b.box().h()})
                .orElse(new double[] {150, 70});
    }

    /**
     * Where boxes dropped at {@code to} (centres) go so that none lands on a box that stays put: the group is
     * pushed aside, away from the box it covers, a grid step at a time. Sizes come from the drawing, or from
     * {@code sizes} for boxes not drawn yet.
     */
    private Map<String, Position> nudged(Map<String, Position> to, Map<String, double[]> sizes) {
        var geo = view.geometry();
        List<org.chanvas.app.diagram.Box> still = geo.processes().stream().filter(b -> !to.containsKey(b.id()))
                .map(org.chanvas.app.diagram.ProcessBox::box).toList();
        Map<String, double[]> size = new HashMap<>();
        for (String id : to.keySet()) {
            double[] wh = sizes.containsKey(id) ? sizes.get(id)
                    : geo.process(id).map(b -> new double[] {b.box().w(), b.box().h()}).orElse(null);
            if (wh != null) {
                size.put(id, wh);
            }
        }
        if (free(to, size, still, 0, 0)) {
            return to;
        }
        // The nearest free place in one of the four directions, a grid step at a time.
        double[] best = null;
        for (double[] dir : new double[][] {{1, 0}, {0, 1}, {-1, 0}, {0, -1}}) {
            for (int step = 1; step <= 60; step++) {
                double dx = dir[0] * 20 * step;
                double dy = dir[1] * 20 * step;
                if (free(to, size, still, dx, dy)) {
                    if (best == null || step < best[2]) {
                        best = new double[] {dx, dy, step};
                    }
                    break;
                }
            }
        }
        if (best == null) {
            return to;
        }
        Map<String, Position> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Position> m : to.entrySet()) {
            out.put(m.getKey(), new Position(view.snap().snap(m.getValue().x() + best[0]),
                    view.snap().snap(m.getValue().y() + best[1])));
        }
        return out;
    }

    /** Whether the boxes at {@code to}, shifted by (dx, dy), keep clear of every box that stays put. */
    private static boolean free(Map<String, Position> to, Map<String, double[]> size,
                                List<org.chanvas.app.diagram.Box> still, double dx, double dy) {
        for (Map.Entry<String, Position> m : to.entrySet()) {
            double[] wh = size.get(m.getKey());
            if (wh == null) {
                continue;
            }
            double cx = m.getValue().x() + dx;
            double cy = m.getValue().y() + dy;
            for (org.chanvas.app.diagram.Box o : still) {
                if (cx - wh[0] / 2 < o.maxX() + NUDGE_GAP && cx + wh[0] / 2 > o.x() - NUDGE_GAP
                        && cy - wh[1] / 2 < o.maxY() + NUDGE_GAP && cy + wh[1] / 2 > o.y() - NUDGE_GAP) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Connects {@code writer} to {@code reader}, asking only when the scripts leave the ports open. */
    public void connect(String writer, String reader) {
        Network n = document.network();
        List<ConnectOption> options = connector.options(n, writer, reader);
        if (options.isEmpty()) {
            document.say(writer + " and " + reader + " are already connected on every port their scripts use");
            return;
        }
        Optional<ConnectOption> pick = Connector.obvious(options).or(() -> chooser.apply(options));
        pick.ifPresent(o -> {
            Set<String> before = ids(document.network());
            if (document.execute(o.command(document.network())) instanceof EditResult.Applied) {
                Set<String> after = ids(document.network());
                after.removeAll(before);
                String channel = o instanceof ConnectOption.Join j ? j.channelId()
                        : after.stream().findFirst().orElse(null);
                if (channel != null) {
                    selection.selectChannel(channel);
                }
            }
        });
    }

    private static Set<String> ids(Network n) {
        Set<String> s = new LinkedHashSet<>();
        for (Channel c : n.channels()) {
            s.add(c.id());
        }
        return s;
    }

    private Optional<String> processUnder(MouseEvent e) {
        return hitAt(e).flatMap(h -> switch (h) {
            case Hit.ProcessBody(String id) -> Optional.of(id);
            case Hit.ProcessRim(String id) -> Optional.of(id);
            default -> Optional.empty();
        });
    }

    private Map<String, Position> moved(Map<String, Position> origin, Point2D delta) {
        Map<String, Position> out = new HashMap<>();
        GridSnap snap = view.snap();
        origin.forEach((id, p) -> out.put(id,
                new Position(snap.snap(p.x() + delta.getX()), snap.snap(p.y() + delta.getY()))));
        return out;
    }

    private Rectangle2D worldRect(Rectangle2D screen) {
        Point2D a = view.viewport().toWorld(screen.getMinX(), screen.getMinY());
        Point2D b = view.viewport().toWorld(screen.getMaxX(), screen.getMaxY());
        return rect(a, b);
    }

    private static Rectangle2D rect(Point2D a, Point2D b) {
        return new Rectangle2D(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()),
                Math.abs(a.getX() - b.getX()), Math.abs(a.getY() - b.getY()));
    }
}
