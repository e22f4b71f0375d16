package org.chanvas.app.editor.run;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.chanvas.app.chart.ChartLayout;
import org.chanvas.app.chart.ChartPainter;
import org.chanvas.app.chart.SequenceChartModel;
import org.chanvas.app.diagram.Pt;
import org.chanvas.app.diagram.Theme;
import org.chanvas.app.editor.files.DialogFolders;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.app.export.ChartExporter;
import org.chanvas.app.export.ExportOptions;
import org.chanvas.app.export.ExportResult;
import org.jfree.fx.FXGraphics2D;

/**
 * The message sequence chart of the run up to the move the diagram shows, never beyond it: a lifeline per
 * process, an arrow per message with its value (the latest in bold), waits shaded, and how the run ended once
 * the diagram shows its end. The latest arrow is scrolled into view as the run moves; a click on an arrow
 * shows the diagram at that move; the context menu exports the chart as the command line's
 * {@code export --trace} does. Drawn by the {@link ChartPainter} the files use.
 */
public final class SequenceChart extends Region {

    private final Canvas canvas = new Canvas();
    private final ScrollBar vertical = new ScrollBar();
    private final ScrollBar horizontal = new ScrollBar();
    private Theme theme = Theme.light();
    private SequenceChartModel model = SequenceChartModel.empty(List.of(), "move");
    private ChartLayout layout = ChartLayout.of(model, theme);
    private long current = -1;
    private LongConsumer onPick = m -> { };
    private Consumer<String> onReport = s -> { };
    private Path lastFolder;

