package org.chanvas.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.chanvas.app.cli.RunCommand;
import org.chanvas.app.diagram.Box;
import org.chanvas.app.diagram.FontRole;
import org.chanvas.app.diagram.TextMeasure;
import org.chanvas.app.diagram.Theme;
import org.chanvas.model.Network;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The chart of a seeded run of every example, in both themes, lies inside its bounds: no value, name or line of
 * the end is cut off the file, and every arrow joins the lifelines of its sender and receiver.
 */
class ChartLayoutTest {

    @TempDir
    static Path dir;

    static List<Path> examples() throws Exception {
        Path folder = Path.of(System.getProperty("chanvas.examples", "../examples"));
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".chanvas.json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everythingDrawnLiesInsideTheChart(Path example) throws Exception {
        Path trace = dir.resolve(example.getFileName() + ".jsonl");
        CommandLine c = new CommandLine(new RunCommand());
        c.setOut(new PrintWriter(new StringWriter(), true));
        c.setErr(new PrintWriter(new StringWriter(), true));
        c.execute(example.toString(), "--seed", "2", "--timeout", "2", "--trace", trace.toString());
        Network n = ((LoadResult.Loaded) ChanvasFormat.read(example)).network();
        TraceChart.Result r = TraceChart.read(n, new StringReader(Files.readString(trace)));
        assertThat(r).isInstanceOf(TraceChart.Built.class);
        SequenceChartModel m = ((TraceChart.Built) r).chart();
        for (Theme theme : List.of(Theme.light(), Theme.dark())) {
            ChartLayout l = ChartLayout.of(m, theme);
            TextMeasure measure = theme.measure();
            Box bounds = l.bounds().inflate(0.5);
            assertThat(l.lifelines()).hasSize(n.processes().size());
            for (ChartLayout.LifelineShape s : l.lifelines()) {
                assertThat(inside(bounds, s.header())).as(s.lifeline().process()).isTrue();
                assertThat(s.bottom()).isLessThanOrEqualTo(l.height());
            }
            for (ChartLayout.Arrow a : l.arrows()) {
                Box text = new Box(a.labelAt().x(), a.labelAt().y() - measure.ascent(FontRole.CHANNEL),
                        measure.width(a.label(), FontRole.CHANNEL), measure.height(FontRole.CHANNEL));
                assertThat(inside(bounds, text)).as("value %s of %s", a.label(), example.getFileName()).isTrue();
                assertThat(inside(bounds, a.head().bounds())).isTrue();
                if (!a.pending() && a.message().from() != null && a.message().to() != null
                        && !a.message().from().equals(a.message().to())) {
                    assertThat(a.path().getFirst().x()).isEqualTo(x(l, a.message().from()));
                    assertThat(a.head().tip().x()).isEqualTo(x(l, a.message().to()));
                }
            }
            Stream.concat(Stream.concat(l.end().lines().stream(), Stream.ofNullable(l.end().title())),
                    l.end().cycle().stream().map(ChartLayout.CycleEdge::words)).forEach(t -> {
                        Box text = new Box(t.left().x(), t.left().y() - measure.ascent(t.role()),
                                measure.width(t.text(), t.role()), measure.height(t.role()));
                        assertThat(inside(bounds, text)).as("%s of %s", t.text(), example.getFileName()).isTrue();
                    });
        }
    }

    private static double x(ChartLayout l, String process) {
        return l.lifelines().stream().filter(s -> s.lifeline().process().equals(process)).findFirst().orElseThrow().x();
    }

    private static boolean inside(Box outer, Box b) {
        return b.x() >= outer.x() && b.y() >= outer.y() && b.maxX() <= outer.maxX() && b.maxY() <= outer.maxY();
    }

    @org.junit.jupiter.api.Test
    void aMessageToItselfOnTheLastLifelineStaysInsideTheChart() {
        Network n = new Network("self", "", List.of(new org.chanvas.model.Process("a", 0, 0, ""),
                new org.chanvas.model.Process("b", 0, 0, "")), List.of(new org.chanvas.model.Channel("loop",
                org.chanvas.model.ChannelKind.RENDEZVOUS, 0, List.of(new org.chanvas.model.Endpoint("b", "out")),
                List.of(new org.chanvas.model.Endpoint("b", "in")))), List.of(), null);
        String value = "x".repeat(200);
        TraceChart.Result r = TraceChart.read(n, new StringReader(
                "{\"type\":\"transfer\",\"t\":0,\"channel\":\"loop\",\"from\":\"b.out\",\"to\":\"b.in\",\"value\":\""
                        + value + "\"}\n"));
        ChartLayout l = ChartLayout.of(((TraceChart.Built) r).chart(), Theme.light());
        ChartLayout.Arrow a = l.arrows().getFirst();
        assertThat(a.path()).hasSizeGreaterThan(2);
        assertThat(a.labelBox().maxX()).isLessThanOrEqualTo(l.width());
        assertThat(a.path()).allMatch(p -> p.x() <= l.width());
    }
}
