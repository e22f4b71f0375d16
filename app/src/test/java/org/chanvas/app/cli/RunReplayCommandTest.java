package org.chanvas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.io.ChanvasFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code chanvas run FILE --replay TRACE.jsonl} (SPEC §4): a recorded trace re-runs move by move and prints as
 * the run did, with the run's exit code; a trace that does not fit names its first bad line and exits 2.
 */
class RunReplayCommandTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    Result run(Path f, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RunCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = f.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        return new Result(cl.execute(all), out.toString(), err.toString());
    }

    Path write(Network n) throws Exception {
        Path f = dir.resolve(n.title() + ".chanvas.json");
        Files.writeString(f, ChanvasFormat.write(n));
        return f;
    }

    static Network ring(String title) {
        return new Network(title, "", List.of(new Process("a", 0, 0, "print \"a waits\"\nrecv in\nsend out 1"),
                new Process("b", 0, 0, "recv in\nsend out 1")),
                List.of(new Channel("ab", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("a", "out")),
                                List.of(new Endpoint("b", "in"))),
                        new Channel("ba", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("b", "out")),
                                List.of(new Endpoint("a", "in")))), List.of(), null);
    }

    static Network prodCons() {
        return new Network("pc", "", List.of(new Process("producer", 0, 0,
                        "for i in 0..3 {\n  send out random(1, 100)\n}\nsend out \"kill\""),
                new Process("consumer", 0, 0, "forever {\n  m = recv in\n  if m == \"kill\" { stop }\n  print m\n}")),
                List.of(new Channel("q", ChannelKind.BUFFERED, 2, List.of(new Endpoint("producer", "out")),
                        List.of(new Endpoint("consumer", "in")))), List.of(), null);
    }

    @Test
    void aTraceCutShortReplaysToItsLastLineAndSaysTheRunWasNotOver() throws Exception {
        Path f = write(prodCons());
        Path trace = dir.resolve("whole.jsonl");
        assertThat(run(f, "--seed", "5", "--trace", trace.toString()).code()).isZero();
        List<String> lines = Files.readAllLines(trace);
        // the first half of the lines: a file cut short, as a disk that filled or a copy stopped halfway
        Path cut = Files.write(dir.resolve("cut.jsonl"), lines.subList(0, lines.size() / 2));
        Result r = run(f, "--replay", cut.toString());
        assertThat(r.code()).isEqualTo(130);
        assertThat(r.err()).isEqualTo("stopped: the trace ends before the run did\n");
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        Result none = run(f, "--replay", empty.toString());
        assertThat(none.code()).isEqualTo(130);
        assertThat(none.out()).isEmpty();
    }

    @Test
    void aSeededRunsTraceReplaysToTheSameOutputAndExitCode() throws Exception {
        for (Network n : List.of(prodCons(), ring("ring"))) {
            Path f = write(n);
            Path trace = dir.resolve(n.title() + ".jsonl");
            Result recorded = run(f, "--seed", "11", "--trace", trace.toString());
            Result replayed = run(f, "--replay", trace.toString());
            assertThat(replayed.code()).as(replayed.err()).isEqualTo(recorded.code());
            assertThat(replayed.out()).isEqualTo(recorded.out());
            assertThat(replayed.err()).isEqualTo(recorded.err());
        }
        assertThat(run(write(ring("ring")), "--replay", dir.resolve("ring.jsonl").toString()).code()).isEqualTo(3);
    }

    @Test
    void aConcurrentRunsTraceReplaysToo() throws Exception {
        Path f = write(ring("ring"));
        Path trace = dir.resolve("concurrent.jsonl");
        Result recorded = run(f, "--trace", trace.toString());
        assertThat(recorded.code()).isEqualTo(3);
        Result replayed = run(f, "--replay", trace.toString());
        assertThat(replayed.code()).as(replayed.err()).isEqualTo(3);
        assertThat(replayed.out()).isEqualTo("a: a waits\n");
        assertThat(replayed.err()).contains("cycle of waits: a -> b -> a");
    }

    @Test
    void aTraceThatDoesNotFitNamesItsFirstBadLineAndExitsTwo() throws Exception {
        Path f = write(ring("ring"));
        Path trace = dir.resolve("t.jsonl");
        run(f, "--seed", "3", "--trace", trace.toString());
        String text = Files.readString(trace).replace("\"text\":\"a waits\"", "\"text\":\"a left\"");
        Files.writeString(trace, text);
        Result r = run(f, "--replay", trace.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).matches("(?s).*t\\.jsonl: line \\d+: the trace says a printing \"a left\", but .*");
        Files.writeString(trace, "{\"type\":\"start\"}\n");
        Result bad = run(f, "--replay", trace.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("line 1: \"t\" is missing");
        Result missing = run(f, "--replay", dir.resolve("none.jsonl").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read the trace");
    }
}
