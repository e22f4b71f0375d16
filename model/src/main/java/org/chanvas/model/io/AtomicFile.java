package org.chanvas.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;

/**
 * Replaces a file's content all at once: the bytes go to a temporary file in the same folder, are forced to the
 * disk, and the temporary file is then renamed over the target. A reader sees the old file or the new one,
 * never half of one, and a save that fails leaves the old file as it was.
 */
public final class AtomicFile {

    /** The last step, swapping the finished temporary file in; a role so that tests can make it fail. */
    @FunctionalInterface
    interface Replacer {
        void replace(Path temp, Path target) throws IOException;
    }

    /** Rename with {@code ATOMIC_MOVE}; where the file system cannot, a plain replacing rename. */
    static final Replacer RENAME = (temp, target) -> {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    };

    private AtomicFile() {
    }

    /** Writes {@code bytes} to {@code target} atomically; on failure says why and leaves the target untouched. */
    public static SaveResult write(Path target, byte[] bytes) {
        return write(target, bytes, RENAME);
    }

    static SaveResult write(Path target, byte[] bytes, Replacer replacer) {
        Path file = target.toAbsolutePath();
        if (Files.isDirectory(file)) {
            return new SaveResult.SaveFailed(target, "cannot save to " + target + ": it is a folder, not a file");
        }
        Path dest;
        try {
            // Saving through a link updates the file it points to, and keeps the link.
            dest = Files.isSymbolicLink(file) ? file.toRealPath() : file;
        } catch (IOException e) {
            return failed(target, e);
        }
        Path dir = dest.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return new SaveResult.SaveFailed(target, "cannot save to " + target + ": the folder " + dir + " does not exist");
        }
        Path temp = dir.resolve("." + dest.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            keepPermissions(dest, temp);
            replacer.replace(temp, dest);
            syncFolder(dir);
            return new SaveResult.Saved(target);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The save has failed already; a stray temporary file is the lesser problem and is hidden.
            }
            return failed(target, e);
        }
    }

    /** A new file would be created with the temporary file's rights; an existing one keeps its own. */
    private static void keepPermissions(Path dest, Path temp) throws IOException {
        if (!Files.exists(dest)) {
            return;
        }
        PosixFileAttributeView from = Files.getFileAttributeView(dest, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (from != null && to != null) {
            Set<PosixFilePermission> perms = from.readAttributes().permissions();
            to.setPermissions(perms);
        }
    }

    /** Makes the rename itself durable; not every system can open a folder for this, and then it is skipped. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // The data itself is forced already; only the folder entry's durability is best effort.
        }
    }

    private static SaveResult failed(Path target, Exception e) {
        return new SaveResult.SaveFailed(target, "cannot save to " + target + ": " + reason(e));
    }

    /** Java's messages for file errors are often just the path; say what went wrong instead. */
    static String reason(Exception e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied" + (a.getFile() == null ? "" : " (" + a.getFile() + ")");
            case NoSuchFileException n -> "no such file or folder" + (n.getFile() == null ? "" : " (" + n.getFile() + ")");
            case FileSystemException f when f.getReason() != null -> f.getReason().toLowerCase(java.util.Locale.ROOT)
                    + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
