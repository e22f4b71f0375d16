package org.chanvas.bench.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.chanvas.app.diagram.ProcessState;
import org.chanvas.app.diagram.RunOverlay;
import org.chanvas.app.diagram.Theme;
import org.chanvas.app.editor.CanvasPainter;
import org.chanvas.app.editor.Selection;
import org.chanvas.app.editor.canvas.DiagramView;
import org.chanvas.model.Channel;
import org.chanvas.model.Network;
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
 * A frame of presentation mode mid-run on a 1920×1080 screen: a network of 500 processes and 1,000 channels in
 * the presentation theme (dark, high contrast), every process in some run state, 50 messages on their way (their positions move
 * each frame), painted onto the canvas through FXGraphics2D: the FX thread's work of one pulse. ({@code
 * readable}: presentation's fit, which keeps type readable and so shows the part of the network around its
 * centre; {@code whole}: all 500 boxes at once, type too small to read, the worst case of painting.) Prism's
 * rendering of the canvas on its own thread is not included. Run:
 * {@code java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main PresentationFrameBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Dglass.platform=Headless", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED"})
public class PresentationFrameBench {

    @Param({"500"})
    public int processes;

    @Param({"readable", "whole"})
    public String fit;

    private DiagramView canvas;
    private CanvasPainter painter;
    private Map<String, ProcessState> states;
    private List<Channel> carrying;
    private int frame;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        FxThread.start();
        Network network = BigNetworks.grid(processes, 2 * processes, 11);
        states = new HashMap<>();
        ProcessState[] kinds = {ProcessState.RUNNING, ProcessState.WAITING_TO_SEND, ProcessState.WAITING_TO_RECEIVE,
                ProcessState.FINISHED, ProcessState.SLEEPING};
        for (int i = 0; i < network.processes().size(); i++) {
            states.put(network.processes().get(i).id(), kinds[i % kinds.length]);
        }
        carrying = new ArrayList<>();
        for (int i = 0; i < network.channels().size(); i += network.channels().size() / 50) {
            carrying.add(network.channels().get(i));
        }
        Theme dark = Theme.presentation();
        canvas = FxThread.call(() -> {
            painter = new CanvasPainter(new Selection());
            painter.setTheme(dark);
            DiagramView v = new DiagramView(painter);
            v.setTheme(dark);
            v.resize(1920, 1040); // the screen less the run strip
            v.layout();
            v.setNetwork(network);
            if (fit.equals("readable")) {
                v.setFitLimits(dark.readableScale(Theme.PRESENTATION_NAME_PX, Theme.PRESENTATION_TEXT_PX), 2.0);
            }
            v.fitToWindow();
            v.paintNow();
            return v;
        });
    }

    private RunOverlay overlay(int f) {
        List<RunOverlay.Token> tokens = new ArrayList<>(carrying.size());
        double t = (f % 60) / 60.0;
        for (Channel c : carrying) {
            tokens.add(new RunOverlay.Token(c.id(), c.writers().getFirst().process(), c.readers().getFirst().process(),
                    t, "msg " + f));
        }
        return new RunOverlay(states, Map.of(), tokens, List.of(), null);
    }

    /** One frame: the messages a step further along, painted. */
    @Benchmark
    public long frame() {
        int f = ++frame;
        return FxThread.call(() -> {
            painter.setRun(overlay(f));
            canvas.paintNow();
            return canvas.lastPaintNanos();
        });
    }
}
