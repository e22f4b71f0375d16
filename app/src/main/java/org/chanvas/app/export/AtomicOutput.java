package org.chanvas.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.chanvas.model.io.AtomicFile;

/**
 * Writes an export to a temporary file beside the target and moves it into place only when it is complete,
 * so a failure (a full disk, a drawing error) never leaves a partial file or damages an old one. A symbolic
 * link at the target is kept and the file it names is replaced; a device or pipe there is written directly
 * ({@link AtomicFile#open}), never replaced by a regular file.
 */
final class AtomicOutput {

    /** Produces a file's bytes. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicOutput() {
    }

    static ExportResult write(Path target, Body body) {
        try (AtomicFile.Pending pending = AtomicFile.open(target)) {
            body.writeTo(pending.stream());
            pending.commit();
            // A device has no size to read back.
            long bytes = Files.isRegularFile(pending.destination()) ? Files.size(pending.destination()) : 0;
            return new ExportResult.Written(target, bytes);
        } catch (IOException | RuntimeException e) {
            return new ExportResult.Failed(target, "cannot write " + target + ": " + reason(e));
        }
    }

    /** The cause in words, without Java exception names where a plainer phrase exists. */
    static String reason(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return switch (t) {
            case AccessDeniedException a -> "permission denied";
            case NoSuchFileException n -> "no such file or folder";
            case FileSystemException f -> f.getReason() != null ? f.getReason() : f.getMessage();
            default -> t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        };
    }
}
