package org.chanvas.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Larger files are refused rather than read into memory: no drawable network is near this. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    // Immutable once built, and thread-safe: shared by every read.
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ChanvasFormat() {
    }

    /** Reads the file at {@code file}; errors name it as given. */
    public static LoadResult read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return failed(name, "it is a folder, not a file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return failed(name, "the file is too large (" + size + " bytes; at most " + MAX_BYTES + ")");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return failed(name, "cannot read: " + AtomicFile.reason(e));
        }
        return decodeUtf8(bytes, name);
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
