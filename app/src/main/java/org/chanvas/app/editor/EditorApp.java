package org.chanvas.app.editor;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The editor's JavaFX entry point. */
public final class EditorApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Chanvas"), 400, 300));
        stage.show();
    }
}
