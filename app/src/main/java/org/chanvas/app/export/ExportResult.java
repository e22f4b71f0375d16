package org.chanvas.app.export;

import java.nio.file.Path;

/** The outcome of an export: the file written, or why nothing was written. */
public sealed interface ExportResult {

    /** The file is complete on disk. */
    record Written(Path file, long bytes) implements ExportResult {
    }

    /** Nothing was written (an old file at the path is untouched); {@code reason} is for a person. */
    record Failed(Path file, String reason) implements ExportResult {
    }
}
