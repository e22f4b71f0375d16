package org.chanvas.app.editor.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where Open, Save and Export dialogs start: the last folder the user chose, else the open document's folder,
 * else the user's documents folder (or home) — never a folder inside the application, such as its examples,
 * where a lecturer's own files do not belong.
 *
 * @param application folders of the application (the examples); candidates inside them are passed over
 * @param home        the user's home folder
 */
public record DialogFolders(Optional<Path> application, Path home) {

    /** The folders of this installation and this user. */
    public static DialogFolders of(ExampleLibrary examples) {
        return new DialogFolders(examples.folder(), Path.of(System.getProperty("user.home")));
    }

    /** The folder a dialog starts in. */
    public Path initial(Path lastUsed, Optional<Path> documentFile) {
        return Stream.concat(Stream.ofNullable(lastUsed),
                        documentFile.map(p -> p.toAbsolutePath().getParent()).stream())
                .filter(p -> p != null && Files.isDirectory(p) && !insideApplication(p))
                .findFirst()
                .orElseGet(this::documents);
    }

    /** {@code ~/Documents} when there is one, else home. */
    public Path documents() {
        Path d = home.resolve("Documents");
        return Files.isDirectory(d) ? d : home;
    }

    private boolean insideApplication(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return application.map(a -> abs.startsWith(a.toAbsolutePath().normalize())).orElse(false);
    }
}
