package org.chanvas.app.editor.files;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the {@code examples/} folder: the property {@code chanvas.examples}, then {@code chanvas.home}/examples
 * (set by the launcher), then the working directory and its parents, then the folders above the app's jar.
 */
public final class ExampleLibrary {

    private final Optional<Path> folder;

    public ExampleLibrary(Optional<Path> folder) {
        this.folder = folder;
    }

    /** Looks in the usual places. */
    public static ExampleLibrary locate() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("chanvas.examples");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        String home = System.getProperty("chanvas.home");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home, "examples"));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            candidates.add(p.resolve("examples"));
        }
        try {
            Path code = Path.of(ExampleLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                candidates.add(p.resolve("examples"));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // No code source (e.g. a custom class loader): the other places still count.
        }
        return new ExampleLibrary(candidates.stream().filter(Files::isDirectory).findFirst());
    }

    public Optional<Path> folder() {
        return folder;
    }

    /** Every {@code *.chanvas.json} in the folder, by name. */
    public List<Path> examples() {
        if (folder.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder.get())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".chanvas.json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The example whose file name starts with {@code stem}, e.g. {@code "prod-cons"}. */
    public Optional<Path> find(String stem) {
        return examples().stream().filter(p -> p.getFileName().toString().startsWith(stem)).findFirst();
    }

    /** A menu label: the file name without {@code .chanvas.json}. */
    public static String displayName(Path example) {
        String n = example.getFileName().toString();
        return n.endsWith(".chanvas.json") ? n.substring(0, n.length() - ".chanvas.json".length()) : n;
    }
}
