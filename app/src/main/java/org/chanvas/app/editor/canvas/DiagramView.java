package org.chanvas.app.editor.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.Theme;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.edit.Position;
import org.jfree.fx.FXGraphics2D;

/**
 * The canvas: paints the network from the geometry shared with the exporters (through {@link FXGraphics2D},
 * so screen and files agree), plus what only the screen has: the dot grid, the previews of a gesture in
 * progress, the rubber band. Painting happens at most once a pulse, after layout, when something changed.
 */
public final class DiagramView extends Region {

    private final Canvas canvas = new Canvas();
    private final Viewport viewport = new Viewport();
    private Theme theme = Theme.light();
    /** Fit's limits: presentation mode raises the least scale to keep its type readable. */
    private double fitMin = Viewport.MIN_SCALE;
    private double fitMax = 1.5;
    private final DiagramPainting painting;
    private GridSnap snap = new GridSnap(GridSnap.STEP, true);

    /** Up to this many processes a full layout is quick enough to run on every change. */
    private static final int EXACT_LIMIT = 40;

    private IncrementalLayout incremental = new IncrementalLayout(theme);
    private final java.util.concurrent.ExecutorService layouts = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("chanvas-layout").unstarted(r));
    private volatile Network pendingFull;
    private DiagramGeometry full;
    private Network fullNetwork;
    private Network network = Network.empty();
    private Map<String, Position> movePreview = Map.of();
    private String previewNode;
    private Position previewNodeAt;
    private Network drawn;
    private DiagramGeometry geometry;
    private Rectangle2D rubberBand;
    private String connectFrom;
    private Point2D connectTo;
    private String connectTarget;
    private boolean dirty = true;
    private boolean fitted;
    private final Runnable pulse = this::paintIfDirty;
    private Scene listeningScene;
    private long lastPaintNanos;
    private String hoverRim;

    public DiagramView(DiagramPainting painting) {
        this.painting = painting;
        getStyleClass().add("diagram-view");
        setId("canvas");
        setFocusTraversable(true);
        canvas.setManaged(false);
        getChildren().add(canvas);
        widthProperty().addListener(o -> repaint());
        heightProperty().addListener(o -> repaint());
        sceneProperty().addListener((obs, old, scene) -> listenTo(scene));
        setMinSize(200, 150);
    }

    @Override
    protected void layoutChildren() {
        boolean resized = canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight();
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        if (resized && fitted) {
            // Still showing everything, as Fit left it: keep doing so when a banner or a divider takes room, but
            // never by shrinking the type below readable (ports ~6 px after a tall banner, issue 11).
            double floor = Math.min(viewport.scale(), theme.readableScale(READABLE_NAME_PX, READABLE_TEXT_PX));
            fitWithin(Math.max(fitMin, floor), fitMax);
        }
    }

    /** The least type size a refit on resize keeps, in screen pixels, for names and for ports and labels. */
    private static final double READABLE_NAME_PX = 12;
    private static final double READABLE_TEXT_PX = 10;

    /**
     * Draws with another theme from now on: its fonts size the boxes, so the layout is made anew; its
     * background replaces the editor's paper.
     */
    public void setTheme(Theme t) {
        theme = t;
        incremental = new IncrementalLayout(t);
        pendingFull = null;
        full = null;
        fullNetwork = null;
        drawn = null;
        geometry = null;
        repaint();
    }

    /** The scale limits of Fit, as {@link Viewport#fit(Rectangle2D, double, double, double, double, double)}. */
    public void setFitLimits(double minScale, double maxScale) {
        fitMin = minScale;
        fitMax = maxScale;
    }

    /** The person panned or zoomed: the view is theirs now, and resizing no longer refits it. */
    public void viewMovedByHand() {
        fitted = false;
    }

    public Viewport viewport() {
        return viewport;
    }

    public Theme theme() {
        return theme;
    }

    public GridSnap snap() {
        return snap;
    }

    public void setSnap(boolean on) {
        snap = snap.withEnabled(on);
    }

    /** The canvas itself, for snapshots. */
    public Canvas canvas() {
        return canvas;
    }

    /** Shows a new network (after any edit, undo or open). */
    public void setNetwork(Network n) {
        network = n;
        repaint();
    }

    /** Draws the moved processes at these positions until the drag ends. */
    public void setMovePreview(Map<String, Position> positions) {
        movePreview = Map.copyOf(positions);
        repaint();
    }

    public void setNodePreview(String channel, Position at) {
        previewNode = channel;
        previewNodeAt = at;
        repaint();
    }

    public void setConnectPreview(String from, Point2D toWorld, String target) {
        connectFrom = from;
        connectTo = toWorld;
        connectTarget = target;
        repaint();
    }

    public void setRubberBand(Rectangle2D screen) {
        rubberBand = screen;
        repaint();
    }

    /** Ends every gesture preview. */
    public void clearPreview() {
        movePreview = Map.of();
        previewNode = null;
        previewNodeAt = null;
        connectFrom = null;
        connectTo = null;
        connectTarget = null;
        rubberBand = null;
        repaint();
    }

    /**
     * The geometry of what is drawn now (previews included). Small networks are laid out whole each time;
     * large ones reuse the last full layout around what changed, and get a full layout in the background.
     */
    public DiagramGeometry geometry() {
        Network n = withPreview(network);
        if (n == drawn && geometry != null) {
            return geometry;
        }
        if (full == null || n.processes().size() <= EXACT_LIMIT) {
            geometry = DiagramGeometry.layout(n, theme);
            if (n == network) {
                full = geometry;
                fullNetwork = n;
            }
        } else {
            geometry = incremental.update(full, fullNetwork, n);
            if (n == network) {
                layOutInBackground(n);
            }
        }
        drawn = n;
        return geometry;
    }

    private void layOutInBackground(Network target) {
        pendingFull = target;
        Theme layoutTheme = theme;
        layouts.execute(() -> {
            if (pendingFull != target) {
                return; // a newer edit is queued behind this one
            }
            DiagramGeometry g = DiagramGeometry.layout(target, layoutTheme);
            // The result is handed to the FX thread, which alone owns the view's state.
            Platform.runLater(() -> {
                if (network == target && theme == layoutTheme) {
                    full = g;
                    fullNetwork = target;
                    drawn = null;
                    repaint();
                }
            });
        });
    }

    /** The network as drawn now: the document with the previews of a gesture applied. */
    public Network drawnNetwork() {
        geometry();
        return drawn;
    }

    private Network withPreview(Network n) {
        if (movePreview.isEmpty() && previewNode == null) {
            return n;
        }
        if (n == previewBase && previewResult != null && movePreview == previewMoves && previewNodeAt == previewNodePos) {
            return previewResult;
        }
        Network out = n;
        if (!movePreview.isEmpty()) {
            List<Process> ps = new ArrayList<>(n.processes().size());
            for (Process p : n.processes()) {
                Position to = movePreview.get(p.id());
                ps.add(to == null ? p : p.withPosition(to.x(), to.y()));
            }
            out = out.withProcesses(ps);
        }
        if (previewNode != null) {
            out = out.mapChannel(previewNode, c -> c.withNodePosition(previewNodeAt.x(), previewNodeAt.y()));
        }
        previewBase = n;
        previewMoves = movePreview;
        previewNodePos = previewNodeAt;
        previewResult = out;
        return out;
    }

    private Network previewBase;
    private Map<String, Position> previewMoves;
    private Position previewNodePos;
    private Network previewResult;

    public HitTester hitTester() {
        return new GeometryHitTester(geometry());
    }

    /** The centre of a shared channel's node, if it has one. */
    public Optional<Point2D> channelNodeCentre(String id) {
        return geometry().channel(id).flatMap(c -> c.sharedNode()).map(nd -> new Point2D(nd.centre().x(), nd.centre().y()));
    }

    /**
     * Fits everything into the view with a margin, within the fit limits; an empty diagram shows the origin at
     * scale 1. False when the network is too large to show whole at the least scale (then it is centred).
     */
    public boolean fitToWindow() {
        return fitWithin(fitMin, fitMax);
    }

    /** Fits the network to the view, enlarging it at most {@code maxScale} times. */
    public void fitToWindow(double maxScale) {
        fitWithin(fitMin, maxScale);
    }

    private boolean fitWithin(double minScale, double maxScale) {
        fitted = true;
        Optional<Rectangle2D> b = hitTester().contentBounds();
        boolean whole = true;
        if (b.isPresent()) {
            whole = viewport.fit(b.get(), getWidth(), getHeight(), 40, minScale, maxScale);
        } else {
            viewport.reset();
        }
        repaint();
        return whole;
    }

    /** The world point in the middle of the view. */
    public Point2D centreWorld() {
        return viewport.toWorld(getWidth() / 2, getHeight() / 2);
    }

    /** Asks for a paint on the next pulse. */
    public void repaint() {
        dirty = true;
        if (getScene() != null) {
            Platform.requestNextPulse();
        }
    }

    /** How long the last paint took, layout included, in nanoseconds. */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    private void listenTo(Scene scene) {
        if (listeningScene != null) {
            listeningScene.removePostLayoutPulseListener(pulse);
        }
        listeningScene = scene;
        if (scene != null) {
            scene.addPostLayoutPulseListener(pulse);
            repaint();
        }
    }

    private void paintIfDirty() {
        if (dirty) {
            dirty = false;
            paintNow();
        }
    }

    /** Paints at once (the benchmark and snapshots call this; the screen waits for a pulse). */
    public void paintNow() {
        long t0 = System.nanoTime();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setFill(paper());
        gc.fillRect(0, 0, w, h);
        paintGrid(gc, w, h);
        DiagramGeometry geo = geometry();
        // A fresh bridge each frame: FXGraphics2D remembers the colour it last set and skips setting it again,
        // but the grid and the overlays change the context's colours behind its back.
        gc.setFill(Color.BLACK);
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(1);
        gc.setLineDashes();
        FXGraphics2D g2 = new FXGraphics2D(gc);
        g2.setTransform(new java.awt.geom.AffineTransform(viewport.scale(), 0, 0, viewport.scale(),
                viewport.offsetX(), viewport.offsetY()));
        DiagramGeometry shown = visiblePart(geo, w, h);
        painting.paint(g2, viewport.scale() < SMALL_TEXT_SCALE ? withoutSmallText(shown) : shown, drawn);
        g2.setTransform(new java.awt.geom.AffineTransform());
        gc.setTransform(1, 0, 0, 1, 0, 0);
        paintOverlays(gc, geo);
        lastPaintNanos = System.nanoTime() - t0;
    }

    private boolean isLight() {
        return "light".equals(theme.name());
    }

    /** The editor's warm paper in the light theme; the theme's own background in any other. */
    private Color paper() {
        return isLight() ? Color.web("#fbfbfa") : fx(theme.palette().background());
    }

    private static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    /** Below this zoom, channel and port names are a few pixels high: unreadable, and most of a frame's cost. */
    private static final double SMALL_TEXT_SCALE = 0.4;

    /** The geometry with channel and port names left out; boxes, arrows and process names stay. */
    private static DiagramGeometry withoutSmallText(DiagramGeometry geo) {
        var boxes = geo.processes().stream().map(b -> new org.chanvas.app.diagram.ProcessBox(b.id(), b.label(), b.box(),
                b.arc(), b.title(), b.ports().stream().map(s -> new org.chanvas.app.diagram.PortStub(s.endpoint(),
                        s.direction(), s.side(), s.anchor(), s.tip(), s.tab(), blank(s.label()))).toList())).toList();
        var shapes = geo.channels().stream().map(c -> new org.chanvas.app.diagram.ChannelShape(c.id(), c.kind(),
                c.capacity(), c.segments(), c.node(), blank(c.label()), c.marks())).toList();
        return new DiagramGeometry(boxes, shapes, geo.bounds());
    }

    private static org.chanvas.app.diagram.TextBox blank(org.chanvas.app.diagram.TextBox t) {
        // No text and no room: the painter's backdrop behind a label shrinks to nothing with it.
        return t == null ? null : new org.chanvas.app.diagram.TextBox("", t.role(), t.x(), t.y(),
                new org.chanvas.app.diagram.Box(t.x(), t.y(), 0, 0));
    }

    /** Only what can be seen: a large network zoomed in paints a screenful, not the whole of it. */
    private DiagramGeometry visiblePart(DiagramGeometry geo, double w, double h) {
        Point2D a = viewport.toWorld(0, 0);
        Point2D b = viewport.toWorld(w, h);
        double margin = 40;
        org.chanvas.app.diagram.Box view = new org.chanvas.app.diagram.Box(a.getX() - margin, a.getY() - margin,
                b.getX() - a.getX() + 2 * margin, b.getY() - a.getY() + 2 * margin);
        if (view.x() <= geo.bounds().x() && view.y() <= geo.bounds().y() && view.maxX() >= geo.bounds().maxX()
                && view.maxY() >= geo.bounds().maxY()) {
            return geo;
        }
        var boxes = geo.processes().stream().filter(p -> p.outline().inflate(30).intersects(view)).toList();
        var shapes = geo.channels().stream().filter(c -> c.bounds().intersects(view)).toList();
        return new DiagramGeometry(boxes, shapes, geo.bounds());
    }

    private void paintGrid(GraphicsContext gc, double w, double h) {
        double step = GridSnap.STEP * viewport.scale();
        while (step < 12) {
            step *= 2;
        }
        double ox = ((viewport.offsetX() % step) + step) % step;
        double oy = ((viewport.offsetY() % step) + step) % step;
        gc.setFill(isLight() ? Color.web("#d9d9d4") : fx(theme.palette().grid()));
        double r = 1.3;
        for (double x = ox; x < w; x += step) {
            for (double y = oy; y < h; y += step) {
                gc.fillRect(x - r / 2, y - r / 2, r, r);
            }
        }
    }

    /** The process whose rim the mouse is over (a drag there connects), or null. */
    public void setHoverRim(String process) {
        if (!java.util.Objects.equals(process, hoverRim)) {
            hoverRim = process;
            repaint();
        }
    }

    public String hoverRim() {
        return hoverRim;
    }

    private void paintOverlays(GraphicsContext gc, DiagramGeometry geo) {
        if (hoverRim != null && connectFrom == null) {
            new GeometryHitTester(geo).processBox(hoverRim).ifPresent(r -> {
                Point2D p = viewport.toScreen(r.getMinX(), r.getMinY());
                gc.setStroke(Color.web("#1565c0", 0.55));
                gc.setLineWidth(6);
                gc.strokeRoundRect(p.getX() - 1, p.getY() - 1, r.getWidth() * viewport.scale() + 2,
                        r.getHeight() * viewport.scale() + 2, 14, 14);
            });
        }
        if (connectFrom != null && connectTo != null) {
            Optional<Rectangle2D> fromBox = new GeometryHitTester(geo).processBox(connectFrom);
            if (fromBox.isPresent()) {
                Point2D a = viewport.toScreen(fromBox.get().getMinX() + fromBox.get().getWidth() / 2,
                        fromBox.get().getMinY() + fromBox.get().getHeight() / 2);
                Point2D b = viewport.toScreen(connectTo.getX(), connectTo.getY());
                gc.setStroke(Color.web("#1565c0"));
                gc.setLineWidth(2);
                gc.setLineDashes(6, 4);
                gc.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
                gc.setLineDashes();
                double ang = Math.atan2(b.getY() - a.getY(), b.getX() - a.getX());
                gc.setFill(Color.web("#1565c0"));
                gc.fillPolygon(new double[]{b.getX(), b.getX() - 12 * Math.cos(ang - 0.4), b.getX() - 12 * Math.cos(ang + 0.4)},
                        new double[]{b.getY(), b.getY() - 12 * Math.sin(ang - 0.4), b.getY() - 12 * Math.sin(ang + 0.4)}, 3);
            }
            if (connectTarget != null) {
                new GeometryHitTester(geo).processBox(connectTarget).ifPresent(r -> {
                    Point2D p = viewport.toScreen(r.getMinX(), r.getMinY());
                    gc.setStroke(Color.web("#1565c0"));
                    gc.setLineWidth(3);
                    gc.strokeRoundRect(p.getX() - 4, p.getY() - 4, r.getWidth() * viewport.scale() + 8,
                            r.getHeight() * viewport.scale() + 8, 16, 16);
                });
            }
        }
        if (rubberBand != null) {
            gc.setFill(Color.web("#1565c0", 0.08));
            gc.fillRect(rubberBand.getMinX(), rubberBand.getMinY(), rubberBand.getWidth(), rubberBand.getHeight());
            gc.setStroke(Color.web("#1565c0", 0.8));
            gc.setLineWidth(1);
            gc.setLineDashes(4, 3);
            gc.strokeRect(rubberBand.getMinX() + 0.5, rubberBand.getMinY() + 0.5, rubberBand.getWidth(),
                    rubberBand.getHeight());
            gc.setLineDashes();
        }
    }

    /** Paints the diagram itself onto the Java2D bridge; the editor decides highlights and run overlays. */
    @FunctionalInterface
    public interface DiagramPainting {
        void paint(java.awt.Graphics2D g, DiagramGeometry geometry, Network drawn);
    }

    /** Where processes are drawn now, by id (tests and the rename field use it). */
    public Map<String, Rectangle2D> processBoxesOnScreen() {
        Map<String, Rectangle2D> out = new HashMap<>();
        for (var b : geometry().processes()) {
            Point2D a = viewport.toScreen(b.box().x(), b.box().y());
            out.put(b.id(), new Rectangle2D(a.getX(), a.getY(), b.box().w() * viewport.scale(), b.box().h() * viewport.scale()));
        }
        return out;
    }
}
