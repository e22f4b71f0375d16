package org.chanvas.app.editor.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.chanvas.model.Network;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.chanvas.model.io.SaveResult;

/**
 * Keeps a copy of unsaved work on disk so a crash loses at most a few seconds of it. Each session writes its
 * own file ({@code session-<id>.chanvas.json}, with the original's path in a {@code .origin} file beside it)
 * and deletes it on a clean exit; what a later start finds there was left by a crash.
 */
public final class Autosave {

    /** A copy left behind by a session that did not exit cleanly. */
    public record Leftover(Path copy, Optional<Path> original, Network network) {
    }

    private final Path dir;
    private final Path copy;
    private final Path origin;

    /** @param sessionId tells this session's copy from those of earlier (crashed) sessions */
    public Autosave(Path dir, String sessionId) {
        this.dir = dir;
        this.copy = dir.resolve("session-" + sessionId + ChanvasFormat.EXTENSION);
        this.origin = dir.resolve("session-" + sessionId + ".origin");
    }

    /** Writes the copy; returns whether it worked (a failure is not worth interrupting anyone). */
    public boolean write(Network network, Optional<Path> original) {
        try {
            Files.createDirectories(dir);
            if (!(ChanvasFormat.save(network, copy) instanceof SaveResult.Saved)) {
                return false;
            }
            Files.writeString(origin, original.map(p -> p.toAbsolutePath().toString()).orElse(""),
                    StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes this session's copy (the work was saved, discarded, or the editor closed cleanly). */
    public void discard() {
        try {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(origin);
        } catch (IOException e) {
            // A stale copy is only offered once more at the next start; nothing is lost.
        }
    }

    public Path copyFile() {
        return copy;
    }

    /** Copies left by other sessions that can still be read, newest first. */
    public List<Leftover> leftovers() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(ChanvasFormat.EXTENSION))
                    .filter(p -> !p.equals(copy))
                    .sorted(Comparator.comparing(Autosave::modified).reversed())
                    .flatMap(p -> read(p).stream())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Deletes a leftover once the person has answered the offer. */
    public void forget(Leftover leftover) {
        try {
            Files.deleteIfExists(leftover.copy());
            Files.deleteIfExists(originOf(leftover.copy()));
        } catch (IOException e) {
            // Offered again next time; harmless.
        }
    }

    private static Optional<Leftover> read(Path p) {
        if (!(ChanvasFormat.read(p) instanceof LoadResult.Loaded(Network network))) {
            return Optional.empty();
        }
        Optional<Path> original = Optional.empty();
        try {
            Path o = originOf(p);
            if (Files.isRegularFile(o)) {
                String text = Files.readString(o, StandardCharsets.UTF_8).strip();
                original = text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
            }
        } catch (IOException | RuntimeException e) {
            original = Optional.empty();
        }
        return Optional.of(new Leftover(p, original, network));
    }

    private static Path originOf(Path copy) {
        String n = copy.getFileName().toString();
        return copy.resolveSibling(n.substring(0, n.length() - ChanvasFormat.EXTENSION.length()) + ".origin");
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
