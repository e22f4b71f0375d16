package org.chanvas.bench.editor;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.chanvas.app.editor.CanvasPainter;
import org.chanvas.app.editor.Selection;
import org.chanvas.app.editor.canvas.DiagramView;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.edit.Position;
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
 * The editor's frame while a process is dragged: the move preview is applied, the diagram laid out again and
 * painted onto the canvas through FXGraphics2D, exactly the work of one pulse (target: under 16 ms for 500
 * processes and 1,000 channels). Run:
 * {@code java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main EditorFrameBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Dglass.platform=Headless", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED"})
public class EditorFrameBench {

    @Param({"500"})
    public int processes;

    @Param({"1000"})
    public int channels;

    /** {@code fit}: the whole network in the window (tiny boxes); {@code normal}: zoom 100 % around the drag. */
    @Param({"normal", "fit"})
    public String view;

    private DiagramView canvas;
    private Process dragged;
    private int step;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        FxThread.start();
        Network network = BigNetworks.grid(processes, channels, 7);
        dragged = network.processes().get(processes / 2);
        canvas = FxThread.call(() -> {
            Selection selection = new Selection();
            selection.selectProcess(dragged.id());
            DiagramView v = new DiagramView(new CanvasPainter(selection));
            v.resize(1280, 800);
            v.layout();
            v.setNetwork(network);
            if (view.equals("fit")) {
                v.fitToWindow();
            } else {
                v.viewport().reset();
                v.viewport().panBy(640 - dragged.x(), 400 - dragged.y());
            }
            v.paintNow();
            return v;
        });
    }

    /** One frame of a drag: the dragged box a few units further on, laid out and painted. */
    @Benchmark
    public long dragFrame() {
        int s = ++step;
        return FxThread.call(() -> {
            canvas.setMovePreview(Map.of(dragged.id(), new Position(dragged.x() + (s % 40) * 5, dragged.y() + (s % 17) * 3)));
            canvas.paintNow();
            return canvas.lastPaintNanos();
        });
    }
}
