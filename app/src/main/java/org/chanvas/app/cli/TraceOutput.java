package org.chanvas.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.chanvas.model.io.AtomicFile;

/**
 * The file {@code run --trace OUT} writes: refused when it is a file the run reads (the network itself, a
 * replayed trace), written through a temporary file and moved into place when the run is over, so that a
 * failure leaves the old file (or none) and never one cut mid-line. A device such as {@code /dev/stdout} is
 * written directly.
 *
 * <p>Exit codes: a trace path that cannot be written at all is refused before the run, exit 2 (invalid
 * input); a trace that fails while or after the run is written (a full disk, {@code /dev/full}) ends the
 * command with {@link #UNWRITTEN}, whatever the run's own outcome, which is still reported.
 */
final class TraceOutput implements AutoCloseable {

    /** Exit status when the run ended but its trace could not be written (SPEC §4). */
    static final int UNWRITTEN = 7;

    private final Path trace;
    private final AtomicFile.Pending pending;
    private final Recording writer;

    private TraceOutput(Path trace, AtomicFile.Pending pending) {
        this.trace = trace;
        this.pending = pending;
        this.writer = new Recording(new BufferedWriter(new OutputStreamWriter(pending.stream(),
                StandardCharsets.UTF_8)));
    }

    /**
     * Opens {@code trace} for writing, or says on {@code err} why not and gives empty (exit 2 follows).
     *
     * @param reads the files the run reads; the trace must be none of them, even through a link
     */
    static Optional<TraceOutput> open(Path trace, List<Path> reads, PrintWriter err) {
        for (Path read : reads) {
            if (sameFile(trace, read)) {
                err.println("chanvas run: --trace " + trace + (read.equals(trace) ? " would replace "
                        : " is the same file as ") + read + ", which the run reads; choose another file for the trace");
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new TraceOutput(trace, AtomicFile.open(trace)));
        } catch (IOException e) {
            err.println("chanvas run: cannot write the trace " + trace + ": " + AtomicFile.reason(e));
            return Optional.empty();
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            // Unreadable attributes: compare the paths themselves, the case that matters most.
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Where the events go; a write that fails is remembered and the rest are dropped. */
    Writer writer() {
        return writer;
    }

    /**
     * Puts the trace in place, or tells on {@code err} why it could not be written, with the system's reason
     * ("No space left on device"), and leaves any old file as it was.
     *
     * @return whether the trace is complete on disk
     */
    boolean finish(PrintWriter err) {
        try {
            writer.flush();
            if (writer.fault != null) {
                throw writer.fault;
            }
            pending.commit();
            return true;
        } catch (IOException e) {
            pending.close();
            err.println("chanvas run: cannot write the trace " + trace + ": " + AtomicFile.reason(e));
            err.flush();
            return false;
        }
    }

    /** Abandons an unfinished trace: its temporary file goes, an old file at the path stays. */
    @Override
    public void close() {
        pending.close();
    }

    /**
     * Keeps the first failure instead of throwing it into the run's printer, which would report it once per
     * event; {@link #finish} reports it once.
     */
    private static final class Recording extends Writer {
        private final Writer out;
        private IOException fault;

        Recording(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int off, int len) {
            if (fault != null) {
                return;
            }
            try {
                out.write(chars, off, len);
            } catch (IOException e) {
                fault = e;
            }
        }

        @Override
        public void flush() {
            if (fault != null) {
                return;
            }
            try {
                out.flush();
            } catch (IOException e) {
                fault = e;
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
