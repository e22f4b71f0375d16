package org.chanvas.app.editor.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recently opened or saved files, newest first, kept in a plain text file (one path a line) so a
 * person can read and edit it. A missing or unreadable list is an empty list, never an error.
 */
public final class RecentFiles {

    /** How many entries the File menu shows. */
    public static final int LIMIT = 10;

    private final Path store;

    public RecentFiles(Path store) {
        this.store = store;
    }

    /** The remembered files that still exist, newest first. */
    public List<Path> list() {
        try {
            if (!Files.isRegularFile(store)) {
                return List.of();
            }
            return Files.readAllLines(store, StandardCharsets.UTF_8).stream()
                    .filter(s -> !s.isBlank())
                    .map(Path::of)
                    .filter(Files::isRegularFile)
                    .distinct()
                    .limit(LIMIT)
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts {@code file} at the top; failing to remember is not worth bothering the person about. */
    public void remember(Path file) {
        List<Path> next = new ArrayList<>();
        Path abs = file.toAbsolutePath().normalize();
        next.add(abs);
        for (Path p : list()) {
            if (!p.toAbsolutePath().normalize().equals(abs) && next.size() < LIMIT) {
                next.add(p);
            }
        }
        try {
            Files.createDirectories(store.getParent());
            Files.write(store, next.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The list is a convenience: a read-only home must not stop anyone from working.
        }
    }
}
