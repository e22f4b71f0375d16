package org.chanvas.app.editor;

import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.chanvas.app.diagram.Theme;
import org.chanvas.app.editor.canvas.DiagramView;
import org.chanvas.app.editor.canvas.Viewport;
import org.chanvas.app.editor.panels.ConsolePanel;
import org.chanvas.app.editor.run.RunBar;
import org.chanvas.app.editor.run.RunController;

/**
 * What presentation mode changes beyond hiding the side panels: the diagram in the dark high-contrast theme, a fit
 * that never shrinks type below {@link Theme#PRESENTATION_NAME_PX} / {@link Theme#PRESENTATION_TEXT_PX} (a network
 * too large for that is shown centred at readable size, and the status line says so), the Console and the
 * sequence chart in a strip under the diagram on demand, and the keys of a slide deck wherever the focus is.
 */
final class Presentation {

    /** A small network is enlarged at most this much: beyond it boxes fill the screen and say nothing more. */
    static final double MAX_SCALE = 2.0;
    /** The Console's type in presentation mode, in pixels. */
    static final double CONSOLE_PX = 22;
    /** Steps of the speed keys (↑ faster, ↓ slower) on the speed slider's 0..1 scale. */
    private static final double SPEED_STEP = 0.1;

    private final Theme theme = Theme.presentation();
    private final DiagramView view;
    private final CanvasPainter painter;
    private final RunController runs;
    private final ConsolePanel console;
    private final Tab consoleTab;
    private final Tab chartTab;
    private final Region chart;
    private final EditorDocument document;
    private final BorderPane canvasArea;
    private final RunBar runBar;
    private final Runnable leave;
    private final VBox strip = new VBox();
    private final ToggleButton consoleToggle = new ToggleButton("Console (C)");
    private final ToggleButton chartToggle = new ToggleButton("Chart (S)");
    private final HBox controls;
    private final EventHandler<KeyEvent> keys = this::key;
    private Scene scene;
    private boolean on;
    /** The status line's last word on fitting, so that a later fit can take it back. */
    private String said;
    /** The window becoming the screen, or a strip opening: fit again and say whether all of it shows. */
    private final javafx.beans.InvalidationListener resized = o -> {
        if (on) {
            fit();
        }
    };

    private javafx.scene.Node editorBottom;
    private javafx.scene.layout.Pane runBarHome;
    private int runBarIndex;

