package org.chanvas.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.chanvas.model.Network;

/**
 * The {@code chanvas/1} file format (SPEC §2): reads a file into a {@link Network} or into faults that name the
 * file, line, column and JSON path; writes a network in a stable, diff-friendly layout; saves atomically.
 * Unknown fields of the file, at every level, are kept in the records' {@code extra} maps as Jackson
 * {@code JsonNode}s and written back. Reading never throws on bad input, and a failed load changes nothing.
 */
public final class ChanvasFormat {

    /** The value of the "format" field. */
    public static final String FORMAT = "chanvas/1";

    /** The usual file name ending. */
    public static final String EXTENSION = ".chanvas.json";

    /** Larger files (64 MiB) are refused rather than read into memory: no drawable network is near this. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    // Immutable once built, and thread-safe: shared by every read.
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ChanvasFormat() {
    }

    /**
     * Reads the file at {@code file}; errors name it as given. Only a regular file (or a link to one) of at most
     * {@link #MAX_BYTES} is read: the type is checked before opening, so a FIFO cannot block and a device such
     * as {@code /dev/zero} cannot fill the memory.
     */
    public static LoadResult read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                return failed(name, "it is a folder, not a file");
            }
            if (!attributes.isRegularFile()) {
                return failed(name, "it is not a regular file (a device, a pipe or a socket); Chanvas reads only files");
            }
            if (attributes.size() > MAX_BYTES) {
                return failed(name, tooLarge());
            }
            // The size was only a hint (files under /proc say 0, a file may grow): read one byte past the limit.
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                return failed(name, tooLarge());
            }
        } catch (IOException e) {
            return failed(name, "cannot read: " + AtomicFile.reason(e));
        }
        return decodeUtf8(bytes, name);
    }

    private static String tooLarge() {
        return "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB, the most a network file may have";
    }

    /** Reads a document from {@code text}; {@code sourceName} is the name errors give it. */
    public static LoadResult read(String text, String sourceName) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return switch (JsonTree.parse(JSON, body)) {
            case JsonTree.SyntaxError(JsonTree.Where where, String message) -> new LoadResult.Failed(
                    List.of(new LoadError(sourceName, where.line(), where.column(), "", message)));
            case JsonTree.Tree(JsonTree.Node root) -> new NetworkDecoder(sourceName).decode(root);
        };
    }

    /** The text of {@code network} as a {@code chanvas/1} file, ending in a newline. */
    public static String write(Network network) {
        return NetworkEncoder.encode(network);
    }

    /** Saves {@code network} to {@code file} atomically; a failed save leaves an existing file untouched. */
    public static SaveResult save(Network network, Path file) {
        return AtomicFile.write(file, write(network).getBytes(StandardCharsets.UTF_8));
    }

    static SaveResult save(Network network, Path file, AtomicFile.Replacer replacer) {
        return AtomicFile.write(file, write(network).getBytes(StandardCharsets.UTF_8), replacer);
    }

    private static LoadResult failed(String name, String message) {
        return new LoadResult.Failed(List.of(new LoadError(name, 0, 0, "", message)));
    }

    /** Strict UTF-8: a bad byte is reported at its line and column instead of becoming a replacement character. */
    private static LoadResult decodeUtf8(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            out.flip();
            int line = 1;
            int column = 1;
            while (out.hasRemaining()) {
                char ch = out.get();
                if (ch == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new LoadResult.Failed(List.of(new LoadError(name, line, column, "",
                    "not UTF-8 text: byte 0x" + String.format("%02x", bytes[in.position()] & 0xff)
                            + " at offset " + in.position() + " cannot be decoded")));
        }
        decoder.flush(out);
        out.flip();
        return read(out.toString(), name);
    }
}
