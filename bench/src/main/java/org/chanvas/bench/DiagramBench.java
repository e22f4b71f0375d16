package org.chanvas.bench;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.chanvas.app.diagram.Box;
import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.DiagramPainter;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.app.diagram.Marks;
import org.chanvas.app.diagram.Theme;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a drag costs the editor: the diagram is laid out again on every change of the network, and painted
 * every frame (here a full-HD window, zoomed to fit, grid on). A ring of n processes, every other ring channel
 * buffered, each process also talking to the one two further on (a chord), and every fourth one feeding a
 * shared job queue at the centre: 2n channels in all, so 500 processes make the 1,000-channel network the
 * editor must lay out in well under a frame's budget of a drag. {@link #layoutDense()} lays out a denser
 * network of as many processes, packed on a grid as people draw them (neighbours about a box apart, talking
 * right and down, some pairs sharing a channel to the box below, about 2n channels): there labels crowd
 * and collide, which the sparse ring hardly tests. Run: {@code mvn -q -o -pl bench -am package -DskipTests}, then
 * {@code java -Djava.awt.headless=true -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main DiagramBench -f 1 -wi 3 -w 2s -i 5 -r 2s}.
 * Seen 2026-11-25 on a shared, heavily loaded 2-core machine (error bars as large as the scores): layout
 * 0.3–1.1 ms for 10 processes and 7–16 ms for 60; a full-HD paint 15–33 ms. With the layout's spatial grids
 * (same machine, same load, {@code -wi 3..5 -i 5..6}): 500 processes laid out in 49–87 ms on the ring
 * (390–550 ms before) and 16–55 ms dense (445 ms before).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DiagramBench {

    @Param({"10", "60", "500"})
    public int processes;

    private Network network;
    private Network dense;
    private Theme theme;
    private DiagramGeometry geometry;
    private Highlights highlights;
    private BufferedImage image;
    private Box area;
    private double fit;

    @Setup
    public void setUp() {
        List<Process> ps = new ArrayList<>();
        List<Channel> cs = new ArrayList<>();
        List<String> ringIds = new ArrayList<>();
        double radius = 60.0 * processes;
        for (int i = 0; i < processes; i++) {
            double a = 2 * Math.PI * i / processes;
            ps.add(new Process("p" + i, radius * Math.cos(a), radius * Math.sin(a), ""));
        }
        List<Endpoint> feeders = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            String id = "c" + i;
            ringIds.add(id);
            boolean buffered = i % 2 == 0;
            cs.add(new Channel(id, buffered ? ChannelKind.BUFFERED : ChannelKind.RENDEZVOUS, buffered ? 3 : 0,
                    List.of(new Endpoint("p" + i, "out")), List.of(new Endpoint("p" + ((i + 1) % processes), "in"))));
            if (i < processes - 1) {
                cs.add(new Channel("x" + i, ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("p" + i, "skip")),
                        List.of(new Endpoint("p" + ((i + 2) % processes), "skipped"))));
            }
            if (i % 4 == 0) {
                feeders.add(new Endpoint("p" + i, "job"));
            }
        }
        ps.add(new Process("sink", 0, 0, ""));
        cs.add(new Channel("jobs", ChannelKind.UNBOUNDED, 0, feeders, List.of(new Endpoint("sink", "in"))));
        network = new Network("bench", "", ps, cs, List.of(), Map.of());
        dense = dense(processes);
        theme = Theme.light();
        geometry = DiagramGeometry.layout(network, theme);
        List<String> ids = ps.stream().map(Process::id).toList();
        highlights = Highlights.cycles(new Marks(new java.util.HashSet<>(ids), new java.util.HashSet<>(ringIds)), Marks.NONE);
        area = geometry.bounds().inflate(30);
        // A full-HD window with the whole diagram zoomed to fit, as the editor shows it.
        image = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_ARGB);
        fit = Math.min(1920 / area.w(), 1080 / area.h());
    }

    @Benchmark
    public DiagramGeometry layout() {
        return DiagramGeometry.layout(network, theme);
    }

    @Benchmark
    public DiagramGeometry layoutDense() {
        return DiagramGeometry.layout(dense, theme);
    }

    /** n processes row by row on a grid about 1.25 times wider than high, with about 2n channels. */
    private static Network dense(int n) {
        int cols = (int) Math.ceil(Math.sqrt(n * 1.25));
        List<Process> ps = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ps.add(new Process("g" + k, 240.0 * (k % cols), 170.0 * (k / cols), ""));
        }
        List<Channel> cs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            boolean buffered = k % 3 == 0;
            if (k % cols + 1 < cols && k + 1 < n) {
                cs.add(new Channel("r" + k, buffered ? ChannelKind.BUFFERED : ChannelKind.RENDEZVOUS, buffered ? 4 : 0,
                        List.of(new Endpoint("g" + k, "east")), List.of(new Endpoint("g" + (k + 1), "west"))));
            }
            if (k + cols < n) {
                cs.add(new Channel("d" + k, ChannelKind.RENDEZVOUS, 0,
                        List.of(new Endpoint("g" + k, "south")), List.of(new Endpoint("g" + (k + cols), "north"))));
            }
        }
        for (int k = 0; k < n && cs.size() < 2 * n; k++) {
            int col = k % cols;
            int row = k / cols;
            if (col % 2 == 0 && row % 2 == 0 && col + 1 < cols && k + 1 + cols < n) {
                cs.add(new Channel("s" + k, ChannelKind.UNBOUNDED, 0,
                        List.of(new Endpoint("g" + k, "pool"), new Endpoint("g" + (k + 1), "pool")),
                        List.of(new Endpoint("g" + (k + cols), "take"))));
            }
        }
        return new Network("dense", "", ps, cs, List.of(), Map.of());
    }

    @Benchmark
    public BufferedImage paint() {
        Graphics2D g = image.createGraphics();
        try {
            g.scale(fit, fit);
            g.translate(-area.x(), -area.y());
            DiagramPainter painter = new DiagramPainter(theme);
            painter.paintBackground(g, area, true, 20);
            painter.paint(g, geometry, highlights);
        } finally {
            g.dispose();
        }
        return image;
    }
}
