package org.chanvas.app.editor;

import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.chanvas.app.editor.canvas.CanvasGestures;
import org.chanvas.app.editor.canvas.DiagramView;
import org.chanvas.app.editor.canvas.InPlaceRename;
import org.chanvas.app.editor.files.ExportAction;
import org.chanvas.app.editor.files.FileController;
import org.chanvas.app.editor.panels.ConsolePanel;
import org.chanvas.app.editor.panels.InspectorPanel;
import org.chanvas.app.editor.panels.MessageBar;
import org.chanvas.app.editor.panels.PalettePanel;
import org.chanvas.app.editor.panels.ProblemsPanel;
import org.chanvas.app.editor.run.RunController;
import org.chanvas.model.Justification;
import org.chanvas.model.edit.AddJustification;
import org.chanvas.model.edit.RemoveJustification;
import org.chanvas.model.script.ScriptParser;

/**
 * The main window, built in code: menus and toolbar on top, the palette, the canvas and the inspector in the
 * middle, Problems and Console below, a status line at the bottom. It wires the view model to the views; the
 * work itself sits in the document, the gestures, the actions, the file and run controllers.
 */
public final class EditorWindow {

    private final Stage stage;
    private final EditorDocument document = new EditorDocument();
    private final Selection selection = new Selection();
    private final ScriptCache scripts = new ScriptCache(ScriptParser::parse);
    private final LiveAnalysis analysis = new LiveAnalysis();
    private final CanvasPainter painter;
    private final DiagramView view;
    private final PalettePanel palette;
    private final InspectorPanel inspector;
    private final ProblemsPanel problems;
    private final ConsolePanel console = new ConsolePanel();
    private final MessageBar messages = new MessageBar();
    private final EditActions edits;
    private final FileController files;
    private final ExportAction exports;
    private final RunController runs;
    private final org.chanvas.app.editor.verify.VerifyController verify;
    private final CanvasGestures gestures;
    private final Label badge = new Label();
    private final Label status = new Label();
    private final Label zoom = new Label();
    private final TabPane bottom = new TabPane();
    private final BorderPane root = new BorderPane();
    private LiveAnalysis.Report report = LiveAnalysis.Report.empty();
    private BorderPane canvasArea;
    private org.chanvas.app.editor.run.RunBar runBar;
    private Presentation presentation;
    /** The window's place before presentation mode made it the screen's size, or null. */
    private javafx.geometry.Rectangle2D windowed;
    private SplitPane middle;
    private SplitPane vertical;
    private final javafx.beans.property.BooleanProperty presenting =
            new javafx.beans.property.SimpleBooleanProperty(this, "presenting");

    public EditorWindow(Stage stage) {
        this.stage = stage;
        this.painter = new CanvasPainter(selection);
        this.view = new DiagramView(painter);
        this.inspector = new InspectorPanel(document, selection, scripts);
        this.problems = new ProblemsPanel(this::justify, this::unjustify);
        this.edits = new EditActions(document, selection, view);
        this.files = new FileController(stage, document, messages, console, inspector::flush);
        this.exports = new ExportAction(stage, document, messages, painter::cyclesOnly);
        this.runs = new RunController(document, view, painter, console, messages, inspector, selection, this::currentReport);
        this.verify = new org.chanvas.app.editor.verify.VerifyController(document, runs, messages, inspector::flush,
                marks -> {
                    painter.setProven(org.chanvas.app.editor.verify.CycleWords.proven(marks));
                    problems.setVerdicts(org.chanvas.app.editor.verify.CycleWords.of(marks),
                            org.chanvas.app.editor.verify.CycleWords.proven(marks));
                    refreshAnalysis();
                    org.chanvas.app.editor.verify.CycleWords.badge(marks, report.alarming()).ifPresent(t -> {
                        badge.setText(t);
                        badge.getStyleClass().removeAll("badge-alarm");
                        badge.getStyleClass().add("badge-ok");
                    });
                });
        Pane renameLayer = new Pane();
        renameLayer.setPickOnBounds(false);
        InPlaceRename rename = new InPlaceRename(renameLayer, view, document);
        this.palette = new PalettePanel(t -> {
            var c = view.centreWorld();
            gestures().addProcess(t, c.getX(), c.getY());
        });
        this.gestures = new CanvasGestures(view, document, selection, new Connector(scripts), this::chooseConnection,
                () -> Optional.ofNullable(palette.list().getSelectionModel().getSelectedItem())
                        .orElse(ProcessTemplate.empty()), rename::start);
        createView(renameLayer);
        initListeners();
        initKeys(rename);
        files.setOnOpened(() -> {
            runs.forget(); // a new document starts with an empty Console and no run

            view.fitToWindow();
        });
        refreshAnalysis();
        // Leaving full screen the platform's way (its own Esc) leaves presentation mode too.
        stage.fullScreenProperty().addListener((o, was, is) -> {
            if (!is) {
                setPresentation(false);
            }
        });
    }