    public SequenceChart() {
        setId("sequence-chart");
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setOrientation(Orientation.HORIZONTAL);
        getChildren().addAll(canvas, vertical, horizontal);
        vertical.valueProperty().addListener(o -> paint());
        horizontal.valueProperty().addListener(o -> paint());
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                layout.messageAt(toChart(e.getX(), e.getY())).ifPresent(m -> onPick.accept(m.ref()));
            }
        });
        canvas.setOnScroll(e -> {
            vertical.setValue(clamp(vertical.getValue() - e.getDeltaY(), vertical.getMax()));
            horizontal.setValue(clamp(horizontal.getValue() - e.getDeltaX(), horizontal.getMax()));
        });
        MenuItem export = new MenuItem("Export Chart\u2026");
        export.setId("export-chart");
        export.setOnAction(e -> askExport());
        ContextMenu menu = new ContextMenu(export);
        canvas.setOnContextMenuRequested(e -> menu.show(canvas, e.getScreenX(), e.getScreenY()));
        setMinHeight(0);
        setMinWidth(0);
    }

    /** What to chart: the model of the run up to the move shown ({@code at}); the latest arrow comes into view. */
    public void show(SequenceChartModel chart, long at) {
        model = chart;
        layout = ChartLayout.of(chart, theme);
        current = chart.messages().isEmpty() ? -1 : chart.messages().getLast().ref();
        ranges();
        double view = canvas.getHeight();
        double band = layout.lifelines().isEmpty() ? 0 : layout.lifelines().getFirst().header().maxY() + 6;
        if (!(chart.end() instanceof SequenceChartModel.End.Open)) {
            // The end is what a person reads now: its title near the top, below the last two messages.
            vertical.setValue(clamp(layout.end().area().y() - band - 2 * layout.rowHeight(), vertical.getMax()));
        } else if (!chart.messages().isEmpty()) {
            // The newest arrow is what a person follows: keep it in view, at the bottom when it was below.
            double want = layout.yOf(chart.messages().getLast().receivedAt());
            if (want + layout.rowHeight() > vertical.getValue() + view || want < vertical.getValue() + band + layout.rowHeight()) {
                vertical.setValue(clamp(want + layout.rowHeight() - view, vertical.getMax()));
            }
        }
        paint();
    }

    /** Empties the chart (back to editing). */
    public void clear() {
        show(SequenceChartModel.empty(List.of(), "move"), 0);
    }

    /** Called with the move of an arrow the user clicked. */
    public void setOnPick(LongConsumer pick) {
        onPick = pick == null ? m -> { } : pick;
    }

    /** Where the chart says how an export went (a line for the status bar or message bar). */
    public void setOnReport(Consumer<String> report) {
        onReport = report == null ? s -> { } : report;
    }

    /** The colours and type of the chart, e.g. the large-type theme for presentation. */
    public void setTheme(Theme t) {
        theme = t;
        show(model, current);
    }

    /** The model shown now. */
    public SequenceChartModel model() {
        return model;
    }

    /** Where everything is drawn now, in chart units. */
    public ChartLayout chartLayout() {
        return layout;
    }

    /** The messages drawn, as the run's history names them (move, channel, sender, receiver, value). */
    public List<RunSession.Message> messages() {
        return model.messages().stream().map(m -> new RunSession.Message(m.ref(), m.channel(), m.from(), m.to(),
                m.value())).toList();
    }

    /** The ref of the message drawn as the latest, or -1. */
    public long current() {
        return current;
    }

    /** Where a chart point is in this panel's coordinates (for tests and the robot). */
    public Point2D toLocal(Pt chartPoint) {
        return new Point2D(chartPoint.x() - horizontal.getValue(), chartPoint.y() - vertical.getValue());
    }

    /** Scrolls the least needed to bring a chart point into view. */
    public void reveal(Pt chartPoint) {
        double h = canvas.getHeight();
        double w = canvas.getWidth();
        if (chartPoint.y() < vertical.getValue() + 20 || chartPoint.y() > vertical.getValue() + h - 20) {
            vertical.setValue(clamp(chartPoint.y() - h / 2, vertical.getMax()));
        }
        if (chartPoint.x() < horizontal.getValue() + 20 || chartPoint.x() > horizontal.getValue() + w - 20) {
            horizontal.setValue(clamp(chartPoint.x() - w / 2, horizontal.getMax()));
        }
    }

    private Pt toChart(double x, double y) {
        return new Pt(x + horizontal.getValue(), y + vertical.getValue());
    }

    /** Writes the chart to {@code target} (SVG, PNG or PDF by its ending); says how it went. */
    public ExportResult exportTo(Path target) {
        ExportResult r = ChartExporter.export(layout, ExportOptions.defaults().withTheme(theme), target);
        onReport.accept(switch (r) {
            case ExportResult.Written w -> "Exported the chart to " + w.file().getFileName();
            case ExportResult.Failed f -> "Could not export the chart: " + f.reason();
        });
        return r;
    }

    private void askExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export chart");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("SVG vector image (*.svg)", "*.svg"),
                new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"),
                new FileChooser.ExtensionFilter("PDF document (*.pdf)", "*.pdf"));
        chooser.setInitialFileName("sequence-chart.svg");
        Path start = DialogFolders.of(ExampleLibrary.locate()).initial(lastFolder, Optional.empty());
        if (start.toFile().isDirectory()) {
            chooser.setInitialDirectory(start.toFile());
        }
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return;
        }
        lastFolder = f.toPath().toAbsolutePath().getParent();
        Path target = f.toPath();
        if (!ChartExporter.supports(target) && chooser.getSelectedExtensionFilter() != null) {
            target = target.resolveSibling(target.getFileName()
                    + chooser.getSelectedExtensionFilter().getExtensions().getFirst().substring(1));
        }
        exportTo(target);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bar = 12;
        vertical.resizeRelocate(w - bar, 0, bar, Math.max(0, h - bar));
        horizontal.resizeRelocate(0, h - bar, Math.max(0, w - bar), bar);
        canvas.setWidth(Math.max(0, w - bar));
        canvas.setHeight(Math.max(0, h - bar));
        ranges();
        paint();
    }

    private void ranges() {
        double vmax = Math.max(0, layout.height() - canvas.getHeight());
        double hmax = Math.max(0, layout.width() - canvas.getWidth());
        vertical.setMax(vmax);
        horizontal.setMax(hmax);
        vertical.setVisibleAmount(vmax == 0 ? 1 : vmax * canvas.getHeight() / Math.max(1, layout.height()));
        horizontal.setVisibleAmount(hmax == 0 ? 1 : hmax * canvas.getWidth() / Math.max(1, layout.width()));
        vertical.setValue(clamp(vertical.getValue(), vmax));
        horizontal.setValue(clamp(horizontal.getValue(), hmax));
        vertical.setDisable(vmax == 0);
        horizontal.setDisable(hmax == 0);
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }

    private void paint() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setFill(javafx.scene.paint.Color.rgb(theme.palette().background().getRed(),
                theme.palette().background().getGreen(), theme.palette().background().getBlue()));
        gc.fillRect(0, 0, w, h);
        if (model.lifelines().isEmpty()) {
            return;
        }
        FXGraphics2D g = new FXGraphics2D(gc);
        org.chanvas.app.diagram.DiagramPainter.prepare(g);
        g.translate(-horizontal.getValue(), -vertical.getValue());
        ChartPainter painter = new ChartPainter(theme);
        painter.paint(g, layout, current);
        if (vertical.getValue() > 0) {
            painter.paintHeaders(g, layout, vertical.getValue());
        }
        g.dispose();
        gc.setTransform(1, 0, 0, 1, 0, 0);
    }
}
