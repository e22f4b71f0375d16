package org.chanvas.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.app.diagram.Theme;
import org.chanvas.app.export.ExportOptions;
import org.chanvas.app.export.ExportResult;
import org.chanvas.app.export.Exporter;
import org.chanvas.app.export.Exporters;
import org.chanvas.app.export.code.CodeExporter;
import org.chanvas.model.Network;
import org.chanvas.model.analysis.Analysis;
import org.chanvas.model.analysis.AnalysisResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chanvas export FILE -o OUT.{png,svg,pdf,dot}}: draws the diagram with its deadlock-prone cycles
 * highlighted (SPEC §4). Exit 0 when the file is written, 2 on invalid input, a bad option or an
 * unwritable path; then nothing is written.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Draws the diagram, cycles highlighted, to PNG, SVG, PDF or DOT, or writes the network as a Python, Go or Promela program (chosen by OUT's extension).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file was written", "2:invalid input, a bad option or an unwritable path (nothing written)"})
public final class ExportCommand implements Callable<Integer> {

    /** Exit status for a written file. */
    public static final int OK = 0;
    /** Exit status for invalid input, a bad option or an unwritable path (SPEC §4). */
    public static final int INVALID = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the *.chanvas.json network to draw")
    private Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "the file to write: .png, .svg, .pdf or .dot")
    private Path output;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1",
            description = "PNG pixels per diagram unit: 1, 2 or 4 (default ${DEFAULT-VALUE})")
    private int scale;

    @Option(names = "--no-highlight", description = "draw cycles like any other channel")
    private boolean noHighlight;

    @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light",
            description = "colours and type: light (default) or dark, the large-type presentation theme")
    private String theme;

    @Option(names = "--transparent", description = "PNG and SVG: no background")
    private boolean transparent;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        // Code exporters quote the command in their header; they need the network's file name for it.
        Optional<Exporter> exporter = Exporters.forPath(output)
                .map(x -> x instanceof CodeExporter code ? code.from(file) : x);
        if (exporter.isEmpty()) {
            err.println("chanvas export: cannot tell the format of " + output
                    + ": the name must end in .png, .svg, .pdf or .dot (a diagram), or .py, .go or .pml (code)");
            return INVALID;
        }
        if (!ExportOptions.SCALES.contains(scale)) {
            err.println("chanvas export: --scale must be 1, 2 or 4, not " + scale);
            return INVALID;
        }
        Optional<Theme> chosen = Theme.named(theme);
        if (chosen.isEmpty()) {
            err.println("chanvas export: --theme must be light or dark, not " + theme);
            return INVALID;
        }

        Optional<Network> loaded = NetworkInput.load(file, err);
        if (loaded.isEmpty()) {
            return INVALID;
        }
        Network network = loaded.get();
        AnalysisResult analysis = Analysis.of(network);
        if (!analysis.valid()) {
            // The same input `check` calls invalid: a picture of it would mislead.
            NetworkInput.printFaults(file, analysis.faults(), err);
            return INVALID;
        }

        ExportOptions options = new ExportOptions(chosen.get(), scale, transparent, !noHighlight,
                ExportOptions.DEFAULT_MARGIN);
        return switch (exporter.get().export(network, Highlights.fromCycles(analysis.cycles()), options, output)) {
            case ExportResult.Written w -> OK;
            case ExportResult.Failed f -> {
                err.println("chanvas export: " + f.reason());
                yield INVALID;
            }
        };
    }
}
