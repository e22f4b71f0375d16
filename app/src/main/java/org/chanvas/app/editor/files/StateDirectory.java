package org.chanvas.app.editor.files;

import java.nio.file.Path;

/**
 * Where the editor keeps what outlives a session (recent files, autosave copies): {@code ~/.chanvas},
 * or the directory named by the system property {@code chanvas.state} so tests never touch a real home.
 */
public record StateDirectory(Path root) {

    public static StateDirectory fromSystem() {
        String override = System.getProperty("chanvas.state");
        if (override != null && !override.isBlank()) {
            return new StateDirectory(Path.of(override));
        }
        return new StateDirectory(Path.of(System.getProperty("user.home"), ".chanvas"));
    }

    public Path recentFile() {
        return root.resolve("recent.txt");
    }

    public Path autosaveDirectory() {
        return root.resolve("autosave");
    }
}
