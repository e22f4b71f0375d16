package org.chanvas.app.export.code;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.app.export.ExportOptions;
import org.chanvas.app.export.ExportResult;
import org.chanvas.app.export.Exporter;
import org.chanvas.model.Network;
import org.chanvas.model.io.AtomicFile;

/**
 * Adapts a {@link CodeGenerator} to the {@link Exporter} role, so the command line and File → Export… find code
 * targets by their ending as they find the diagram formats. The drawing options do not apply to code.
 */
public final class CodeExporter implements Exporter {

    private final CodeGenerator generator;
    private final String source;

    /** @param source how the header names the network's file; the editor does not always have one */
    public CodeExporter(CodeGenerator generator, String source) {
        this.generator = generator;
        this.source = source;
    }

    public CodeExporter(CodeGenerator generator) {
        this(generator, "NETWORK.chanvas.json");
    }

    /** The same exporter, quoting {@code file} as the network's file in the header. */
    public CodeExporter from(Path file) {
        return new CodeExporter(generator, file.toString());
    }

    @Override
    public String extension() {
        return generator.extension();
    }

    @Override
    public String description() {
        return generator.description();
    }

    @Override
    public ExportResult export(Network network, Highlights highlights, ExportOptions options, Path target) {
        String text;
        try {
            text = generator.generate(network, "chanvas export " + source + " -o " + target);
        } catch (CodeGenerator.Unsupported e) {
            return new ExportResult.Failed(target, e.getMessage());
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (AtomicFile.Pending pending = AtomicFile.open(target)) {
            pending.stream().write(bytes);
            pending.commit();
            return new ExportResult.Written(target, bytes.length);
        } catch (java.io.IOException | RuntimeException e) {
            return new ExportResult.Failed(target, "cannot write " + target + ": " + e.getMessage());
        }
    }
}
