package org.chanvas.app.export;

import java.nio.file.Path;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.model.Network;

/**
 * Writes a network's diagram to a file of one format. Implementations write to a temporary file and move it
 * into place, so a failure never leaves a partial file. The editor's File → Export… and the CLI both call this.
 */
public interface Exporter {

    /** The file name ending this exporter writes, without the dot: {@code png}, {@code svg}, … */
    String extension();

    /** A short name for a file dialog, e.g. "PNG image". */
    String description();

    /**
     * Draws {@code network} with {@code highlights} (ignored when the options turn highlighting off) into
     * {@code target}.
     */
    ExportResult export(Network network, Highlights highlights, ExportOptions options, Path target);
}
