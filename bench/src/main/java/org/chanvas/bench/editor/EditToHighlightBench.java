package org.chanvas.bench.editor;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chanvas.app.editor.CanvasPainter;
import org.chanvas.app.editor.LiveAnalysis;
import org.chanvas.app.editor.Selection;
import org.chanvas.app.editor.canvas.DiagramView;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.edit.AddChannel;
import org.chanvas.model.edit.EditResult;
import org.chanvas.model.edit.RemoveChannels;
import org.chanvas.model.edit.UndoStack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From an edit to the red on the screen, on a 200-process network: the command on the undo stack, the live
 * analysis (validation and cycles), the painter told the cycles, the canvas laid out and painted. Each call
 * either closes a loop (a back channel from the last process to the first: new cycles) or opens it again.
 * Run: {@code java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main EditToHighlightBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Dglass.platform=Headless", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED"})
public class EditToHighlightBench {

    @Param({"200"})
    public int processes;

    private UndoStack stack;
    private LiveAnalysis analysis;
    private CanvasPainter painter;
    private DiagramView view;
    private Channel back;
    private boolean closed;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        FxThread.start();
        // A chain-like grid with few extra links, so closing the loop makes a handful of cycles, not millions.
        Network network = BigNetworks.grid(processes, processes + processes / 2, 11);
        back = new Channel("back", ChannelKind.RENDEZVOUS, 0,
                List.of(new Endpoint("p" + (processes - 1), "back_out")), List.of(new Endpoint("p0", "back_in")));
        stack = new UndoStack(network);
        analysis = new LiveAnalysis();
        FxThread.call(() -> {
            Selection selection = new Selection();
            painter = new CanvasPainter(selection);
            view = new DiagramView(painter);
            view.resize(1280, 800);
            view.layout();
            view.setNetwork(network);
            view.fitToWindow();
            return null;
        });
    }

    /** One edit and everything until the canvas shows its cycles. Returns the number of cycles seen. */
    @Benchmark
    public int editToHighlight() {
        return FxThread.call(() -> {
            EditResult r = closed ? stack.execute(new RemoveChannels(java.util.Set.of("back")))
                    : stack.execute(new AddChannel(back));
            if (!(r instanceof EditResult.Applied)) {
                throw new IllegalStateException(r.toString());
            }
            closed = !closed;
            LiveAnalysis.Report report = analysis.analyse(stack.current());
            painter.setCycles(report.cycles());
            view.setNetwork(stack.current());
            view.paintNow();
            return report.cycles().size();
        });
    }
}