    private CanvasGestures gestures() {
        return gestures;
    }

    private void createView(Pane renameLayer) {
        StackPane canvasStack = new StackPane(view, renameLayer);
        canvasStack.getStyleClass().add("canvas-stack");
        // The banner sits above the canvas, not over it: a deadlock's words never hide the cycle they explain.
        canvasArea = new BorderPane(canvasStack);
        canvasArea.setTop(messages);
        runBar = new org.chanvas.app.editor.run.RunBar(runs);
        canvasArea.setBottom(new VBox(new org.chanvas.app.editor.verify.VerifyBar(verify), runBar));
        canvasStack.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(PalettePanel.TEMPLATE) && !document.lockedProperty().get()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        canvasStack.setOnDragDropped(e -> {
            Object name = e.getDragboard().getContent(PalettePanel.TEMPLATE);
            boolean done = false;
            if (name instanceof String s) {
                var w = view.viewport().toWorld(e.getX(), e.getY());
                done = gestures.addProcess(ProcessTemplate.named(s), w.getX(), w.getY()).isPresent();
            }
            e.setDropCompleted(done);
            e.consume();
        });

        Tab problemsTab = new Tab("Problems", problems);
        problemsTab.setId("problems-tab");
        Tab consoleTab = new Tab("Console", console);
        consoleTab.setId("console-tab");
        org.chanvas.app.editor.run.SequenceChart chart = new org.chanvas.app.editor.run.SequenceChart();
        runs.setChart(chart);
        Tab chartTab = new Tab("Sequence", chart);
        chartTab.setId("sequence-tab");
        Tab verifyTab = new Tab("Verify", new org.chanvas.app.editor.verify.VerifyPanel(verify, runs));
        verifyTab.setId("verify-tab");
        verify.setOnCounterexample(() -> bottom.getSelectionModel().select(verifyTab));
        bottom.getTabs().addAll(problemsTab, consoleTab, chartTab, verifyTab);
        presentation = new Presentation(view, painter, runs, console, consoleTab, chart, chartTab, document,
                canvasArea, runBar, () -> setPresentation(false));
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        palette.setPrefWidth(170);
        palette.setMinWidth(130);
        inspector.setPrefWidth(360);
        inspector.setMinWidth(260);
        middle = new SplitPane(palette, canvasArea, inspector);
        middle.setDividerPositions(0.13, 0.72);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        vertical = new SplitPane(middle, bottom);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.76);
        SplitPane.setResizableWithParent(bottom, false);

