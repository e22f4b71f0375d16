package org.chanvas.app.editor;

import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Separator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.chanvas.app.editor.canvas.DiagramView;
import org.chanvas.app.editor.files.ExportAction;
import org.chanvas.app.editor.files.FileController;
import org.chanvas.app.editor.run.RunController;

/** The menu bar and the toolbar, with their keyboard shortcuts; each item calls one action. */
final class MenusAndTools {

    private final MenuBar menuBar = new MenuBar();
    private final ToolBar toolBar = new ToolBar();
    private Menu runMenu;

    MenusAndTools(EditorDocument document, EditActions edits, FileController files, ExportAction export,
                  RunController runs, DiagramView view, Label badge, Runnable presentation) {
        BooleanExpression locked = document.lockedProperty();

        Menu file = new Menu("_File");
        Menu recent = new Menu("Open _Recent");
        recent.setOnShowing(e -> files.fillRecent(recent));
        files.fillRecent(recent);
        Menu examples = new Menu("_Examples");
        files.fillExamples(examples);
        file.getItems().addAll(
                item("_New", "Shortcut+N", files::newDocument, locked),
                item("_Open\u2026", "Shortcut+O", files::open, locked),
                recent, examples,
                new SeparatorMenuItem(),
                item("_Save", "Shortcut+S", files::save, null),
                item("Save _As\u2026", "Shortcut+Shift+S", files::saveAs, null),
                item("_Export\u2026", "Shortcut+E", export::ask, null),
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", files::quit, null));

        Menu edit = new Menu("_Edit");
        MenuItem undo = item("_Undo", "Shortcut+Z", edits::undo, locked);
        undo.textProperty().bind(document.undoTextProperty());
        undo.disableProperty().unbind();
        undo.disableProperty().bind(document.canUndoProperty().not().or(locked));
        MenuItem redo = item("_Redo", "Shortcut+Shift+Z", edits::redo, locked);
        redo.textProperty().bind(document.redoTextProperty());
        redo.disableProperty().unbind();
        redo.disableProperty().bind(document.canRedoProperty().not().or(locked));
        MenuItem redoY = item("Redo (Ctrl+Y)", "Shortcut+Y", edits::redo, locked);
        redoY.setVisible(false);
        edit.getItems().addAll(undo, redo, redoY, new SeparatorMenuItem(),
                item("Cu_t", "Shortcut+X", edits::cut, locked),
                item("_Copy", "Shortcut+C", edits::copy, null),
                item("_Paste", "Shortcut+V", edits::paste, locked),
                item("_Duplicate", "Shortcut+D", edits::duplicate, locked),
                item("De_lete", "Delete", edits::delete, locked),
                new SeparatorMenuItem(),
                item("Select _All", "Shortcut+A", edits::selectAll, null));

        Menu viewMenu = new Menu("_View");
        CheckMenuItem snap = new CheckMenuItem("_Snap to Grid");
        snap.setSelected(true);
        snap.selectedProperty().addListener((o, a, on) -> view.setSnap(on));
        viewMenu.getItems().addAll(
                item("Zoom _In", "Shortcut+EQUALS", () -> edits.zoom(1.25), null),
                item("Zoom _Out", "Shortcut+MINUS", () -> edits.zoom(0.8), null),
                item("_Fit to Window", "Shortcut+0", view::fitToWindow, null),
                new SeparatorMenuItem(), snap,
                new SeparatorMenuItem(),
                item("_Presentation", "F11", presentation, null));

        Menu run = new Menu("_Run");
        run.getItems().addAll(
                item("_Run", "F5", runs::run, runs.runningProperty().and(runs.pausedProperty().not())),
                item("_Pause", "F6", runs::pause, runs.runningProperty().not()),
                item("_Step (one message)", "F7", runs::step, null),
                item("Step _Back", "Shift+F7", runs::stepBack, runs.hasRunProperty().not()),
                item("Res_tart", "Shortcut+Home", runs::restart, runs.hasRunProperty().not()),
                item("Run _Again with This Seed", "Shortcut+F5", runs::runAgain, runs.hasRunProperty().not()),
                item("Run _100 Times\u2026", null, () -> runs.runMany(100), runs.runningProperty()),
                item("S_top", "Shift+F5", runs::stop, runs.runningProperty().not()));

        Menu help = new Menu("_Help");
        help.getItems().add(item("_Gestures and Keys", "F1", () -> document.say(
                "Drag from a box's rim to connect; drag a box to move; drag the background to select, right-drag "
                        + "it to pan; double-click the canvas to add, a box to rename; Delete removes; wheel zooms."), null));
        menuBar.getMenus().addAll(file, edit, viewMenu, run, help);
        runMenu = run;

        Button newB = button("New", "New network (Ctrl+N)", files::newDocument, locked);
        Button openB = button("Open", "Open a network (Ctrl+O)", files::open, locked);
        Button saveB = button("Save", "Save (Ctrl+S)", files::save, null);
        Button undoB = button("\u21b6 Undo", "Undo (Ctrl+Z)", edits::undo, null);
        undoB.disableProperty().bind(document.canUndoProperty().not().or(locked));
        Button redoB = button("\u21b7 Redo", "Redo (Ctrl+Shift+Z)", edits::redo, null);
        redoB.disableProperty().bind(document.canRedoProperty().not().or(locked));
        Button fit = button("Fit", "Fit the network to the window (Ctrl+0)", view::fitToWindow, null);
        Button runB = button("Run", "Run the network, animated (F5)", runs::run,
                runs.runningProperty().and(runs.pausedProperty().not()));
        runB.setId("run-button");
        runB.setGraphic(RunGlyphs.play());
        runB.getStyleClass().add("run-button");
        Button pauseB = button("Pause", "Pause the run (F6)", runs::pause,
                runs.runningProperty().not().or(runs.pausedProperty()));
        pauseB.setId("pause-button");
        pauseB.setGraphic(RunGlyphs.pause());
        Button stepB = button("Step", "Let one message through (F7)", runs::step, null);
        stepB.setId("step-button");
        stepB.setGraphic(RunGlyphs.step());
        Button stopB = button("Stop", "Stop and return to editing (Shift+F5)", runs::stop,
                runs.runningProperty().not());
        stopB.setId("stop-button");
        stopB.setGraphic(RunGlyphs.stop());
        Slider speed = new Slider(0, 1, runs.speedProperty().get());
        speed.setId("speed");
        speed.setPrefWidth(140);
        speed.setTooltip(new Tooltip("Speed: from two and a half seconds a message (left) to instant (right)"));
        runs.speedProperty().bindBidirectional(speed.valueProperty()); // presentation keys set it too
        Label slow = new Label("slow");
        Label fast = new Label("instant");
        slow.getStyleClass().add("hint");
        fast.getStyleClass().add("hint");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox speedBox = new HBox(4, slow, speed, fast);
        speedBox.setAlignment(Pos.CENTER);
        Label runState = new Label();
        runState.setId("run-state");
        runState.textProperty().bind(runs.stateTextProperty());
        runState.getStyleClass().add("run-state");
        toolBar.getItems().addAll(newB, openB, saveB, new Separator(), undoB, redoB, new Separator(), fit,
                new Separator(), badge, gap, runState, runB, pauseB, stepB, stopB, speedBox);
    }

    /** Run → Verify (F8) and its Cancel, and a Verify button after the run buttons. */
    void addVerify(org.chanvas.app.editor.verify.VerifyController verify) {
        BooleanExpression busy = BooleanExpression.booleanExpression(verify.exploringProperty());
        runMenu.getItems().addAll(new SeparatorMenuItem(),
                item("_Verify (every interleaving)", "F8", verify::verify, busy),
                item("Cancel Verify", "Shift+F8", verify::cancel, busy.not()));
        Button b = button("Verify", "Prove deadlock-free, or show the shortest way to a deadlock (F8)",
                verify::verify, busy);
        b.setId("verify-button");
        toolBar.getItems().add(toolBar.getItems().indexOf(toolBar.getItems().stream()
                .filter(n -> "stop-button".equals(n.getId())).findFirst().orElseThrow()) + 1, b);
    }

    MenuBar menuBar() {
        return menuBar;
    }

    ToolBar toolBar() {
        return toolBar;
    }

    private static MenuItem item(String text, String keys, Runnable action, BooleanExpression disabled) {
        MenuItem m = new MenuItem(text);
        if (keys != null) {
            m.setAccelerator(keys.equals("Delete") ? new KeyCodeCombination(KeyCode.DELETE)
                    : KeyCombination.keyCombination(keys));
        }
        m.setOnAction(e -> action.run());
        if (disabled != null) {
            m.disableProperty().bind(disabled);
        }
        return m;
    }

    private static Button button(String text, String tip, Runnable action, BooleanExpression disabled) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        if (disabled != null) {
            b.disableProperty().bind(disabled);
        }
        return b;
    }
}
