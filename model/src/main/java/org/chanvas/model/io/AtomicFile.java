package org.chanvas.model.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
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

    /**
     * A file being written: its bytes go to {@link #stream()}, and {@link #commit()} puts them in place. Closing
     * without a commit abandons it, and the target stays as it was. Where the target (or what a symbolic link
     * names) is not a regular file but a device or a pipe ({@code /dev/stdout}, {@code /dev/full}), the bytes
     * go to it directly: it has no content to keep, and it must not be replaced by a regular file.
     */
    public static final class Pending implements Closeable {
        private final Path dest;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream stream;
        private boolean done;

        private Pending(Path dest, Path temp, FileChannel channel, OutputStream stream) {
            this.dest = dest;
            this.temp = temp;
            this.channel = channel;
            this.stream = stream;
        }

        /** Where the bytes end: the target, or the file a symbolic link at the target names. */
        public Path destination() {
            return dest;
        }

        /** The stream to write to (buffered). */
        public OutputStream stream() {
            return stream;
        }

        /** Forces the bytes to the disk and swaps the file in; on failure nothing has changed at the target. */
        public void commit() throws IOException {
            if (done) {
                throw new IllegalStateException("already committed or abandoned");
            }
            try {
                stream.flush();
                if (temp != null) {
                    channel.force(true);
                }
                stream.close();
                if (temp != null) {
                    keepPermissions(dest, temp);
                    RENAME.replace(temp, dest);
                    syncFolder(dest.getParent());
                }
                done = true;
            } finally {
                if (!done) {
                    close();
                }
            }
        }

        /** Abandons an uncommitted file: the temporary file is deleted; a no-op after {@link #commit()}. */
        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // Abandoning after a failure: the failure being reported is the one that matters.
            }
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // As above: a stray hidden temporary file is the lesser problem.
                }
            }
        }
    }

    /**
     * Starts writing {@code target}: through a temporary file beside it (or beside the file a symbolic link
     * names, keeping the link), moved into place by {@link Pending#commit()}.
     *
     * @throws IOException with a reason in words ({@link #reason}) when the target cannot be written at all: a
     *                     folder, a missing folder, a link to nothing, no permission
     */
    public static Pending open(Path target) throws IOException {
        Path file = target.toAbsolutePath();
        Path dest = file;
        if (Files.isSymbolicLink(file)) {
            try {
                dest = file.toRealPath();
            } catch (NoSuchFileException e) {
                throw new FileSystemException(null, null,
                        "it is a symbolic link to " + Files.readSymbolicLink(file) + ", which does not exist");
            }
        }
        if (Files.isDirectory(dest)) {
            throw new FileSystemException(null, null, "it is a folder, not a file");
        }
        if (Files.exists(dest) && !Files.isRegularFile(dest)) {
            FileChannel ch = FileChannel.open(dest, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return new Pending(dest, null, ch, new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16));
        }
        Path dir = dest.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new FileSystemException(null, null, "the folder " + dir + " does not exist");
        }
        Path temp = dir.resolve("." + dest.getFileName() + "." + UUID.randomUUID() + ".tmp");
        FileChannel ch;
        try {
            ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // The temporary file's name means nothing to the person who asked for the target: name its folder.
            String why = switch (e) {
                case AccessDeniedException a -> "permission denied";
                case NoSuchFileException n -> "no such file or folder";
                case FileSystemException f when f.getReason() != null -> lowerFirst(f.getReason());
                default -> reason(e);
            };
            throw new FileSystemException(null, null, "no new file can be made in " + dir + " (" + why + ")");
        }
        return new Pending(dest, temp, ch, new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16));
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
    public static String reason(Exception e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied" + (a.getFile() == null ? "" : " (" + a.getFile() + ")");
            case NoSuchFileException n -> "no such file or folder" + (n.getFile() == null ? "" : " (" + n.getFile() + ")");
            case FileSystemException f when f.getReason() != null -> lowerFirst(f.getReason())
                    + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    /** The system's "Read-only file system" reads as part of a sentence; a path inside keeps its case. */
    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
