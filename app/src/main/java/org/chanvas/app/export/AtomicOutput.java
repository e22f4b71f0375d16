package org.chanvas.app.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes an export to a temporary file beside the target and moves it into place only when it is complete,
 * so a failure (a full disk, a drawing error) never leaves a partial file or damages an old one.
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
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (Files.isDirectory(file)) {
            return new ExportResult.Failed(target, "cannot write " + target + ": it is a folder");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            return new ExportResult.Failed(target, "cannot write " + target + ": the folder "
                    + (folder == null ? "" : folder) + " does not exist");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + file.getFileName(), ".part");
            shareLikeAnOrdinaryFile(temp, file);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                body.writeTo(out);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return new ExportResult.Written(target, Files.size(file));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            return new ExportResult.Failed(target, "cannot write " + target + ": " + reason(e));
        }
    }

    /**
     * A temporary file is private to its owner; an exported picture is not. Keep the permissions of the
     * file being replaced, or give a new one the usual rw-r--r--.
     */
    private static void shareLikeAnOrdinaryFile(Path temp, Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
        view.setPermissions(perms);
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Nothing more can be done; the failure being reported is the one that matters.
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
