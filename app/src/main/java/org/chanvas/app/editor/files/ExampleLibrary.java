package org.chanvas.app.editor.files;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the {@code examples/} folder: the property {@code chanvas.examples}, then {@code chanvas.home}/examples
 * (set by the launcher), then the working directory and its parents, then the folders above the app's jar.
 */
public final class ExampleLibrary {

    /** A heading of the Examples menu and its examples, in the order of examples/README.md's table. */
    public record Group(String title, List<Path> examples) {
    }

    /** The headings of examples/README.md and the examples under each, by name; others go under "More". */
    private static final List<Map.Entry<String, List<String>>> GROUPS = List.of(
            Map.entry("The lecture's programs", List.of("prod-cons", "prod-cons-kill", "mult-cons", "select",
                    "barrier", "pool", "echo-server", "client2", "dont-really-block")),
            Map.entry("Deadlock series", List.of("ring-k1-rendezvous", "ring-k1-capacity1", "ring-k2-capacity1",
                    "ring-k2-capacity2", "ring-k3-capacity2", "ring-k3-unbounded", "acyclic-order-deadlock",
                    "acyclic-order-unbounded", "diamond-deadlock", "call-server-waits")),
            Map.entry("Classics", List.of("two-consumers-ten-messages", "select-with-kills", "barrier-rounds",
                    "echo-three-calls", "pool-with-results", "pipeline", "ring-deadlock", "ring-safe", "ring-buffered",
                    "dining-philosophers", "dining-philosophers-fixed")),
            Map.entry("Use cases", List.of("ripple-carry-adder", "science-pipeline")));

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

    /**
     * The example named {@code stem}, e.g. {@code "pool"}, or else the first whose file name starts with it: the
     * exact name first, since {@code pool-with-results} sorts before {@code pool}.
     */
    public Optional<Path> find(String stem) {
        List<Path> all = examples();
        return all.stream().filter(p -> displayName(p).equals(stem)).findFirst()
                .or(() -> all.stream().filter(p -> p.getFileName().toString().startsWith(stem)).findFirst());
    }

    /** The examples under the headings of examples/README.md (empty groups left out), then any others as "More". */
    public List<Group> groups() {
        List<Path> all = examples();
        Map<String, Path> byName = new LinkedHashMap<>();
        all.forEach(p -> byName.put(displayName(p), p));
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<String>> g : GROUPS) {
            List<Path> present = g.getValue().stream().map(byName::remove).filter(p -> p != null).toList();
            if (!present.isEmpty()) {
                groups.add(new Group(g.getKey(), present));
            }
        }
        if (!byName.isEmpty()) {
            groups.add(new Group("More", List.copyOf(byName.values())));
        }
        return groups;
    }

    /** A menu label: the file name without {@code .chanvas.json}. */
    public static String displayName(Path example) {
        String n = example.getFileName().toString();
        return n.endsWith(".chanvas.json") ? n.substring(0, n.length() - ".chanvas.json".length()) : n;
    }
}