    Presentation(DiagramView view, CanvasPainter painter, RunController runs, ConsolePanel console, Tab consoleTab,
                 Region chart, Tab chartTab, EditorDocument document, BorderPane canvasArea, RunBar runBar,
                 Runnable leave) {
        this.chart = chart;
        this.view = view;
        this.painter = painter;
        this.runs = runs;
        this.console = console;
        this.consoleTab = consoleTab;
        this.chartTab = chartTab;
        this.document = document;
        this.canvasArea = canvasArea;
        this.runBar = runBar;
        this.leave = leave;
        consoleToggle.setId("presentation-console");
        chartToggle.setId("presentation-chart");
        consoleToggle.setTooltip(new Tooltip("Show the Console under the diagram (C)"));
        chartToggle.setTooltip(new Tooltip("Show the sequence chart under the diagram (S)"));
        consoleToggle.setFocusTraversable(false);
        chartToggle.setFocusTraversable(false);
        consoleToggle.selectedProperty().addListener((o, a, b) -> layOutStrip());
        chartToggle.selectedProperty().addListener((o, a, b) -> layOutStrip());
        Label pace = new Label();
        pace.setId("presentation-pace");
        pace.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> describePace(runs.speedProperty().get()), runs.speedProperty()));
        controls = new HBox(8, pace, consoleToggle, chartToggle);
        controls.setId("presentation-controls");
        controls.getStyleClass().add("presentation-controls");
        strip.setId("presentation-strip");
        strip.getStyleClass().add("presentation-strip");
    }

    /** "2.5 s per message" or "instant", for the run strip, so the lecturer knows what Space will do. */
    static String describePace(double speed) {
        if (speed >= 0.999) {
            return "instant";
        }
        double s = RunController.secondsPerMessage(speed) / 1e9;
        return (s >= 1 ? String.format(java.util.Locale.ROOT, "%.1f s", s)
                : String.format(java.util.Locale.ROOT, "%.0f ms", s * 1000)) + " per message";
    }

    /** Turns the presentation look on, after the window has hidden its side panels. */
    void enter(Scene s) {
        on = true;
        scene = s;
        view.setTheme(theme);
        painter.setTheme(theme);
        view.setFitLimits(minScale(), MAX_SCALE);
        console.setFontSize(CONSOLE_PX);
        consoleTab.setContent(null);
        chartTab.setContent(null);
        // The editor's bottom (the verify strip above the run bar) comes back as it was when leaving.
        editorBottom = canvasArea.getBottom();
        runBarHome = runBar.getParent() instanceof javafx.scene.layout.Pane p && p != canvasArea ? p : null;
        runBarIndex = runBarHome == null ? 0 : runBarHome.getChildren().indexOf(runBar);
        VBox bottom = new VBox(strip, new HBox(runBar, controls));
        HBox.setHgrow(runBar, Priority.ALWAYS);
        canvasArea.setBottom(bottom);
        layOutStrip();
        canvasArea.getStyleClass().add("presenting");
        view.widthProperty().addListener(resized);
        view.heightProperty().addListener(resized);
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
    }

    /** Back to the editor's look; the window then shows its panels again. */
    void leave() {
        on = false;
        view.widthProperty().removeListener(resized);
        view.heightProperty().removeListener(resized);
        if (said != null && said.equals(document.messageProperty().get())) {
            document.say("");
        }
        said = null;
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
        canvasArea.getStyleClass().remove("presenting");
        strip.getChildren().clear();
        if (runBarHome != null) {
            runBarHome.getChildren().add(Math.min(runBarIndex, runBarHome.getChildren().size()), runBar);
        }
        canvasArea.setBottom(editorBottom == null ? runBar : editorBottom);
        console.setPrefHeight(Region.USE_COMPUTED_SIZE);
        chart.setPrefHeight(Region.USE_COMPUTED_SIZE);
        consoleTab.setContent(console);
        chartTab.setContent(chart);
        console.setFontSize(ConsolePanel.NORMAL_FONT_PX);
        Theme light = Theme.light();
        view.setTheme(light);
        painter.setTheme(light);
        view.setFitLimits(Viewport.MIN_SCALE, 1.5);
    }

    /** Fits the network at readable type: false (and the status line says so) when it is too large to show whole. */
    boolean fit() {
        boolean whole = view.fitToWindow();
        if (!whole) {
            said = "Presentation: the network is larger than the screen at readable type; it is shown at "
                    + Math.round(view.viewport().scale() * 100) + " %, centred. Right-drag pans.";
            document.say(said);
        } else if (said != null && said.equals(document.messageProperty().get())) {
            document.say(""); // it fits now (the window grew to the screen)
            said = null;
        }
        return whole;
    }

    /** The least scale at which names are 24 px and ports, channels and values 18 px. */
    double minScale() {
        return theme.readableScale(Theme.PRESENTATION_NAME_PX, Theme.PRESENTATION_TEXT_PX);
    }

    void toggleConsole() {
        consoleToggle.setSelected(!consoleToggle.isSelected());
    }

    void toggleChart() {
        chartToggle.setSelected(!chartToggle.isSelected());
    }

    boolean consoleShown() {
        return on && consoleToggle.isSelected();
    }

    boolean chartShown() {
        return on && chartToggle.isSelected();
    }

    private void layOutStrip() {
        if (!on) {
            return;
        }
        strip.getChildren().clear();
        if (consoleToggle.isSelected()) {
            console.setPrefHeight(4 * Math.ceil(CONSOLE_PX * 1.6) + 6);
            strip.getChildren().add(console);
        }
        if (chartToggle.isSelected()) {
            chart.setPrefHeight(260);
            strip.getChildren().add(chart);
        }
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case SPACE -> {
                if (runs.runningProperty().get() && !runs.pausedProperty().get()) {
                    runs.pause();
                } else {
                    runs.run();
                }
            }
            case RIGHT -> runs.step();
            case LEFT -> runs.stepBack();
            case HOME -> runs.restart();
            case ESCAPE -> leave.run();
            case C -> toggleConsole();
            case S -> toggleChart();
            case UP -> runs.speedProperty().set(Math.min(1, runs.speedProperty().get() + SPEED_STEP));
            case DOWN -> runs.speedProperty().set(Math.max(0, runs.speedProperty().get() - SPEED_STEP));
            default -> {
                return;
            }
        }
        e.consume();
    }
}
