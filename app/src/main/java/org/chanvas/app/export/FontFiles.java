package org.chanvas.app.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the TrueType files of the diagram's font, so a PDF can embed them and its text stays text
 * (extractable, searchable) instead of outlines.
 */
final class FontFiles {

    /** DejaVu Sans regular and bold: the only faces the painter uses. */
    static final Set<String> DEJAVU = Set.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf");

    private FontFiles() {
    }

    /** The font files with the given names found in the usual font folders, at most one per name. */
    static List<Path> find(Set<String> names) {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of(System.getProperty("java.home"), "lib", "fonts"));
        roots.add(Path.of("/usr/share/fonts"));
        roots.add(Path.of("/usr/local/share/fonts"));
        roots.add(Path.of(System.getProperty("user.home"), ".fonts"));
        roots.add(Path.of(System.getProperty("user.home"), ".local", "share", "fonts"));
        roots.add(Path.of("/Library/Fonts"));
        roots.add(Path.of(System.getProperty("user.home"), "Library", "Fonts"));
        String windir = System.getenv("WINDIR");
        if (windir != null) {
            roots.add(Path.of(windir, "Fonts"));
        }
        List<Path> found = new ArrayList<>();
        Set<String> missing = new java.util.HashSet<>(names);
        for (Path root : roots) {
            if (missing.isEmpty() || !Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root, 4)) {
                files.filter(p -> missing.contains(p.getFileName().toString()) && Files.isRegularFile(p))
                        .sorted()
                        .forEach(p -> {
                            if (missing.remove(p.getFileName().toString())) {
                                found.add(p);
                            }
                        });
            } catch (IOException | java.io.UncheckedIOException e) {
                // An unreadable font folder only means fewer fonts; text then falls back to outlines.
            }
        }
        return found;
    }
}
