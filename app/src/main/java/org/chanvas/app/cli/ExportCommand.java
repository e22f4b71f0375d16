package org.chanvas.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.chanvas.app.chart.ChartBuilder;
import org.chanvas.app.chart.ChartLayout;
import org.chanvas.app.chart.TraceChart;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.app.diagram.Theme;
import org.chanvas.app.export.ChartExporter;
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
 * highlighted (SPEC §4); with {@code --trace T.jsonl}, the message sequence chart of that recorded run instead.
 * Exit 0 when the file is written, 2 on invalid input, a trace that does not fit the network, a bad option or
 * an unwritable path; then nothing is written.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Draws the diagram, cycles highlighted, to PNG, SVG, PDF or DOT, or writes the network as a Python, Go or Promela program (chosen by OUT's extension).",
                "With --trace, draws the message sequence chart of a recorded run or counterexample to SVG, PNG or PDF."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file was written", "2:invalid input, a trace that does not fit the network, a bad option or an unwritable path (nothing written)"})
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

    @Option(names = "--trace", paramLabel = "T.jsonl",
            description = "draw the message sequence chart of this trace (run --trace, verify --trace) instead of the diagram; OUT must be .svg, .png or .pdf. At most the latest "
                    + ChartBuilder.MAX_ROWS + " steps are drawn")
    private Path trace;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (trace != null && !ChartExporter.supports(output)) {
            err.println("chanvas export: a sequence chart (--trace) is written as .svg, .png or .pdf, not " + output);
            return INVALID;
        }
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
        if (trace != null) {
            return chart(network, options, err);
        }
        return switch (exporter.get().export(network, Highlights.fromCycles(analysis.cycles()), options, output)) {
            case ExportResult.Written w -> OK;
            case ExportResult.Failed f -> {
                err.println("chanvas export: " + f.reason());
                yield INVALID;
            }
        };
    }

    /** {@code --trace}: the chart of the trace, every line checked against the network first. */
    private int chart(Network network, ExportOptions options, PrintWriter err) {
        TraceChart.Result read;
        try (java.io.InputStream in = Files.newInputStream(trace)) {
            read = TraceChart.read(network, in);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("chanvas export: cannot read the trace " + trace + ": no such file");
            return INVALID;
        } catch (java.nio.file.AccessDeniedException e) {
            err.println("chanvas export: cannot read the trace " + trace + ": permission denied");
            return INVALID;
        } catch (IOException | UncheckedIOException e) {
            err.println("chanvas export: cannot read the trace " + trace + ": " + e.getMessage());
            return INVALID;
        }
        return switch (read) {
            case TraceChart.Refused r -> {
                err.println("chanvas export: " + trace + ": " + r.describe());
                yield INVALID;
            }
            case TraceChart.Built b -> switch (ChartExporter.export(ChartLayout.of(b.chart(), options.theme()), options, output)) {
                case ExportResult.Written w -> OK;
                case ExportResult.Failed f -> {
                    err.println("chanvas export: " + f.reason());
                    yield INVALID;
                }
            };
        };
    }
}
