package org.chanvas.app.editor;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The editor's JavaFX entry point: one window on the file named on the command line, if any. Offers back
 * work a crashed session left, keeps an autosave copy, and asks before unsaved work is lost on close.
 */
public final class EditorApp extends Application {

    private EditorWindow window;

    @Override
    public void start(Stage stage) {
        long toolkitUp = StartupProbe.sinceJvmStart();
        window = new EditorWindow(stage);
        // 1360 x 860 where the screen has room; on a smaller one (a 1366 x 768 laptop, a projector) the
        // window fits inside the screen instead of opening with its menu and edges off it.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(), Math.min(1360, Math.max(900, screen.getWidth() - 40)),
                Math.min(860, Math.max(600, screen.getHeight() - 40)));
        URL css = EditorApp.class.getResource("/chanvas-assets/css/chanvas-light.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            if (window.files().confirmDiscard()) {
                window.runs().stop();
                window.files().shutdown();
            } else {
                e.consume();
            }
        });
        stage.show();
        StartupProbe.watch(scene, toolkitUp, StartupProbe.sinceJvmStart());
        List<String> args = getParameters().getUnnamed();
        boolean restored = args.isEmpty() && window.files().offerRecovery();
        if (!args.isEmpty()) {
            window.files().openFile(Path.of(args.getFirst()));
        }
        if (!restored || !args.isEmpty()) {
            window.view().fitToWindow();
        }
        window.files().startAutosave();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.runs().stop();
        }
    }

    /** The window, for tests that drive the real application. */
    public EditorWindow window() {
        return window;
    }
}
