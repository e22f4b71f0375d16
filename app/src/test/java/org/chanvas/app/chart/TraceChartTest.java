package org.chanvas.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chanvas.app.chart.SequenceChartModel.End;
import org.chanvas.app.chart.SequenceChartModel.Message;
import org.chanvas.app.cli.ExportCommand;
import org.chanvas.app.cli.RunCommand;
import org.chanvas.app.cli.VerifyCommand;
import org.chanvas.app.diagram.Theme;
import org.chanvas.model.Network;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The sequence chart of recorded runs and counterexamples (SPEC §4 {@code export --trace}): messages in order
 * with their values, waits, the end with its numbered cycle; one SVG lifeline per process and one message per
 * transfer; a trace that does not fit the network refused with exit 2 naming its line.
 */
class TraceChartTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chanvas.examples", "../examples"));

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int cli(Object command, String... args) {
        CommandLine c = new CommandLine(command);
        c.setErr(new PrintWriter(err, true));
        c.setOut(new PrintWriter(new StringWriter(), true));
        return c.execute(args);
    }

    private static Path example(String stem) {
        return EXAMPLES.resolve(stem + ".chanvas.json");
    }

    private static Network network(String stem) {
        return ((LoadResult.Loaded) ChanvasFormat.read(example(stem))).network();
    }

    private Path recorded(String stem, long seed) {
        Path t = dir.resolve(stem + "-" + seed + ".jsonl");
        cli(new RunCommand(), example(stem).toString(), "--seed", Long.toString(seed), "--trace", t.toString());
        assertThat(t).exists();
        return t;
    }

    private static SequenceChartModel chart(String stem, Path trace) throws Exception {
        TraceChart.Result r = TraceChart.read(network(stem), new StringReader(Files.readString(trace)));
        assertThat(r).isInstanceOf(TraceChart.Built.class);
        return ((TraceChart.Built) r).chart();
    }

    private static long count(Path trace, String type) throws Exception {
        return Files.readAllLines(trace).stream().filter(l -> l.contains("\"type\":\"" + type + "\"")).count();
    }

    @Test
    void aRecordedRunOfProdConsChartsEachMessageInOrderWithItsValueAndTheStuckEnd() throws Exception {
        Path trace = recorded("prod-cons", 1);
        SequenceChartModel m = chart("prod-cons", trace);

        assertThat(m.lifelines()).extracting(SequenceChartModel.Lifeline::process).containsExactly("producer", "consumer");
        assertThat(m.messages()).extracting(Message::value)
                .containsExactly("Message 0", "Message 1", "Message 2", "Message 3");
        assertThat(m.messages()).allMatch(x -> x.from().equals("producer") && x.to().equals("consumer")
                && x.channel().equals("q"));
        // Unbounded channel: each arrow starts at its put, before it is taken.
        assertThat(m.messages()).allMatch(x -> x.sentAt() < x.receivedAt());
        assertThat(m.messages()).extracting(Message::receivedAt).isSorted();
        // The refs are the trace lines of the transfers.
        List<String> lines = Files.readAllLines(trace);
        for (Message x : m.messages()) {
            assertThat(lines.get((int) x.ref() - 1)).contains("\"type\":\"transfer\"").contains(x.value());
        }
        // The producer ended; the consumer waits for a message that never comes.
        assertThat(m.lifelines().get(0).ended()).isTrue();
        assertThat(m.lifelines().get(1).ended()).isFalse();
        assertThat(m.end()).isInstanceOf(End.Deadlocked.class);
        var d = ((End.Deadlocked) m.end()).diagnosis();
        assertThat(d.stuck()).isTrue();
        assertThat(d.waiting()).extracting(w -> w.process()).containsExactly("consumer");
        // The consumer waited from its first receive to the first message, and waits at the end.
        assertThat(m.waits()).filteredOn(w -> w.process().equals("consumer") && !w.open())
                .anySatisfy(w -> assertThat(w.to()).isEqualTo(m.messages().getFirst().receivedAt()));
        assertThat(m.waits()).filteredOn(SequenceChartModel.Wait::open)
                .extracting(SequenceChartModel.Wait::process).containsExactly("consumer");
        assertThat(m.waits()).noneMatch(w -> w.process().equals("producer"));
    }

    @Test
    void aRunThatFinishesEndsEveryLifelineAndSaysFinished() throws Exception {
        Path trace = recorded("prod-cons-kill", 2);
        SequenceChartModel m = chart("prod-cons-kill", trace);
        assertThat(m.messages()).extracting(Message::value).endsWith("kill");
        assertThat(m.messages()).hasSize((int) count(trace, "transfer"));
        assertThat(m.end()).isInstanceOf(End.Finished.class);
        assertThat(m.lifelines()).allMatch(SequenceChartModel.Lifeline::ended);
        assertThat(m.waits()).noneMatch(SequenceChartModel.Wait::open);
    }

    @Test
    void aVerifyCounterexampleEndsInTheNumberedCycleOfWaitsBelowEveryMessage() throws Exception {
        Path trace = dir.resolve("dp.jsonl");
        assertThat(cli(new VerifyCommand(), example("dining-philosophers").toString(), "--trace", trace.toString()))
                .isEqualTo(3);
        SequenceChartModel m = chart("dining-philosophers", trace);
        assertThat(m.messages()).hasSize(3).allMatch(x -> x.value().equals("fork") && x.from().startsWith("fork")
                && x.to().startsWith("philosopher"));
        assertThat(m.end()).isInstanceOf(End.Deadlocked.class);
        List<String> cycle = ((End.Deadlocked) m.end()).diagnosis().cycle();
        assertThat(cycle).hasSize(6).contains("fork1", "philosopher1", "fork2", "philosopher2", "fork3", "philosopher3");
        // Every waiting process is shaded to the end, though the counterexample records no block for some.
        assertThat(m.waits()).filteredOn(SequenceChartModel.Wait::open)
                .extracting(SequenceChartModel.Wait::process).containsExactlyInAnyOrderElementsOf(cycle);

        ChartLayout l = ChartLayout.of(m, Theme.light());
        assertThat(l.end().cycle()).extracting(ChartLayout.CycleEdge::number).containsExactly(1, 2, 3, 4, 5, 6);
        for (int k = 0; k < cycle.size(); k++) {
            ChartLayout.CycleEdge e = l.end().cycle().get(k);
            assertThat(e.waiter()).isEqualTo(cycle.get(k));
            assertThat(e.peer()).isEqualTo(cycle.get((k + 1) % cycle.size()));
        }
        double lastArrow = l.arrows().stream().mapToDouble(a -> a.head().tip().y()).max().orElseThrow();
        assertThat(l.end().cycle()).allMatch(e -> e.from().y() > lastArrow);
        assertThat(l.end().title().text()).startsWith("deadlock: cycle of waits fork1 \u2192 philosopher1");
    }

    @Test
    void theSvgHasOneLifelinePerProcessAndOneMessagePerTransfer() throws Exception {
        Path trace = recorded("two-consumers-ten-messages", 4);
        Path out = dir.resolve("chart.svg");
        assertThat(cli(new ExportCommand(), example("two-consumers-ten-messages").toString(), "--trace", trace.toString(),
                "-o", out.toString())).isZero();
        assertThat(err.toString()).isEmpty();
        String svg = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(classCount(svg, "lifeline")).isEqualTo(network("two-consumers-ten-messages").processes().size());
        assertThat(classCount(svg, "message")).isEqualTo(count(trace, "transfer")).isPositive();
        for (String ext : List.of("png", "pdf")) {
            Path f = dir.resolve("chart." + ext);
            assertThat(cli(new ExportCommand(), example("two-consumers-ten-messages").toString(), "--trace",
                    trace.toString(), "-o", f.toString())).isZero();
            assertThat(Files.size(f)).isPositive();
        }
    }

    private static long classCount(String svg, String cls) {
        Matcher m = Pattern.compile("class=['\"]" + cls + "['\"]").matcher(svg);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private String refused(String stem, String traceText) throws Exception {
        Path t = dir.resolve("lie.jsonl");
        Files.writeString(t, traceText);
        Path out = dir.resolve("lie.svg");
        err.getBuffer().setLength(0);
        assertThat(cli(new ExportCommand(), example(stem).toString(), "--trace", t.toString(), "-o", out.toString()))
                .isEqualTo(ExportCommand.INVALID);
        assertThat(out).doesNotExist();
        return err.toString();
    }

    @Test
    void aTraceThatLiesIsRefusedWithExit2NamingItsLine() throws Exception {
        List<String> good = Files.readAllLines(recorded("prod-cons", 1));
        String t = String.join("\n", good);
        // An unknown channel on line 12 (the first transfer).
        assertThat(good.get(11)).contains("\"type\":\"transfer\"");
        List<String> lie = new java.util.ArrayList<>(good);
        lie.set(11, good.get(11).replace("\"channel\":\"q\"", "\"channel\":\"q9\""));
        assertThat(refused("prod-cons", String.join("\n", lie)))
                .contains("line 12: channel \"q9\" is not in the network");
        // A garbage line.
        lie = new java.util.ArrayList<>(good);
        lie.set(6, "{\"type\":\"transfer\", this is not json");
        assertThat(refused("prod-cons", String.join("\n", lie))).contains("line 7:").contains("not JSON");
        // An unknown process.
        lie = new java.util.ArrayList<>(good);
        lie.set(2, good.get(2).replace("\"process\":\"consumer\"", "\"process\":\"ghost\""));
        assertThat(refused("prod-cons", String.join("\n", lie))).contains("line 3: process \"ghost\" is not in the network");
        // A transfer the wrong way along the channel.
        lie = new java.util.ArrayList<>(good);
        lie.set(11, good.get(11).replace("\"from\":\"producer.out\",\"to\":\"consumer.in\"",
                "\"from\":\"consumer.in\",\"to\":\"producer.out\""));
        assertThat(refused("prod-cons", String.join("\n", lie))).contains("line 12: a transfer on channel q");
        // Bytes that are not text, on line 3.
        Path bin = dir.resolve("bin.jsonl");
        Files.write(bin, (good.get(0) + "\n" + good.get(1) + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}, java.nio.file.StandardOpenOption.APPEND);
        err.getBuffer().setLength(0);
        assertThat(cli(new ExportCommand(), example("prod-cons").toString(), "--trace", bin.toString(), "-o",
                dir.resolve("bin.svg").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 3: not UTF-8 text");
        // The whole trace against another network: its first line already names a stranger.
        assertThat(refused("dining-philosophers", t)).contains("line 1: process \"producer\" is not in the network");
    }

    @Test
    void aTraceOfAHundredThousandLinesChartsItsLatestStepsWithinMemoryAndTime() throws Exception {
        // prod-cons-kill's network, a made-up long run: 50,000 handovers of the unbounded queue, put then take.
        StringBuilder sb = new StringBuilder();
        sb.append("{\"type\":\"start\",\"t\":0,\"process\":\"producer\",\"label\":\"producer\"}\n");
        sb.append("{\"type\":\"start\",\"t\":0,\"process\":\"consumer\",\"label\":\"consumer\"}\n");
        Network n = network("prod-cons-kill");
        String ch = n.channels().getFirst().id();
        String from = n.channels().getFirst().writers().getFirst().toString();
        String to = n.channels().getFirst().readers().getFirst().toString();
        for (int i = 0; i < 49_999; i++) {
            sb.append("{\"type\":\"buffer\",\"t\":").append(i).append(",\"channel\":\"").append(ch)
                    .append("\",\"held\":1,\"from\":\"").append(from).append("\"}\n");
            sb.append("{\"type\":\"transfer\",\"t\":").append(i).append(",\"channel\":\"").append(ch)
                    .append("\",\"from\":\"").append(from).append("\",\"to\":\"").append(to)
                    .append("\",\"value\":\"m").append(i).append("\"}\n");
        }
        Path t = dir.resolve("long.jsonl");
        Files.writeString(t, sb);
        assertThat(Files.readAllLines(t)).hasSize(100_000);

        long t0 = System.nanoTime();
        SequenceChartModel m = chart("prod-cons-kill", t);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(m.rows()).isEqualTo(99_998);
        assertThat(m.rowsShown()).isEqualTo(ChartBuilder.MAX_ROWS);
        assertThat(m.omitted()).isEqualTo(99_998 - ChartBuilder.MAX_ROWS);
        assertThat(m.messages()).hasSizeLessThanOrEqualTo(ChartBuilder.MAX_ROWS / 2 + 1);
        assertThat(m.messages().getLast().value()).isEqualTo("m49998");
        assertThat(millis).as("charting 100,000 lines took %d ms", millis).isLessThan(30_000);

        Path out = dir.resolve("long.png");
        assertThat(cli(new ExportCommand(), example("prod-cons-kill").toString(), "--trace", t.toString(), "-o",
                out.toString())).isZero();
        ChartLayout l = ChartLayout.of(m, Theme.light());
        assertThat(l.note()).isPresent();
        assertThat(l.note().get().text()).contains("98,998 earlier steps not drawn");
    }

    @Test
    void aChartGoesOnlyToSvgPngOrPdf() throws Exception {
        Path trace = recorded("prod-cons", 1);
        assertThat(cli(new ExportCommand(), example("prod-cons").toString(), "--trace", trace.toString(), "-o",
                dir.resolve("x.dot").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(".svg, .png or .pdf");
        err.getBuffer().setLength(0);
        assertThat(cli(new ExportCommand(), example("prod-cons").toString(), "--trace", dir.resolve("none.jsonl").toString(),
                "-o", dir.resolve("x.svg").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the trace").contains("none.jsonl: no such file");
    }
}