        badge.setId("cycle-badge");
        badge.getStyleClass().add("cycle-badge");
        MenusAndTools chrome = new MenusAndTools(document, edits, files, exports, runs, view, badge,
                () -> setPresentation(!presenting.get()));
        chrome.addVerify(verify);
        root.setTop(new VBox(chrome.menuBar(), chrome.toolBar()));
        root.setCenter(vertical);
        status.setId("status");
        HBox statusBar = new HBox(12, status, new Region(), zoom);
        HBox.setHgrow(statusBar.getChildren().get(1), Priority.ALWAYS);
        statusBar.getStyleClass().add("status-bar");
        root.setBottom(statusBar);
        root.getStyleClass().add("editor-root");
    }

    private void initListeners() {
        document.networkProperty().addListener((o, a, n) -> {
            selection.follow(a, n);
            view.setNetwork(n);
            refreshAnalysis();
        });
        selection.processes().addListener((SetChangeListener<String>) c -> view.repaint());
        selection.channels().addListener((SetChangeListener<String>) c -> view.repaint());
        selection.cycleProperty().addListener((o, a, c) -> view.repaint());
        problems.selectedProperty().addListener((o, a, p) -> {
            switch (p) {
                case Problem.Cycle c -> selection.cycleProperty().set(c.key());
                case Problem.Fault f -> {
                    selection.cycleProperty().set(null);
                    if (f.process() != null && document.network().process(f.process()).isPresent()) {
                        selection.selectProcess(f.process());
                        if (f.pos() != null) {
                            inspector.processInspector().scriptEditor().goTo(f.pos());
                        }
                    }
                }
                case null -> selection.cycleProperty().set(null);
            }
        });
        status.textProperty().bind(document.messageProperty());
        runs.runningProperty().addListener((o, was, is) -> {
            if (is) {
                showConsole(true);
            }
        });
        zoom.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(view.viewport().scale() * 100) + " %", view.viewport().scaleProperty()));
        stage.titleProperty().bind(Bindings.createStringBinding(this::title, document.fileProperty(),
                document.dirtyProperty(), document.networkProperty()));
    }

    /** Keys of the canvas that no menu item carries. */
    private void initKeys(InPlaceRename rename) {
        view.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case BACK_SPACE -> edits.delete();
                case ESCAPE -> {
                    setPresentation(false);
                    selection.clear();
                    selection.cycleProperty().set(null);
                    problems.clearSelection();
                    view.clearPreview();
                }
                case F2 -> selection.singleProcess().ifPresent(rename::start);
                // Walking a run's history: the keys a lecturer expects from a slide deck.
                case RIGHT -> runs.step();
                case LEFT -> runs.stepBack();
                case HOME -> runs.restart();
                case SPACE -> {
                    if (runs.runningProperty().get() && !runs.pausedProperty().get()) {
                        runs.pause();
                    } else {
                        runs.run();
                    }
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private String title() {
        String name = document.file().map(p -> p.getFileName().toString()).orElse("Untitled");
        return (document.isDirty() ? "\u2022 " : "") + name + " \u2014 Chanvas";
    }

    private void refreshAnalysis() {
        report = analysis.analyse(document.network());
        painter.setCycles(report.cycles());
        problems.show(report.problems());
        long n = report.alarming();
        long j = report.cycles().size() - n;
        badge.setText(n == 0 ? (j > 0 ? "\u2713 " + j + " justified" : "\u2713 no cycles")
                : "\u27f3 " + n + (n == 1 ? " cycle" : " cycles") + (report.truncated() ? "+" : ""));
        badge.getStyleClass().removeAll("badge-ok", "badge-alarm");
        badge.getStyleClass().add(n == 0 ? "badge-ok" : "badge-alarm");
        view.repaint();
    }

    private LiveAnalysis.Report currentReport() {
        return report;
    }

    private Optional<ConnectOption> chooseConnection(List<ConnectOption> options) {
        ChoiceDialog<String> d = new ChoiceDialog<>(options.getFirst().describe(),
                options.stream().map(ConnectOption::describe).toList());
        d.initOwner(stage);
        d.setTitle("Connect");
        d.setHeaderText("The scripts leave more than one way to connect these processes.");
        d.setContentText("Connect:");
        return d.showAndWait().flatMap(s -> options.stream().filter(o -> o.describe().equals(s)).findFirst());
    }

    private void justify(Problem.Cycle cycle) {
        TextInputDialog d = new TextInputDialog(cycle.note()); // re-justifying a stale cycle starts from its note
        d.initOwner(stage);
        d.setTitle("Justify cycle");
        d.setHeaderText("Why can " + cycle.path() + " not deadlock?");
        d.setContentText("Note:");
        d.showAndWait().ifPresent(note -> justify(cycle, note));
    }

    /** Marks a cycle justified with a note (one undo step, saved with the file). */
    public void justify(Problem.Cycle cycle, String note) {
        document.execute(new AddJustification(new Justification(cycle.key(), note)));
    }

    private void unjustify(Problem.Cycle cycle) {
        document.execute(new RemoveJustification(cycle.key()));
    }

    public Parent root() {
        return root;
    }

    public EditorDocument document() {
        return document;
    }

    public Selection selection() {
        return selection;
    }

    public DiagramView view() {
        return view;
    }

    public FileController files() {
        return files;
    }

    public RunController runs() {
        return runs;
    }

    public org.chanvas.app.editor.verify.VerifyController verify() {
        return verify;
    }

    public ConsolePanel console() {
        return console;
    }

    public ProblemsPanel problems() {
        return problems;
    }

    public MessageBar messages() {
        return messages;
    }

    public InspectorPanel inspector() {
        return inspector;
    }

    public ExportAction exports() {
        return exports;
    }

    public EditActions edits() {
        return edits;
    }

    public CanvasGestures canvasGestures() {
        return gestures;
    }

    public LiveAnalysis.Report report() {
        return report;
    }

    /**
     * Presentation mode (View → Presentation, F11): full screen, the diagram alone with its run strip; the
     * palette, inspector and bottom panels come back when it ends (Esc, or F11 again).
     */
    public void setPresentation(boolean on) {
        setPresentation(on, on);
    }

    /** Presentation mode, full screen or (tests, a second screen) in the window as it is. */
    public void setPresentation(boolean on, boolean fullScreen) {
        if (on == presenting.get()) {
            return;
        }
        presenting.set(on);
        if (on) {
            middle.getItems().setAll(canvasArea);
            vertical.getItems().setAll(middle);
            presentation.enter(stage.getScene());
        } else {
            presentation.leave();
            middle.getItems().setAll(palette, canvasArea, inspector);
            middle.setDividerPositions(0.13, 0.72);
            vertical.getItems().setAll(middle, bottom);
            vertical.setDividerPositions(0.76);
        }
        root.getTop().setVisible(!on);
        root.getTop().setManaged(!on);
        if (on && fullScreen) {
            // Also the screen's size as a window: without a window manager (a bare X server, a projector's
            // kiosk) full screen is not granted and the window would keep its size.
            windowed = new javafx.geometry.Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        }
        if (fullScreen || !on) {
            stage.setFullScreen(on && fullScreen);
        }
        if (!on && windowed != null) {
            stage.setX(windowed.getMinX());
            stage.setY(windowed.getMinY());
            stage.setWidth(windowed.getWidth());
            stage.setHeight(windowed.getHeight());
            windowed = null;
        }
        root.applyCss();
        root.layout();
        if (on) {
            presentation.fit(); // large type from the back row; never below readable (Presentation says why)
        } else {
            view.fitToWindow();
        }
    }

    /** Presentation mode's strip under the diagram: the Console (key C) and the sequence chart (key S). */
    public void togglePresentationConsole() {
        presentation.toggleConsole();
    }

    public void togglePresentationChart() {
        presentation.toggleChart();
    }

    /** Whether presentation mode shows the Console / the chart under the diagram now. */
    public boolean presentationShowsConsole() {
        return presentation.consoleShown();
    }

    public boolean presentationShowsChart() {
        return presentation.chartShown();
    }

    /** What paints the canvas (tests read its theme and the texts of a frame). */
    public CanvasPainter painter() {
        return painter;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty presentingProperty() {
        return presenting;
    }

    /** Shows the Console tab (a run started) or the Problems tab. */
    public void showConsole(boolean console) {
        bottom.getSelectionModel().select(console ? 1 : 0);
    }
}
